export { DataSourcesCard } from './DataSourcesCard';
