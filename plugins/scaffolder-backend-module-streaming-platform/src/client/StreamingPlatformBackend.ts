import {
  AuthService,
  BackstageCredentials,
  DiscoveryService,
} from '@backstage/backend-plugin-api';
import { ResponseError } from '@backstage/errors';
import {
  ApplyManifestsRequest,
  ApplyManifestsResponse,
  CostEstimateRequest,
  CostEstimateResponse,
  NewPipelineValidationResponse,
} from '@internal/backstage-plugin-streaming-platform-common';

const TIMEOUT_MS = 30_000;

/**
 * The streaming-platform backend as the scaffolder's actions call it: on
 * behalf of the user who runs the template, so its permissions and catalog
 * view apply. The cluster credentials stay in that backend.
 */
export class StreamingPlatformBackend {
  readonly #discovery: DiscoveryService;
  readonly #auth: AuthService;

  constructor(options: { discovery: DiscoveryService; auth: AuthService }) {
    this.#discovery = options.discovery;
    this.#auth = options.auth;
  }

  /** Every problem with a new pipeline's parameters, each naming its field. */
  validate(
    parameters: Record<string, unknown>,
    credentials: BackstageCredentials,
  ): Promise<NewPipelineValidationResponse> {
    return this.#post('/self-service/validate', { parameters }, credentials);
  }

  /** Cost per hour at the lowest, typical and highest parallelism. */
  estimateCost(
    request: CostEstimateRequest,
    credentials: BackstageCredentials,
  ): Promise<CostEstimateResponse> {
    return this.#post('/cost-estimate', request, credentials);
  }

  /** Server-side-applies (or, with `dryRun`, has the API server check) manifests. */
  apply(
    request: ApplyManifestsRequest,
    credentials: BackstageCredentials,
  ): Promise<ApplyManifestsResponse> {
    return this.#post('/self-service/apply', request, credentials);
  }

  async #post<T>(
    path: string,
    body: unknown,
    credentials: BackstageCredentials,
  ): Promise<T> {
    const baseUrl = await this.#discovery.getBaseUrl('streaming-platform');
    const { token } = await this.#auth.getPluginRequestToken({
      onBehalfOf: credentials,
      targetPluginId: 'streaming-platform',
    });
    const response = await fetch(`${baseUrl}${path}`, {
      method: 'POST',
      headers: {
        Authorization: `Bearer ${token}`,
        'Content-Type': 'application/json',
      },
      body: JSON.stringify(body),
      signal: AbortSignal.timeout(TIMEOUT_MS),
    });
    if (!response.ok) {
      throw await ResponseError.fromResponse(response);
    }
    // Parsed here rather than by response.json(): the scaffolder's template
    // engine refuses arrays of another realm, which is what fetch's own
    // parser makes under Jest.
    return JSON.parse(await response.text()) as T;
  }
}
