import { InfoCard } from '@backstage/core-components';
import Grid from '@material-ui/core/Grid';
import {
  ClusterOverview,
  DataSourceStatus,
  NodePoolOverview,
} from '@internal/backstage-plugin-streaming-platform-common';
import { SourceProblems, TimeRangeId } from '../shared';
import { ClusterFigures } from './ClusterFigures';
import { NodePoolTable } from './NodePoolTable';
import { ScopeCharts } from './ScopeCharts';

/**
 * One cluster: its figures now, its charts (of the whole cluster or of the
 * selected NodePool) and its NodePools, with the state of its watch.
 */
export function ClusterSection(props: {
  cluster: ClusterOverview;
  pools: NodePoolOverview[];
  sources: DataSourceStatus[];
  range: TimeRangeId;
  selectedPool?: string;
  onSelectPool: (pool: string | undefined) => void;
}) {
  const { cluster, pools, selectedPool } = props;
  const pool = pools.find(p => p.name === selectedPool);
  const watch = props.sources.filter(
    s => s.kind === 'kubernetes' && s.id === cluster.name,
  );
  return (
    <Grid container spacing={2} component="section" aria-label={cluster.name}>
      <Grid item xs={12}>
        <InfoCard title={cluster.name} subheader="Now">
          <SourceProblems sources={watch} what={`Cluster ${cluster.name}`} />
          <ClusterFigures cluster={cluster} />
        </InfoCard>
      </Grid>
      <Grid item xs={12}>
        <ScopeCharts
          cluster={cluster.name}
          nodePool={pool?.name}
          range={props.range}
          priceSources={(pool ?? cluster).costPerHour?.priceSources}
          costWithheld={cluster.costPerHour === undefined}
          onShowCluster={() => props.onSelectPool(undefined)}
        />
      </Grid>
      <Grid item xs={12}>
        <NodePoolTable
          cluster={cluster.name}
          pools={pools}
          selected={pool?.name}
          onSelect={props.onSelectPool}
        />
      </Grid>
    </Grid>
  );
}
