import { makeFieldSchema } from '@backstage/plugin-scaffolder-react';

/** The name templates give the cluster's field as `ui:field`. */
export const CLUSTER_FIELD_NAME = 'StreamingPlatformCluster';

/** The name templates give the MSK cluster's field as `ui:field`. */
export const MSK_CLUSTER_FIELD_NAME = 'StreamingPlatformMskCluster';

/**
 * What the cluster's field keeps in the form: the `cluster` parameter of
 * `NewPipelineParameters`.
 */
export const clusterFieldSchema = makeFieldSchema({
  output: z =>
    z
      .string()
      .describe(
        "The name of one of the backend's configured clusters; the first unless the user picks another",
      ),
});

/**
 * What the MSK cluster's field keeps in the form: the `mskCluster`
 * parameter of `NewPipelineParameters`.
 */
export const mskClusterFieldSchema = makeFieldSchema({
  output: z =>
    z
      .string()
      .describe(
        "One of the configured MSK clusters; the chosen cluster's unless the user picks another",
      ),
});
