import { createFormField } from '@backstage/plugin-scaffolder-react/alpha';
import { validateConsumerGroup } from './consumerGroup';
import { CONSUMER_GROUP_FIELD_NAME, consumerGroupFieldSchema } from './schema';
import { StreamingPipelineConsumerGroup } from './StreamingPipelineConsumerGroup';

/**
 * The field for the new frontend system's scaffolder; loaded when the
 * scaffolder loads its form fields, not with the app.
 */
export const consumerGroupFormField = createFormField({
  name: CONSUMER_GROUP_FIELD_NAME,
  component: StreamingPipelineConsumerGroup,
  schema: consumerGroupFieldSchema,
  validation: validateConsumerGroup,
});
