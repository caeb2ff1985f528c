export interface Config {
  /** Configuration of the streaming-platform backend plugin. */
  streamingPlatform?: {
    /**
     * The Kubernetes clusters that run Flink pipelines. A cluster's `name` is
     * the first part of every pipeline reference `<cluster>/<namespace>/<name>`.
     */
    clusters?: Array<{
      /** Letters, digits, '-' and '_'; unique among the clusters. */
      name: string;
      /** The API server's URL; omitted with `serviceAccount` inside the cluster. */
      url?: string;
      /**
       * How the backend authenticates:
       * `serviceAccount` (its own pod's token, or `serviceAccountToken`),
       * `aws` (an EKS token signed with the AWS default credential chain),
       * `kubeconfig` (the current context of the file in `KUBECONFIG`).
       */
      authProvider: 'serviceAccount' | 'aws' | 'kubeconfig';
      /**
       * A bearer token for the API server.
       * @visibility secret
       */
      serviceAccountToken?: string;
      /** Base64 PEM of the API server's certificate authority. */
      caData?: string;
      /** Skips TLS verification; for local clusters only. */
      skipTLSVerify?: boolean;
    }>;
  };
}
