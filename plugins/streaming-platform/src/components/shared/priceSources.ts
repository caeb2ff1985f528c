import { PriceSource } from '@internal/backstage-plugin-streaming-platform-common';

/**
 * How a caption names where prices came from. `list` names each source
 * exactly ("AWS Price List (on-demand)") and separates them with commas: the
 * pipeline's captions and its node table. `prose` reads as part of a
 * sentence ("EC2 spot price history and AWS Price List"): the platform's
 * charts, whose figures add up many nodes.
 */
export type PriceSourcesWording = 'list' | 'prose';

const LABELS: Record<PriceSourcesWording, Record<PriceSource, string>> = {
  list: {
    'price-list': 'AWS Price List (on-demand)',
    'spot-price-history': 'EC2 spot price history',
    'fallback-table': 'the shipped fallback price table',
    unknown: 'no known price (costed at zero)',
  },
  prose: {
    'price-list': 'AWS Price List',
    'spot-price-history': 'EC2 spot price history',
    'fallback-table': 'the shipped price table',
    unknown: 'no known price for some instance types (costed at zero)',
  },
};

/** A price source in words, for "estimate from …" captions. */
export function priceSourceLabel(
  source: PriceSource,
  wording: PriceSourcesWording = 'list',
): string {
  return LABELS[wording][source] ?? source;
}

/**
 * Where the prices behind cost figures came from, in words for a caption:
 * "EC2 spot price history, AWS Price List (on-demand)", or in `prose`,
 * "EC2 spot price history and AWS Price List". Every cost is an estimate, and
 * a fallback-table price overstates spot nodes, so the reader must know.
 */
export function priceSourcesText(
  sources: ReadonlyArray<PriceSource> | undefined,
  wording: PriceSourcesWording = 'list',
): string {
  const labels = [...new Set(sources ?? [])].map(s =>
    priceSourceLabel(s, wording),
  );
  if (!labels.length) return 'node prices';
  if (wording === 'list' || labels.length === 1) return labels.join(', ');
  return `${labels.slice(0, -1).join(', ')} and ${labels[labels.length - 1]}`;
}
