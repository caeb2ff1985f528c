import {
  BackstageCredentials,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { NotAllowedError } from '@backstage/errors';
import {
  AuthorizeResult,
  PermissionCriteria,
} from '@backstage/plugin-permission-common';
import {
  isAndCriteria,
  isNotCriteria,
  isOrCriteria,
} from '@backstage/plugin-permission-node';
import {
  streamingPipelineCostReadPermission,
  streamingPipelineReadPermission,
} from '@internal/backstage-plugin-streaming-platform-common';
import {
  StreamingPipelineQuery,
  StreamingPipelineResource,
  streamingPipelinePermissionRules,
} from './rules';

/** What one request may see: which pipelines, and whose cost. */
export interface PipelineAccess {
  canRead(pipeline: StreamingPipelineResource): boolean;
  canReadCost(pipeline: StreamingPipelineResource): boolean;
  /** True when cost is allowed for every pipeline (platform-wide figures). */
  costForAll: boolean;
  /** True when every pipeline may be read (answers can be shared). */
  readAll: boolean;
}

const RULES = Object.values(streamingPipelinePermissionRules);

function toPredicate(
  criteria: PermissionCriteria<{ rule: string; params?: unknown }>,
): StreamingPipelineQuery {
  if (isAndCriteria(criteria)) {
    const all = criteria.allOf.map(toPredicate);
    return p => all.every(f => f(p));
  }
  if (isOrCriteria(criteria)) {
    const any = criteria.anyOf.map(toPredicate);
    return p => any.some(f => f(p));
  }
  if (isNotCriteria(criteria)) {
    const inner = toPredicate(criteria.not);
    return p => !inner(p);
  }
  const rule = RULES.find(r => r.name === criteria.rule);
  // An unknown rule matches nothing: deny rather than guess.
  if (!rule) return () => false;
  return p => rule.apply(p, criteria.params as any);
}

async function decide(
  permissions: PermissionsService,
  credentials: BackstageCredentials,
  permission:
    | typeof streamingPipelineReadPermission
    | typeof streamingPipelineCostReadPermission,
): Promise<StreamingPipelineQuery | boolean> {
  const [decision] = await permissions.authorizeConditional([{ permission }], {
    credentials,
  });
  if (decision.result === AuthorizeResult.ALLOW) return true;
  if (decision.result === AuthorizeResult.CONDITIONAL) {
    return toPredicate(decision.conditions);
  }
  return false;
}

/**
 * Asks the permission framework once per request for both permissions;
 * conditional decisions are applied per pipeline in memory.
 */
export async function pipelineAccess(
  permissions: PermissionsService,
  credentials: BackstageCredentials,
): Promise<PipelineAccess> {
  const [read, cost] = await Promise.all([
    decide(permissions, credentials, streamingPipelineReadPermission),
    decide(permissions, credentials, streamingPipelineCostReadPermission),
  ]);
  const test = (d: StreamingPipelineQuery | boolean) =>
    typeof d === 'boolean' ? () => d : d;
  const canRead = test(read);
  const canCost = test(cost);
  return {
    canRead,
    canReadCost: p => canRead(p) && canCost(p),
    costForAll: cost === true && read === true,
    readAll: read === true,
  };
}

/** Throws 403 when the pipeline may not be read. */
export function assertCanRead(
  access: PipelineAccess,
  pipeline: StreamingPipelineResource,
): void {
  if (!access.canRead(pipeline)) {
    throw new NotAllowedError(
      `Not allowed to read pipeline ${pipeline.ref} (streaming-platform.pipeline.read)`,
    );
  }
}
