import { createValidatedOpenApiRouter } from '@backstage/backend-openapi-utils';
import {
  HttpAuthService,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import express from 'express';
import { pipelineAccess } from './permissions/access';
import { spec } from './schema/openapi.generated';
import { PipelineQueries } from './service/PipelineQueries';
import { PlatformQueries } from './service/PlatformQueries';

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
}): Promise<express.Router> {
  const { httpAuth, permissions, pipelines, platform } = options;
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
    const { json, etag } = await pipelines.detailJson(
      refOf(req.params),
      access,
    );
    (res as express.Response)
      .set('ETag', etag)
      .type('application/json')
      .send(json);
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

  router.get('/teams/summary', async (req, res) => {
    const { credentials, access } = await accessOf(req);
    // Serialized and tagged once per second (see teamJson); the text is a
    // TeamSummaryResponse.
    const { json, etag } = await pipelines.teamJson(
      req.query.group,
      access,
      credentials,
    );
    (res as express.Response)
      .set('ETag', etag)
      .type('application/json')
      .send(json);
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

  return router;
}
