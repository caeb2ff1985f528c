export { StreamingPipelineCostEstimate } from './StreamingPipelineCostEstimate';
export { COST_ESTIMATE_FIELD_NAME, costEstimateFieldSchema } from './schema';
export type { CostEstimateSummary } from './schema';
