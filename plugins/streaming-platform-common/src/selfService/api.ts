import { FieldProblem } from './validation';

/**
 * What `POST /self-service/validate` is asked: a new pipeline's parameters,
 * as the form has them (checked as untrusted input).
 *
 * @public
 */
export interface NewPipelineValidationRequest {
  parameters: Record<string, unknown>;
}

/**
 * The answer of `POST /self-service/validate`: every problem, each naming
 * its field; none means the pipeline may be created. Besides the form's
 * rules, the name must be free on the cluster and in the catalog, and the
 * consumer group free on the MSK cluster.
 *
 * @public
 */
export interface NewPipelineValidationResponse {
  problems: FieldProblem[];
  /**
   * With no problems: the IAM role the pipeline's pods assume through IRSA,
   * from `streamingPlatform.selfService.pipelineRoleArn`.
   */
  pipelineRoleArn?: string;
}

/**
 * What `POST /self-service/apply` is asked: the generated manifests of one
 * pipeline, for one cluster and namespace.
 *
 * @public
 */
export interface ApplyManifestsRequest {
  cluster: string;
  namespace: string;
  /** FlinkDeployment, ServiceAccount, PodDisruptionBudget and ExternalSecret objects. */
  manifests: Array<Record<string, unknown>>;
  /** Have the API server validate and admit them without storing anything. */
  dryRun?: boolean;
}

/**
 * One object a server-side apply wrote (or, in a dry run, would write).
 *
 * @public
 */
export interface AppliedManifest {
  apiVersion: string;
  kind: string;
  name: string;
  namespace: string;
  action: 'created' | 'configured' | 'validated';
}

/**
 * The answer of `POST /self-service/apply`. With `applyToCluster` off
 * (GitOps-only setups) nothing is applied and `reason` says so.
 *
 * @public
 */
export interface ApplyManifestsResponse {
  appliedToCluster: boolean;
  reason?: string;
  dryRun: boolean;
  objects: AppliedManifest[];
}

/**
 * The answer of `GET /self-service/options`: what the form may offer, from
 * the backend's configuration (or the emulator's clusters).
 *
 * @public
 */
export interface SelfServiceOptionsResponse {
  clusters: Array<{
    name: string;
    region: string;
    /** The MSK cluster whose CloudWatch metrics are the lag of its pipelines. */
    mskClusterName?: string;
  }>;
  /** Whether the backend applies new pipelines to the cluster itself (else GitOps does). */
  applyToCluster: boolean;
}
