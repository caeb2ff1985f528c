export interface Config {
  /** Configuration of the streaming-platform backend plugin. */
  streamingPlatform?: {
    /**
     * Where cluster and AWS data come from: `emulator` (default) starts the
     * platform emulator in-process, serving a simulated EKS platform over the
     * real Kubernetes and AWS protocols; `clusters` reads the clusters below.
     */
    source?: 'emulator' | 'clusters';
    /** The embedded platform emulator, when `source` is `emulator`. */
    emulator?: {
      /** `demo` (default), `demo-node-groups` or `fleet-L`. */
      scenario?: string;
      /**
       * Where the emulator writes its kubeconfig files (relative to the
       * backend's working directory), for kubectl and for the backend.
       */
      dataDir?: string;
      /** Minutes of history simulated before now at start (default 120). */
      warmupMinutes?: number;
    };
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
