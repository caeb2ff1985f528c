import {
  BackstageCredentials,
  LoggerService,
} from '@backstage/backend-plugin-api';
import { stringifyEntityRef } from '@backstage/catalog-model';
import { InputError, ServiceUnavailableError } from '@backstage/errors';
import { CatalogService } from '@backstage/plugin-catalog-node';
import {
  ApplyManifestsRequest,
  ApplyManifestsResponse,
  AppliedManifest,
  FieldProblem,
  IAM_ROLE_NAME_MAX_LENGTH,
  NewPipelineValidationResponse,
  pipelineRoleArnFor,
  SelfServiceOptionsResponse,
  validateNewPipeline,
} from '@internal/backstage-plugin-streaming-platform-common';
import { KubeConfig } from '@kubernetes/client-node';
import { SelfServiceConfig } from '../config';
import { kubeApply } from '../kubernetes/kubeApply';
import { checkManifests } from './manifestRules';
import { PlatformContext } from './PlatformContext';

const APPLY_TIMEOUT_MS = 15_000;
const CATALOG_TIMEOUT_MS = 10_000;

/**
 * Self-service creation of pipelines: the checks a new pipeline must pass
 * against what already runs and what the catalog holds, and the
 * server-side apply of its manifests to the chosen cluster.
 */
