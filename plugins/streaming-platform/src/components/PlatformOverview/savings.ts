import { CostFigures } from '@internal/backstage-plugin-streaming-platform-common';

/** What running on spot saves against the same capacity all on on-demand. */
export interface Savings {
  /** On-demand equivalent − cost, US dollars (per hour where the figures are). */
  usd: number;
  /** 1 − cost / on-demand equivalent; undefined when nothing ran. */
  share?: number;
}

/** The savings in a cost figure; undefined when cost is withheld. */
export function savingsOf(cost: CostFigures | undefined): Savings | undefined {
  if (!cost) return undefined;
  return {
    usd: cost.onDemandEquivalentUsd - cost.usd,
    share: cost.spotSavings,
  };
}
