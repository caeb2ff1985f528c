export { PipelinesOverview } from './PipelinesOverview';
