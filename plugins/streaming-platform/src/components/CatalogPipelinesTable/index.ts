export { CatalogPipelinesTable } from './CatalogPipelinesTable';
