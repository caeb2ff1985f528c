import {
  StatusAborted,
  StatusError,
  StatusOK,
  StatusPending,
  StatusWarning,
} from '@backstage/core-components';

/**
 * A Flink job state (`status.jobStatus.state`) with the status icon that
 * says at a glance whether it needs attention; the word stays, so colour is
 * never the only signal.
 */
export function JobState(props: { state: string }) {
  const { state } = props;
  switch (state) {
    case 'RUNNING':
      return <StatusOK>{state}</StatusOK>;
    case 'FAILED':
    case 'FAILING':
      return <StatusError>{state}</StatusError>;
    case 'RESTARTING':
    case 'RECONCILING':
    case 'CANCELLING':
      return <StatusWarning>{state}</StatusWarning>;
    case 'CREATED':
    case 'INITIALIZING':
    case 'DEPLOYING':
      return <StatusPending>{state}</StatusPending>;
    default:
      // CANCELED, FINISHED, SUSPENDED and states this version does not know.
      return <StatusAborted>{state}</StatusAborted>;
  }
}
