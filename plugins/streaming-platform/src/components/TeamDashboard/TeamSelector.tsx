import TextField from '@material-ui/core/TextField';
import { TeamChoice } from './useTeamChoices';

const sameRef = (a: string, b: string) =>
  a.toLocaleLowerCase('en-US') === b.toLocaleLowerCase('en-US');

/**
 * Picks the team: the user's own teams first, then every Group. A native
 * select, so it works by keyboard and with screen readers as everywhere, and
 * stays quick with thousands of Groups.
 */
export function TeamSelector(props: {
  value: string | undefined;
  mine: string[];
  all: TeamChoice[];
  onChange: (group: string) => void;
}) {
  const { value, mine, all, onChange } = props;
  const titleOf = (ref: string) =>
    all.find(c => sameRef(c.ref, ref))?.title ?? ref;
  const others = all.filter(c => !mine.some(m => sameRef(m, c.ref)));
  // The option's own spelling: refs compare case-insensitively, options do not.
  const selected =
    value &&
    (mine.find(m => sameRef(m, value)) ??
      others.find(c => sameRef(c.ref, value))?.ref);
  // A linked team the catalog list does not (yet) hold still shows as chosen.
  const unlisted = value && !selected;
  return (
    <TextField
      select
      label="Team"
      size="small"
      variant="outlined"
      value={selected || value || ''}
      onChange={e => onChange(e.target.value)}
      SelectProps={{ native: true }}
      inputProps={{ 'aria-label': 'Team' }}
      style={{ minWidth: 240 }}
    >
      {!value && <option value="">Choose a team…</option>}
      {unlisted && <option value={value}>{titleOf(value)}</option>}
      {mine.length > 0 && (
        <optgroup label="Your teams">
          {mine.map(ref => (
            <option key={ref} value={ref}>
              {titleOf(ref)}
            </option>
          ))}
        </optgroup>
      )}
      {others.length > 0 && (
        <optgroup label={mine.length ? 'Other teams' : 'Teams'}>
          {others.map(choice => (
            <option key={choice.ref} value={choice.ref}>
              {choice.title}
            </option>
          ))}
        </optgroup>
      )}
    </TextField>
  );
}
