import { makeFieldSchema } from '@backstage/plugin-scaffolder-react';

/** The name templates give as `ui:field`. */
export const CONSUMER_GROUP_FIELD_NAME = 'StreamingPipelineConsumerGroup';

/**
 * What the field keeps in the form: the consumer group itself, the
 * `consumerGroup` parameter of `NewPipelineParameters`.
 */
export const consumerGroupFieldSchema = makeFieldSchema({
  output: z =>
    z
      .string()
      .describe(
        'The Kafka consumer group; <namespace>.<name> unless the user edits it',
      ),
});
