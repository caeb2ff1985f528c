import { WarningPanel } from '@backstage/core-components';
import { streamingPipelineReadPermission } from '@internal/backstage-plugin-streaming-platform-common';

/** Whether an error is the backend's 403: the user may not read pipelines. */
export function isPermissionDenied(error: Error | undefined): boolean {
  return (
    !!error && (error as Error & { statusCode?: number }).statusCode === 403
  );
}

/** Says that, and which permission it takes, instead of a bare "403". */
export function PermissionDenied(props: { error: Error }) {
  return (
    <WarningPanel
      severity="error"
      defaultExpanded
      title="You may not see these pipelines"
      message={`Reading pipelines takes the ${streamingPipelineReadPermission.name} permission, which the permission policy denied you. Ask your platform team to grant it. (${props.error.message})`}
    />
  );
}
