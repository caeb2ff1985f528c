import type { SerializedError } from '@backstage/errors';

/**
 * The kinds of upstream source the backend reads.
 *
 * @public
 */
export type DataSourceKind = 'kubernetes' | 'cloudwatch' | 'prices';

/**
 * How a source is doing:
 * - `ok`: its data is current;
 * - `stale`: it failed lately, answers carry its last good data;
 * - `error`: it failed and there is no data from it;
 * - `not-connected`: nothing is configured or implemented to read it.
 *
 * @public
 */
export type DataSourceState = 'ok' | 'stale' | 'error' | 'not-connected';

/**
 * The freshness of one source behind an answer. Every response carries one
 * per source it used, so a failing source degrades one panel, not the page.
 *
 * @public
 */
export interface DataSourceStatus {
  kind: DataSourceKind;
  /** Which instance of the source: a cluster name, a CloudWatch region, … */
  id: string;
  state: DataSourceState;
  /** Says, in words for a user, what the state means here. */
  message: string;
  /** When data was last read successfully (ISO 8601). */
  lastSuccessAt?: string;
  /** The last error, when `state` is `stale` or `error`. */
  error?: SerializedError;
}

/**
 * One pipeline the backend knows about.
 *
 * @public
 */
export interface PipelineSummary {
  /** `<cluster>/<namespace>/<name>`, the value of the pipeline annotation. */
  ref: string;
  cluster: string;
  namespace: string;
  name: string;
}

/**
 * The answer of `GET /pipelines`.
 *
 * @public
 */
export interface PipelineListResponse {
  items: PipelineSummary[];
  sources: DataSourceStatus[];
}

/**
 * The answer of `GET /health`.
 *
 * @public
 */
export interface HealthResponse {
  status: 'ok';
}
