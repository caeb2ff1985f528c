/**
 * How the backend reaches one cluster's Kubernetes API.
 *
 * - `kubeconfig`: a kubeconfig file (the default one when no path is given),
 *   optionally a context other than its current one.
 * - `serviceAccount`: the pod's own service account when no `url` is given
 *   (in-cluster), else a bearer token for the given API server.
 * - `aws`: an EKS cluster, authenticated with an IAM token (as
 *   `aws eks get-token` makes) from the default AWS credential chain; `name`
 *   is the EKS cluster name.
 */
export type ClusterConnection =
  | {
      name: string;
      authProvider: 'kubeconfig';
      kubeconfigPath?: string;
      context?: string;
    }
  | {
      name: string;
      authProvider: 'serviceAccount';
      url?: string;
      token?: string;
      caData?: string;
      skipTLSVerify?: boolean;
    }
  | {
      name: string;
      authProvider: 'aws';
      url: string;
      region: string;
      caData?: string;
      skipTLSVerify?: boolean;
    };
