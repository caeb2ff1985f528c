import { EmptyState, ResponseErrorPanel } from '@backstage/core-components';
import { streamingPipelineReadPermission } from '@internal/backstage-plugin-streaming-platform-common';

/** The HTTP status of a failed backend request, when it got that far. */
export function statusOf(error: Error | undefined): number | undefined {
  const status = (error as { statusCode?: unknown } | undefined)?.statusCode;
  return typeof status === 'number' ? status : undefined;
}

/**
 * A backend request failed and there is nothing to show. A denied
 * permission, and where the caller explains it a 404, are things the user
 * can act on, so they get an explanation instead of a stack of HTTP details.
 */
export function RequestProblem(props: {
  error: Error;
  /**
   * What could not be loaded: "the platform overview", "the time series".
   * Titles the error panel: "Could not load …".
   */
  what?: string;
  /** Whom a denied permission hides: "this pipeline", "the platform overview". */
  deniedSubject: string;
  /** What needs the permission: "reading eks-prod/risk/x". Default: `what`. */
  deniedAction?: string;
  /** What a 404 means here, when it is more than an error. */
  notFound?: { title: string; description: string };
}) {
  const { error, notFound } = props;
  const status = statusOf(error);
  if (status === 404 && notFound) {
    return (
      <EmptyState
        missing="data"
        title={notFound.title}
        description={notFound.description}
      />
    );
  }
  if (status === 403) {
    return (
      <EmptyState
        missing="info"
        title={`You may not see ${props.deniedSubject}`}
        description={`Permission denied: ${
          props.deniedAction ?? props.what ?? 'this'
        } needs the ${
          streamingPipelineReadPermission.name
        } permission. Ask the team that runs Backstage to grant it to you or your team.`}
      />
    );
  }
  return (
    <ResponseErrorPanel
      error={error}
      title={props.what ? `Could not load ${props.what}` : undefined}
    />
  );
}
