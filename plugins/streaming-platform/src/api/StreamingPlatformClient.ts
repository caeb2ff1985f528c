import { DiscoveryApi, FetchApi } from '@backstage/core-plugin-api';
import { ResponseError } from '@backstage/errors';
import {
  HealthResponse,
  PipelineListResponse,
} from '@internal/backstage-plugin-streaming-platform-common';
import { StreamingPlatformApi } from './StreamingPlatformApi';

/** Long enough for a loaded backend, short enough that a hung one shows as an error. */
const REQUEST_TIMEOUT_MS = 30_000;

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
    return this.#get('/health');
  }

  async listPipelines(
    options: { cluster?: string } = {},
  ): Promise<PipelineListResponse> {
    const query = new URLSearchParams();
    if (options.cluster) {
      query.set('cluster', options.cluster);
    }
    const suffix = query.size ? `?${query}` : '';
    return this.#get(`/pipelines${suffix}`);
  }

  async #get<T>(path: string): Promise<T> {
    const baseUrl = await this.#discoveryApi.getBaseUrl('streaming-platform');
    const response = await this.#fetchApi.fetch(`${baseUrl}${path}`, {
      signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
    });
    if (!response.ok) {
      throw await ResponseError.fromResponse(response);
    }
    return (await response.json()) as T;
  }
}
