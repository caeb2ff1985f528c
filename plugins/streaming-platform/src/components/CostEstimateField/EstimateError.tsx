import Button from '@material-ui/core/Button';
import Typography from '@material-ui/core/Typography';

/**
 * The backend's reason, when it gave one: a ResponseError's own message
 * only has the HTTP status; what went wrong is in its `cause`.
 */
function reasonOf(error: Error): string | undefined {
  const cause = (error as { cause?: unknown }).cause;
  const message = (cause as { message?: unknown } | undefined)?.message;
  return typeof message === 'string' && message && message !== error.message
    ? message
    : undefined;
}

/**
 * The estimate failed. Said on the field alone: the rest of the form works,
 * and the estimate is asked again when a value changes or on "Try again".
 */
export function EstimateError(props: { error: Error; onRetry: () => void }) {
  const { error, onRetry } = props;
  const reason = reasonOf(error);
  return (
    <div role="alert">
      <Typography variant="body2" color="error">
        Could not estimate the cost: {error.message}
        {reason ? ` (${reason})` : ''}. The rest of the form is not affected.
      </Typography>
      <Button size="small" onClick={onRetry}>
        Try again
      </Button>
    </div>
  );
}
