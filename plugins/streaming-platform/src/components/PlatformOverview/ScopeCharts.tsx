import { InfoCard } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import Button from '@material-ui/core/Button';
import Grid from '@material-ui/core/Grid';
import {
  PlatformTimeSeriesResponse,
  PriceSource,
  streamingPipelineCostReadPermission,
} from '@internal/backstage-plugin-streaming-platform-common';
import { streamingPlatformApiRef } from '../../api';
import {
  PolledContent,
  RequestProblem,
  TIME_RANGES,
  TimeRangeId,
  usePolling,
  windowOf,
} from '../shared';
import { NoSamples } from '../shared/charts';
import { CostOverTimeChart } from './CostOverTimeChart';
import { NodesByCapacityChart } from './NodesByCapacityChart';

/**
 * The charts of one cluster, or of one of its NodePools when one is
 * selected. Its own request and its own states: when the series cannot be
 * read, only this panel says so; the figures above stay.
 */
export function ScopeCharts(props: {
  cluster: string;
  nodePool?: string;
  range: TimeRangeId;
  /** The prices behind the scope's cost now, for the cost chart's caption. */
  priceSources?: PriceSource[];
  /** True when the overview withheld cost: the series does too. */
  costWithheld: boolean;
  /** Goes back from a NodePool to its whole cluster. */
  onShowCluster: () => void;
}) {
  const { cluster, nodePool, range } = props;
  const api = useApi(streamingPlatformApiRef);
  // The window is taken at each load, so every refresh moves it to now.
  const polled = usePolling(
    () => api.getPlatformTimeSeries({ cluster, nodePool, ...windowOf(range) }),
    [api, cluster, nodePool, range],
  );
  const scope = nodePool ? `NodePool ${nodePool} (${cluster})` : cluster;
  const rangeLabel = TIME_RANGES.find(r => r.id === range)?.label ?? range;
  const title = nodePool
    ? `NodePool ${nodePool} over time`
    : `All NodePools of ${cluster} over time`;

  const charts = (series: PlatformTimeSeriesResponse) => {
    const costWithheld =
      props.costWithheld ||
      (series.points.length > 0 &&
        series.points.every(p => p.costPerHourUsd === undefined));
    return series.points.length ? (
      <Grid container spacing={2}>
        <Grid item xs={12} lg={6}>
          <NodesByCapacityChart
            series={series}
            scope={scope}
            range={rangeLabel}
          />
        </Grid>
        <Grid item xs={12} lg={6}>
          {costWithheld ? (
            <NoSamples title="Cost is hidden">
              {`Cost over time needs the ${streamingPipelineCostReadPermission.name} permission.`}
            </NoSamples>
          ) : (
            <CostOverTimeChart
              series={series}
              scope={scope}
              range={rangeLabel}
              priceSources={props.priceSources}
            />
          )}
        </Grid>
      </Grid>
    ) : (
      <NoSamples>
        The backend records one sample a minute while it watches the cluster.
        Pick a longer range, or come back in a few minutes.
      </NoSamples>
    );
  };

  return (
    <InfoCard
      title={title}
      subheader={`Last ${rangeLabel}. Select a NodePool in the table to chart it alone.`}
      action={
        nodePool ? (
          <Button size="small" color="primary" onClick={props.onShowCluster}>
            Show all of {cluster}
          </Button>
        ) : undefined
      }
    >
      <PolledContent
        polled={polled}
        title="the charts"
        sourcesTitle="Recorded history"
        kinds={['database']}
        problem={error => (
          <RequestProblem
            error={error}
            what="the time series"
            deniedSubject="the platform overview"
          />
        )}
      >
        {charts}
      </PolledContent>
    </InfoCard>
  );
}
