import { DiscoveryApi, FetchApi } from '@backstage/core-plugin-api';
import { ResponseError } from '@backstage/errors';
import {
  CostEstimateRequest,
  CostEstimateResponse,
  HealthResponse,
  PipelineDetailResponse,
  PipelineEventsResponse,
  PipelineListResponse,
  PipelineNodesResponse,
  PipelinePodsResponse,
  PipelineSeriesName,
  PipelineTimeSeriesResponse,
  PlatformOverviewResponse,
  PlatformTimeSeriesResponse,
  SelfServiceOptionsResponse,
  TeamSummaryResponse,
} from '@internal/backstage-plugin-streaming-platform-common';
import { StreamingPlatformApi, TimeWindow } from './StreamingPlatformApi';

/** Long enough for a loaded backend, short enough that a hung one shows as an error. */
const REQUEST_TIMEOUT_MS = 30_000;

type QueryValue = string | number | string[] | undefined;

function queryString(query: Record<string, QueryValue>): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined) continue;
    if (Array.isArray(value)) value.forEach(v => params.append(key, v));
    else params.set(key, String(value));
  }
  const text = params.toString();
  return text ? `?${text}` : '';
}

/** `<cluster>/<namespace>/<name>` as the backend's path, each part encoded. */
function pipelinePath(ref: string): string {
  const parts = ref.split('/');
  if (parts.length !== 3 || parts.some(p => !p)) {
    throw new TypeError(
      `Pipeline reference '${ref}' is not <cluster>/<namespace>/<name>`,
    );
  }
  return `/pipelines/${parts.map(encodeURIComponent).join('/')}`;
}

/**
 * Talks to the streaming-platform backend through Backstage's discovery and
 * fetch APIs, so requests carry the user's credentials.
 *
 * @public
 */
export class StreamingPlatformClient implements StreamingPlatformApi {
  readonly #discoveryApi: DiscoveryApi;
  readonly #fetchApi: FetchApi;

  constructor(options: { discoveryApi: DiscoveryApi; fetchApi: FetchApi }) {
    this.#discoveryApi = options.discoveryApi;
    this.#fetchApi = options.fetchApi;
  }

  async getHealth(): Promise<HealthResponse> {
    return this.#request('/health');
  }

  async listPipelines(
    options: { cluster?: string; owner?: string[] } = {},
  ): Promise<PipelineListResponse> {
    return this.#request(
      `/pipelines${queryString({
        cluster: options.cluster,
        owner: options.owner,
      })}`,
    );
  }

  async getPipeline(ref: string): Promise<PipelineDetailResponse> {
    return this.#request(pipelinePath(ref));
  }

  async getPipelineTimeSeries(
    ref: string,
    options: TimeWindow & { step?: number; series?: PipelineSeriesName[] } = {},
  ): Promise<PipelineTimeSeriesResponse> {
    return this.#request(
      `${pipelinePath(ref)}/timeseries${queryString({ ...options })}`,
    );
  }

  async getPipelineEvents(
    ref: string,
    options: TimeWindow & { limit?: number } = {},
  ): Promise<PipelineEventsResponse> {
    return this.#request(
      `${pipelinePath(ref)}/events${queryString({ ...options })}`,
    );
  }

  async getPipelinePods(ref: string): Promise<PipelinePodsResponse> {
    return this.#request(`${pipelinePath(ref)}/pods`);
  }

  async getPipelineNodes(
    ref: string,
    options: TimeWindow = {},
  ): Promise<PipelineNodesResponse> {
    return this.#request(
      `${pipelinePath(ref)}/nodes${queryString({ ...options })}`,
    );
  }

  async getTeamSummary(group: string): Promise<TeamSummaryResponse> {
    return this.#request(`/teams/summary${queryString({ group })}`);
  }

  async getPlatformOverview(
    options: { cluster?: string } = {},
  ): Promise<PlatformOverviewResponse> {
    return this.#request(`/platform/overview${queryString({ ...options })}`);
  }

  async getPlatformTimeSeries(
    options: TimeWindow & {
      cluster?: string;
      nodePool?: string;
      step?: number;
    } = {},
  ): Promise<PlatformTimeSeriesResponse> {
    return this.#request(`/platform/timeseries${queryString({ ...options })}`);
  }

  async estimateCost(
    request: CostEstimateRequest,
  ): Promise<CostEstimateResponse> {
    return this.#request('/cost-estimate', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(request),
    });
  }

  async getSelfServiceOptions(): Promise<SelfServiceOptionsResponse> {
    return this.#request('/self-service/options');
  }

  async #request<T>(path: string, init: RequestInit = {}): Promise<T> {
    const baseUrl = await this.#discoveryApi.getBaseUrl('streaming-platform');
    const response = await this.#fetchApi.fetch(`${baseUrl}${path}`, {
      ...init,
      signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
    });
    if (!response.ok) {
      throw await ResponseError.fromResponse(response);
    }
    return (await response.json()) as T;
  }
}
