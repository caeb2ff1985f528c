import { createValidatedOpenApiRouter } from '@backstage/backend-openapi-utils';
import express from 'express';
import { PipelineIndex } from './pipelines/PipelineIndex';
import { spec } from './schema/openapi.generated';

/**
 * The plugin's HTTP API, validated against src/schema/openapi.yaml: a request
 * that does not fit (an unknown or malformed parameter) gets a 400 naming it.
 */
export async function createRouter(options: {
  pipelines: PipelineIndex;
}): Promise<express.Router> {
  const { pipelines } = options;
  const router = createValidatedOpenApiRouter<typeof spec>(spec);

  router.get('/health', (_req, res) => {
    res.json({ status: 'ok' });
  });

  router.get('/pipelines', (req, res) => {
    res.json(pipelines.list({ cluster: req.query.cluster }));
  });

  return router;
}
