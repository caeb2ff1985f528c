import { createFormField } from '@backstage/plugin-scaffolder-react/alpha';
import { COST_ESTIMATE_FIELD_NAME, costEstimateFieldSchema } from './schema';
import { StreamingPipelineCostEstimate } from './StreamingPipelineCostEstimate';

/**
 * The field for the new frontend system's scaffolder; loaded when the
 * scaffolder loads its form fields, not with the app.
 */
export const costEstimateFormField = createFormField({
  name: COST_ESTIMATE_FIELD_NAME,
  component: StreamingPipelineCostEstimate,
  schema: costEstimateFieldSchema,
});
