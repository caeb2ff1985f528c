import {
  PipelineDetailResponse,
  PipelineLagStatus,
} from '@internal/backstage-plugin-streaming-platform-common';
import { formatPercent } from '../shared';
import { CostPerDay } from './CostPerDay';
import { LastScaling } from './LastScaling';

function lagText(lag: PipelineLagStatus): string {
  const target = `target ${lag.targetSeconds} s`;
  const now = lag.latest?.timeLagSeconds;
  if (now === undefined) return `no reading yet (${target})`;
  return `${Math.round(now)} s (${target}${
    lag.breached ? ', above target' : ''
  })`;
}

/**
 * The rows of the overview card. StructuredMetadataTable title-cases the
 * keys ("Job State", "Spot Share Now"); the portal's end-to-end test reads
 * these rows, so change them with it.
 */
export function overviewMetadata(
  detail: PipelineDetailResponse,
): Record<string, string | number | JSX.Element> {
  const p = detail.pipeline;
  return {
    'Job state': p.jobState,
    Parallelism: p.parallelism,
    TaskManagers: `${p.taskManagers.ready} ready of ${p.taskManagers.total}`,
    Lag: lagText(p.lag),
    'Spot share now': `${formatPercent(p.spotMixNow.spot)} of requested vCPU`,
    'Cost per day': <CostPerDay costPerHour={p.costPerHour} />,
    'Last scaling': <LastScaling episode={detail.lastEpisode} />,
  };
}
