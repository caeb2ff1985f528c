export { StreamingPipelineConsumerGroup } from './StreamingPipelineConsumerGroup';
export { validateConsumerGroup } from './consumerGroup';
export { CONSUMER_GROUP_FIELD_NAME, consumerGroupFieldSchema } from './schema';
