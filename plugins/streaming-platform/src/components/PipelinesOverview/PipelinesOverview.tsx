import { Progress, ResponseErrorPanel } from '@backstage/core-components';
import Grid from '@material-ui/core/Grid';
import { ReactNode, useMemo } from 'react';
import { useCatalogPipelines } from '../../hooks/useCatalogPipelines';
import { usePipelineList } from '../../hooks/usePipelineList';
import { CatalogPipelinesTable } from '../CatalogPipelinesTable';
import { DataSourcesCard } from '../DataSourcesCard';

/**
 * The catalog's pipelines (all, or one owner's) beside the backend's sources.
 * Each half loads and fails on its own: a backend error leaves the catalog
 * table in place, and the other way round.
 */
export function PipelinesOverview(props: {
  title: string;
  ownerRef?: string;
  emptyContent?: ReactNode;
}) {
  const { title, ownerRef, emptyContent } = props;
  const catalog = useCatalogPipelines({ ownerRef });
  const backend = usePipelineList();
  const knownRefs = useMemo(
    () =>
      backend.value
        ? new Set(backend.value.items.map(item => item.ref))
        : undefined,
    [backend.value],
  );

  let table: ReactNode;
  if (catalog.loading) {
    table = <Progress />;
  } else if (catalog.error) {
    table = (
      <ResponseErrorPanel
        title="Could not read pipelines from the catalog"
        error={catalog.error}
      />
    );
  } else {
    table = (
      <CatalogPipelinesTable
        title={title}
        entities={catalog.value ?? []}
        knownRefs={knownRefs}
        emptyContent={emptyContent}
      />
    );
  }

  let sources: ReactNode;
  if (backend.loading) {
    sources = <Progress />;
  } else if (backend.error) {
    sources = (
      <ResponseErrorPanel
        title="Could not reach the streaming-platform backend"
        error={backend.error}
      />
    );
  } else {
    sources = <DataSourcesCard sources={backend.value?.sources ?? []} />;
  }

  return (
    <Grid container spacing={3}>
      <Grid item xs={12}>
        {sources}
      </Grid>
      <Grid item xs={12}>
        {table}
      </Grid>
    </Grid>
  );
}
