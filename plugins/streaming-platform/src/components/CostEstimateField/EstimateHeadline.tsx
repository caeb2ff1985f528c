import Typography from '@material-ui/core/Typography';
import { CapacityProfile } from '@internal/backstage-plugin-streaming-platform-common';
import { formatPercent, formatUsd } from '../shared';
import { monthlySaving, monthlyUsd } from './monthly';
import { CostEstimates } from './useCostEstimates';

/**
 * The one sentence a reader takes away: what the selected profile costs a
 * month at typical parallelism, and what spot-first saves against
 * on-demand there.
 */
export function EstimateHeadline(props: {
  estimates: CostEstimates;
  selected: CapacityProfile | undefined;
}) {
  const { estimates, selected } = props;
  // A backend from before `typical` answers min and max only.
  const level = estimates.spotFirst.typical ? 'typical' : 'max';
  const at = `at ${level === 'max' ? 'maximum' : level} parallelism (${
    estimates.request.parallelism[level]
  })`;
  const saving = monthlySaving(
    estimates.spotFirst[level],
    estimates.onDemand[level],
  );
  const saves =
    saving && saving.usd > 0
      ? `${formatUsd(saving.usd)} (${formatPercent(saving.share)})`
      : undefined;
  let text: string;
  if (selected === 'spot-first') {
    text = `Spot-first: about ${formatUsd(
      monthlyUsd(estimates.spotFirst[level]),
    )} a month ${at}${saves ? `, ${saves} less than on-demand` : ''}.`;
  } else if (selected === 'on-demand') {
    text = `On-demand: about ${formatUsd(
      monthlyUsd(estimates.onDemand[level]),
    )} a month ${at}${saves ? `; spot-first would save ${saves}` : ''}.`;
  } else {
    text = saves
      ? `Spot-first would save about ${saves} a month against on-demand ${at}.`
      : `Spot-first and on-demand cost about the same ${at}.`;
  }
  return <Typography variant="body2">{text}</Typography>;
}
