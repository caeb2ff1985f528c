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
      /**
       * The cluster's AWS region: signs EKS tokens and picks prices and
       * CloudWatch. Read from an EKS `url` when omitted.
       */
      region?: string;
      /**
       * The Amazon MSK cluster (CloudWatch dimension `Cluster Name`) the
       * cluster's pipelines consume from, unless a FlinkDeployment names its
       * own with the `streaming-platform.io/msk-cluster` annotation.
       */
      mskClusterName?: string;
      /** `kubeconfig`: the file to read (default `KUBECONFIG`, then ~/.kube/config). */
      kubeconfigPath?: string;
      /** `kubeconfig`: the context to use (default: the current one). */
      context?: string;
    }>;
    /** Consumer lag from CloudWatch (`AWS/Kafka`), polled once per interval for the whole fleet. */
    cloudWatch?: {
      /** Overrides the clusters' regions. */
      region?: string;
      /** An endpoint override, e.g. a VPC endpoint. */
      endpoint?: string;
      /** Default 60. */
      pollIntervalSeconds?: number;
      /** Timeout of one GetMetricData call (default 20). */
      requestTimeoutSeconds?: number;
      /** How far back the first poll reads after a start (default 180). */
      backfillMinutes?: number;
    };
    /** Node prices: AWS Price List (on-demand) and EC2 spot price history. */
    pricing?: {
      /** Default 6. */
      refreshHours?: number;
      /** An endpoint override for the Price List and EC2 APIs. */
      endpoint?: string;
      /** Default 30. */
      requestTimeoutSeconds?: number;
      /**
       * How a node's price is split between CPU and memory (OpenCost's
       * method): the price of a vCPU-hour relative to a GiB-hour. Default
       * 7.46, OpenCost's default prices ($0.031611 / $0.004237).
       */
      cpuToMemoryPriceRatio?: number;
    };
    /** How long history is kept in the database. */
    retention?: {
      /** 1-minute samples (default 14). */
      minuteSamplesDays?: number;
      /** Hourly rollups (default 395, 13 months). */
      hourlyRollupsDays?: number;
      /** Recorded events and pod / NodeClaim lifecycles (default 90). */
      eventsDays?: number;
    };
    /**
     * The lag target of pipelines whose FlinkDeployment has no
     * `streaming-platform.io/lag-target-seconds` annotation (default 60).
     */
    defaultLagTargetSeconds?: number;
    /**
     * The platform overview lists a pipeline as stuck on on-demand when every
     * recorded minute of at least this many (default 60, at most 2880) had at
     * least half of its requested vCPU on on-demand nodes.
     */
    stuckOnDemandMinutes?: number;
    /** Self-service creation of pipelines from the scaffolder template. */
    selfService?: {
      /**
       * Whether `POST /self-service/apply` may server-side-apply a new
       * pipeline's manifests to a cluster (needs write access to pipeline
       * namespaces). Default: on with the embedded emulator, off for real
       * clusters, where GitOps applies what the template's pull request adds.
       */
      applyToCluster?: boolean;
      /** The field manager of applied objects (default `backstage-streaming-platform`). */
      fieldManager?: string;
      /**
       * The IAM role a new pipeline's pods assume through IRSA, as a pattern
       * of `{cluster}`, `{namespace}` and `{name}`, e.g.
       * `arn:aws:iam::123456789012:role/flink-{namespace}-{name}`; the
       * platform creates that role (S3 access to the checkpoint path) and
       * trusts the pipeline's service account. Default with the embedded
       * emulator: account 000000000000; without it, pipelines cannot be
       * created until it is set.
       */
      pipelineRoleArn?: string;
    };
  };
}
