import { Progress } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import Grid from '@material-ui/core/Grid';
import { useState } from 'react';
import { streamingPlatformApiRef } from '../../api';
import {
  EmulatorBanner,
  RefreshProblem,
  RequestProblem,
  SourceProblems,
  TimeRangeId,
  usePolling,
} from '../shared';
import { ClusterSection } from './ClusterSection';
import { NoClusters } from './NoClusters';
import { ALL_CLUSTERS, PlatformFilters } from './PlatformFilters';
import { StuckOnDemandTable } from './StuckOnDemandTable';

/**
 * The platform engineer's view: per cluster and NodePool, nodes by capacity
 * type, spot share, cost and savings against all on-demand, node launch and
 * pod pending latencies, interruptions and fallbacks; and the pipelines that
 * lost spot for long. Refreshes every 30 seconds, keeping what it shows.
 * Has no header of its own: it is the Platform tab of the streaming
 * platform page.
 */
export function PlatformOverview() {
  const api = useApi(streamingPlatformApiRef);
  const [cluster, setCluster] = useState(ALL_CLUSTERS);
  const [range, setRange] = useState<TimeRangeId>('24h');
  // The selected NodePool of each cluster, charted instead of the cluster.
  const [pools, setPools] = useState<Record<string, string | undefined>>({});
  // Every cluster at once, filtered here: the filter needs every name, and a
  // switch of cluster then shows at once instead of loading.
  const polled = usePolling(() => api.getPlatformOverview(), [api]);

  const overview = polled.value;
  if (!overview) {
    if (polled.loading) return <Progress />;
    return (
      <RequestProblem
        error={polled.error ?? new Error('No answer from the backend')}
        what="the platform overview"
        deniedSubject="the platform overview"
      />
    );
  }

  // Each cluster's watch shows in its own section; the rest (prices, the
  // recorded history, a cluster that could not be read at all) shows here.
  // Lag is not used on this page.
  const listed = new Set(overview.clusters.map(c => c.name));
  const sourcesPanel = (
    <SourceProblems
      sources={overview.sources.filter(s =>
        s.kind === 'kubernetes' ? !listed.has(s.id) : s.kind !== 'cloudwatch',
      )}
      what="Platform overview"
    />
  );
  if (!overview.clusters.length) {
    return (
      <>
        <EmulatorBanner sources={overview.sources} />
        <RefreshProblem polled={polled} title="the platform overview" />
        {sourcesPanel}
        <NoClusters />
      </>
    );
  }

  // A cluster that has gone from the configuration falls back to all.
  const chosen = overview.clusters.some(c => c.name === cluster)
    ? cluster
    : ALL_CLUSTERS;
  const inView = (name: string) => chosen === ALL_CLUSTERS || name === chosen;
  return (
    <>
      <EmulatorBanner sources={overview.sources} />
      <PlatformFilters
        clusters={overview.clusters.map(c => c.name)}
        cluster={chosen}
        onClusterChange={setCluster}
        range={range}
        onRangeChange={setRange}
      />
      <RefreshProblem polled={polled} title="the platform overview" />
      {sourcesPanel}
      <Grid container spacing={3}>
        {overview.clusters
          .filter(c => inView(c.name))
          .map(c => (
            <Grid item xs={12} key={c.name}>
              <ClusterSection
                cluster={c}
                pools={overview.nodePools.filter(p => p.cluster === c.name)}
                sources={overview.sources}
                range={range}
                selectedPool={pools[c.name]}
                onSelectPool={pool =>
                  setPools(previous => ({ ...previous, [c.name]: pool }))
                }
              />
            </Grid>
          ))}
        <Grid item xs={12}>
          <StuckOnDemandTable
            pipelines={overview.stuckOnDemand?.filter(p => inView(p.cluster))}
          />
        </Grid>
      </Grid>
    </>
  );
}
