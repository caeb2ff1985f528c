import { EmptyState } from '@backstage/core-components';

const EXAMPLE = `streamingPlatform:
  source: clusters
  clusters:
    - name: eks-prod-eu-west-1
      url: https://ABC123.gr7.eu-west-1.eks.amazonaws.com
      authProvider: aws`;

/** The backend reads no cluster: say how to give it one. */
export function NoClusters() {
  return (
    <EmptyState
      missing="data"
      title="No clusters configured"
      description="The streaming-platform backend reads no Kubernetes cluster, so there are no nodes or NodePools to show. List your EKS clusters under streamingPlatform.clusters in app-config.yaml (or set streamingPlatform.source to emulator for demo data), then restart the backend:"
      action={<pre>{EXAMPLE}</pre>}
    />
  );
}
