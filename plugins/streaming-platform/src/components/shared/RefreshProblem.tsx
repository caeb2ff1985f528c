import { ResponseErrorPanel, WarningPanel } from '@backstage/core-components';
import { formatAge } from './format';
import { Polled } from './usePolling';

/**
 * A panel's own request failed. Without data: the error panel. With data
 * from before: a warning over it saying how old that data is, so a failed
 * refresh degrades the panel instead of emptying it.
 */
export function RefreshProblem(props: {
  polled: Pick<Polled<unknown>, 'value' | 'error' | 'loadedAt'>;
  title?: string;
}) {
  const { value, error, loadedAt } = props.polled;
  if (!error) return null;
  if (value === undefined) {
    return <ResponseErrorPanel error={error} title={props.title} />;
  }
  return (
    <WarningPanel
      severity="warning"
      title={`Could not refresh${props.title ? ` ${props.title}` : ''}`}
      message={`${error.message}. Showing data from ${formatAge(
        loadedAt ? new Date(loadedAt).toISOString() : undefined,
      )}.`}
    />
  );
}
