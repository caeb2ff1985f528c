import { CostFigures } from '@internal/backstage-plugin-streaming-platform-common';
import { CostValue, formatPercent } from '../shared';
import { savingsOf } from './savings';

/** "$6.20 (33 %)": what spot saves against all on-demand, or "hidden". */
export function SavingsValue(props: { cost: CostFigures | undefined }) {
  const savings = savingsOf(props.cost);
  if (!savings) return <CostValue usd={undefined} withheld />;
  return (
    <span>
      <CostValue usd={savings.usd} />
      {savings.share !== undefined ? ` (${formatPercent(savings.share)})` : ''}
    </span>
  );
}
