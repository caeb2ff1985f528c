import Typography from '@material-ui/core/Typography';
import { FieldProblem } from '@internal/backstage-plugin-streaming-platform-common';
import { fieldsNeeded } from './estimateInputs';

/**
 * Why there is no estimate yet: the fields it is priced from that are
 * empty or wrong, named, with the form's own messages.
 */
export function MissingInputs(props: { problems: FieldProblem[] }) {
  const { problems } = props;
  return (
    <div role="status" aria-label="Cost estimate needs">
      <Typography variant="body2">
        To estimate the cost, fill in or correct:{' '}
        {fieldsNeeded(problems).join(', ')}.
      </Typography>
      <Typography variant="caption" color="textSecondary" component="ul">
        {problems.map(p => (
          <li key={`${p.field}:${p.message}`}>{p.message}</li>
        ))}
      </Typography>
    </div>
  );
}
