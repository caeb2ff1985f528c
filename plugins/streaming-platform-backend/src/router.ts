import { createValidatedOpenApiRouter } from '@backstage/backend-openapi-utils';
import {
  HttpAuthService,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { NotAllowedError, ServiceUnavailableError } from '@backstage/errors';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { streamingPipelineCreatePermission } from '@internal/backstage-plugin-streaming-platform-common';
import express from 'express';
import { pipelineAccess } from './permissions/access';
import { spec } from './schema/openapi.generated';
import { PipelineQueries } from './service/PipelineQueries';
import { PlatformQueries } from './service/PlatformQueries';
import { SelfService } from './service/SelfService';
import { GZIP_MIN_BYTES, SerializedAnswer } from './service/SerializedAnswer';

/**
 * The plugin's HTTP API, validated against src/schema/openapi.yaml: a request
 * that does not fit (an unknown or malformed parameter) gets a 400 naming it.
 * Every answer is composed from the in-memory index and recorded history;
 * no request reaches a cluster.
 */
export async function createRouter(options: {
  httpAuth: HttpAuthService;
  permissions: PermissionsService;
  pipelines: PipelineQueries;
  platform: PlatformQueries;
  /** Absent in the benchmark, which measures the read API only. */
  selfService?: SelfService;
}): Promise<express.Router> {
  const { httpAuth, permissions, pipelines, platform, selfService } = options;
  const router = createValidatedOpenApiRouter<typeof spec>(spec, {
    // httpAuth below decides who may call; the validator's own check of the
    // bearer header would only repeat it, on every request.
    validatorOptions: { validateSecurity: false },
  });

  const accessOf = async (req: express.Request<any, any, any, any>) => {
    const credentials = await httpAuth.credentials(req);
    return {
      credentials,
      access: await pipelineAccess(permissions, credentials),
    };
  };
  const refOf = (params: {
    cluster: string;
    namespace: string;
    name: string;
  }) => `${params.cluster}/${params.namespace}/${params.name}`;

  router.get('/health', (_req, res) => {
    res.json({ status: 'ok' });
  });

  router.get('/pipelines', async (req, res) => {
    const { credentials, access } = await accessOf(req);
    res.json(
      await pipelines.list(
        { cluster: req.query.cluster, owners: req.query.owner },
        access,
        credentials,
      ),
    );
  });

  router.get('/pipelines/:cluster/:namespace/:name', async (req, res) => {
    const { access } = await accessOf(req);
    // Serialized and tagged once per second for everyone (see detailJson);
    // the text is a PipelineDetailResponse, which the typed `json` cannot take.
    await sendSerialized(
      req,
      res,
      await pipelines.detailJson(refOf(req.params), access),
    );
  });

  router.get(
    '/pipelines/:cluster/:namespace/:name/timeseries',
    async (req, res) => {
      const { access } = await accessOf(req);
      res.json(
        await pipelines.timeSeries(refOf(req.params), req.query, access),
      );
    },
  );

  router.get(
    '/pipelines/:cluster/:namespace/:name/events',
    async (req, res) => {
      const { access } = await accessOf(req);
      res.json(await pipelines.events(refOf(req.params), req.query, access));
    },
  );

  router.get('/pipelines/:cluster/:namespace/:name/nodes', async (req, res) => {
    const { access } = await accessOf(req);
    res.json(await pipelines.nodes(refOf(req.params), req.query, access));
  });

  router.get('/pipelines/:cluster/:namespace/:name/pods', async (req, res) => {
    const { access } = await accessOf(req);
    res.json(pipelines.pods(refOf(req.params), access));
  });

  router.get('/teams/summary', async (req, res) => {
    const { credentials, access } = await accessOf(req);
    // Serialized and tagged once per second (see teamJson); the text is a
    // TeamSummaryResponse.
    await sendSerialized(
      req,
      res,
      await pipelines.teamJson(req.query.group, access, credentials),
    );
  });

  router.get('/platform/overview', async (req, res) => {
    const { access } = await accessOf(req);
    res.json(await platform.overview({ cluster: req.query.cluster }, access));
  });

  router.get('/platform/timeseries', async (req, res) => {
    const { access } = await accessOf(req);
    res.json(await platform.timeSeries(req.query, access));
  });

  router.post('/cost-estimate', async (req, res) => {
    await accessOf(req);
    res.json(platform.costEstimate(req.body));
  });

  router.get('/self-service/options', async (req, res) => {
    await accessOf(req);
    res.json(requireSelfService().options());
  });

  router.post('/self-service/validate', async (req, res) => {
    const { credentials } = await accessOf(req);
    res.json(
      await requireSelfService().validate(req.body.parameters, credentials),
    );
  });

  router.post('/self-service/apply', async (req, res) => {
    const credentials = await httpAuth.credentials(req);
    const [decision] = await permissions.authorize(
      [{ permission: streamingPipelineCreatePermission }],
      { credentials },
    );
    if (decision.result !== AuthorizeResult.ALLOW) {
      throw new NotAllowedError(
        'Not allowed to create pipelines (streaming-platform.pipeline.create)',
      );
    }
    res.json(await requireSelfService().apply(req.body));
  });

  function requireSelfService(): SelfService {
    if (!selfService) {
      throw new ServiceUnavailableError('Self-service is not set up here');
    }
    return selfService;
  }

  return router;
}

/**
 * Sends an answer serialized once for many callers: its ETag (a matching
 * If-None-Match gets 304 from express), gzipped when the caller takes it.
 * The compression middleware leaves an encoded body alone.
 */
async function sendSerialized(
  req: express.Request<any, any, any, any>,
  res: express.Response<any, any>,
  answer: SerializedAnswer,
) {
  res.set('ETag', answer.etag).type('application/json').vary('Accept-Encoding');
  if (
    answer.body.length >= GZIP_MIN_BYTES &&
    req.acceptsEncodings('gzip', 'identity') === 'gzip' &&
    !req.fresh
  ) {
    res.set('Content-Encoding', 'gzip').send(await answer.gzipped());
    return;
  }
  res.send(answer.body);
}