export class SelfService {
  readonly #ctx: PlatformContext;
  readonly #catalog: CatalogService;
  readonly #clusters: Array<{
    name: string;
    region?: string;
    mskClusterName?: string;
  }>;
  readonly #kubeConfigs: Map<string, KubeConfig>;
  readonly #config: SelfServiceConfig;
  readonly #logger: LoggerService;

  constructor(options: {
    ctx: PlatformContext;
    catalog: CatalogService;
    clusters: Array<{ name: string; region?: string; mskClusterName?: string }>;
    kubeConfigs: Map<string, KubeConfig>;
    config: SelfServiceConfig;
    logger: LoggerService;
  }) {
    this.#ctx = options.ctx;
    this.#catalog = options.catalog;
    this.#clusters = options.clusters;
    this.#kubeConfigs = options.kubeConfigs;
    this.#config = options.config;
    this.#logger = options.logger;
  }

  /** What the form may offer: the configured clusters and their MSK clusters. */
  options(): SelfServiceOptionsResponse {
    return {
      clusters: this.#clusters.map(c => ({
        name: c.name,
        region: c.region ?? '',
        ...(c.mskClusterName ? { mskClusterName: c.mskClusterName } : {}),
      })),
      applyToCluster: this.#config.applyToCluster,
    };
  }

  /**
   * The form's rules, then uniqueness: the name on the cluster and in the
   * catalog (read as the user), the consumer group on the MSK cluster (two
   * pipelines in one group would split the partitions and the lag metrics).
   */
  async validate(
    parameters: unknown,
    credentials: BackstageCredentials,
  ): Promise<NewPipelineValidationResponse> {
    const problems = validateNewPipeline(parameters, {
      clusters: this.#clusters,
    });
    const invalid = new Set(problems.map(p => p.field));
    const values = parameters as Record<string, string>;
    const { name, namespace, cluster, consumerGroup } = values;
    if (!['name', 'namespace', 'cluster'].some(f => invalid.has(f))) {
      const running = this.#ctx.index.pipeline(
        `${cluster}/${namespace}/${name}`,
      );
      if (running) {
        problems.push({
          field: 'name',
          message: `name '${name}' is taken: FlinkDeployment ${namespace}/${name} already runs on cluster ${cluster}`,
        });
      }
    }
    if (!invalid.has('name')) {
      const problem = await this.#catalogNameProblem(name, credentials);
      if (problem) problems.push(problem);
    }
    if (!invalid.has('consumerGroup') && !invalid.has('mskCluster')) {
      const msk = values.mskCluster;
      for (const pipeline of this.#ctx.pipelines()) {
        const pipelineMsk =
          pipeline.mskCluster ??
          this.#clusters.find(c => c.name === pipeline.cluster)?.mskClusterName;
        if (pipeline.consumerGroup === consumerGroup && pipelineMsk === msk) {
          problems.push({
            field: 'consumerGroup',
            message: `consumerGroup '${consumerGroup}' is used by ${pipeline.ref} on MSK cluster ${msk}; each pipeline needs its own`,
          });
          break;
        }
      }
    }
    if (problems.length) return { problems };
    // The role its pods assume: the platform's pattern, filled in.
    const pattern = this.#config.pipelineRoleArn;
    if (!pattern) {
      return {
        problems: [
          {
            field: 'cluster',
            message:
              'cluster: no IAM role pattern for pipelines is configured (streamingPlatform.selfService.pipelineRoleArn); ask the platform team',
          },
        ],
      };
    }
    const role = pipelineRoleArnFor(pattern, { cluster, namespace, name });
    if (role.roleName.length > IAM_ROLE_NAME_MAX_LENGTH) {
      return {
        problems: [
          {
            field: 'name',
            message: `name '${name}' makes the pipeline's IAM role name '${role.roleName}' longer than ${IAM_ROLE_NAME_MAX_LENGTH} characters; choose a shorter name`,
          },
        ],
      };
    }
    return { problems, pipelineRoleArn: role.arn };
  }

  async #catalogNameProblem(
    name: string,
    credentials: BackstageCredentials,
  ): Promise<FieldProblem | undefined> {
    const ref = stringifyEntityRef({
      kind: 'Component',
      namespace: 'default',
      name,
    });
    let entity;
    try {
      entity = await withTimeout(
        this.#catalog.getEntityByRef(ref, { credentials }),
        CATALOG_TIMEOUT_MS,
        'the catalog did not answer in time',
      );
    } catch (error) {
      // Not knowing is not "free": the check fails, and says why.
      throw new ServiceUnavailableError(
        `Could not check the catalog for ${ref}: ${(error as Error).message}`,
      );
    }
    if (!entity) return undefined;
    return {
      field: 'name',
      message: `name '${name}' is taken: the catalog already has ${ref}`,
    };
  }

  /**
   * Server-side-applies the manifests in dependency order (identity and
   * secrets before the FlinkDeployment that uses them); each call has its
   * own timeout. Without `applyToCluster`, applies nothing and says why.
   */
  async apply(request: ApplyManifestsRequest): Promise<ApplyManifestsResponse> {
    const dryRun = request.dryRun === true;
    const kubeConfig = this.#kubeConfigs.get(request.cluster);
    if (!kubeConfig) {
      throw new InputError(
        `cluster '${request.cluster}' is not one of the configured clusters (${[
          ...this.#kubeConfigs.keys(),
        ].join(', ')})`,
      );
    }
    const planned = checkManifests(request.manifests, request.namespace);
    if (!this.#config.applyToCluster) {
      return {
        appliedToCluster: false,
        reason:
          'streamingPlatform.selfService.applyToCluster is off: this portal creates pipelines through GitOps (the template opens a pull request)',
        dryRun,
        objects: [],
      };
    }
    const objects: AppliedManifest[] = [];
    for (const item of planned) {
      const call = `apply ${item.kind} ${request.namespace}/${item.name} in cluster ${request.cluster}`;
      const { created } = await kubeApply(kubeConfig, item.path, item.object, {
        call,
        fieldManager: this.#config.fieldManager,
        dryRun,
        signal: AbortSignal.timeout(APPLY_TIMEOUT_MS),
      });
      objects.push({
        apiVersion: item.apiVersion,
        kind: item.kind,
        name: item.name,
        namespace: request.namespace,
        action: actionOf(dryRun, created),
      });
    }
    if (!dryRun) {
      this.#logger.info(
        `Self-service applied ${objects
          .map(o => `${o.kind} ${o.name} (${o.action})`)
          .join(', ')} to ${request.cluster}/${request.namespace}`,
      );
    }
    return { appliedToCluster: true, dryRun, objects };
  }
}

function withTimeout<T>(
  promise: Promise<T>,
  ms: number,
  message: string,
): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(message)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

function actionOf(
  dryRun: boolean,
  created: boolean,
): AppliedManifest['action'] {
  if (dryRun) return 'validated';
  return created ? 'created' : 'configured';
}
