import { ClusterOverview } from '@internal/backstage-plugin-streaming-platform-common';
import { CostValue, formatCount, formatPercent } from '../shared';
import { Figures } from './Figures';
import { SavingsValue } from './SavingsValue';

/**
 * A cluster now: what runs on it and what it costs per hour. Cost is absent
 * from the answer when the user may not read it, and says "hidden" then.
 */
export function ClusterFigures(props: { cluster: ClusterOverview }) {
  const { cluster } = props;
  const withheld = cluster.costPerHour === undefined;
  return (
    <Figures
      label={`${cluster.name} now`}
      figures={[
        { label: 'Pipelines', value: formatCount(cluster.pipelines) },
        { label: 'Nodes', value: formatCount(cluster.nodes) },
        { label: 'Pods', value: formatCount(cluster.pods) },
        {
          label: 'Spot share now',
          value: formatPercent(
            cluster.spotMixNow.vcpuHours > 0
              ? cluster.spotMixNow.spot
              : undefined,
          ),
          note: "of pipelines' requested vCPU",
        },
        {
          label: 'Cost per hour',
          value: (
            <CostValue usd={cluster.costPerHour?.usd} withheld={withheld} />
          ),
          note: 'estimate',
        },
        {
          label: 'Idle cost per hour',
          value: (
            <CostValue usd={cluster.idleCostPerHourUsd} withheld={withheld} />
          ),
          note: 'unrequested node capacity',
        },
        {
          label: 'Savings vs all on-demand',
          value: <SavingsValue cost={cluster.costPerHour} />,
          note: 'per hour',
        },
      ]}
    />
  );
}
