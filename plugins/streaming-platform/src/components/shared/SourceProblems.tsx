import { WarningPanel } from '@backstage/core-components';
import Typography from '@material-ui/core/Typography';
import {
  DataSourceKind,
  DataSourceStatus,
} from '@internal/backstage-plugin-streaming-platform-common';
import { formatAge } from './format';

/**
 * The sources behind a panel that are not current, each with its error and
 * the age of its last good data. Renders nothing when all are current, so a
 * panel can always include it.
 */
export function SourceProblems(props: {
  sources: DataSourceStatus[] | undefined;
  /** Only these kinds matter to the panel; default: all. */
  kinds?: DataSourceKind[];
  /** What the panel shows, for the title: "Lag", "Cost", … */
  what?: string;
}) {
  const problems = (props.sources ?? []).filter(
    s =>
      (s.state === 'stale' || s.state === 'error') &&
      (!props.kinds || props.kinds.includes(s.kind)),
  );
  if (!problems.length) return null;
  const failing = problems.some(p => p.state === 'error');
  return (
    <WarningPanel
      severity={failing ? 'error' : 'warning'}
      title={`${props.what ? `${props.what}: ` : ''}${
        failing ? 'a source is failing' : 'showing the last good data'
      }`}
    >
      {problems.map(p => (
        <Typography
          key={`${p.kind}:${p.id}`}
          variant="body2"
          component="p"
          data-testid="source-problem"
        >
          <strong>
            {p.kind} · {p.id}
          </strong>
          : {p.message}
          {p.error ? ` (${p.error.name}: ${p.error.message})` : ''} Last good
          data: {formatAge(p.lastSuccessAt)}.
        </Typography>
      ))}
    </WarningPanel>
  );
}
