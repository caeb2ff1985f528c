import Typography from '@material-ui/core/Typography';
import { PriceSource } from '@internal/backstage-plugin-streaming-platform-common';

const PRICE_SOURCE_LABELS: Record<PriceSource, string> = {
  'price-list': 'on-demand prices from the AWS Price List',
  'spot-price-history': 'spot prices from EC2 spot price history',
  'fallback-table':
    'the shipped fallback price table (overstates spot nodes without a spot price)',
  unknown: 'no price for some instance types (costed at zero)',
};

/** Every cost figure is an estimate; this says so, and from which prices. */
export function CostNote(props: { priceSources: PriceSource[] }) {
  const { priceSources } = props;
  if (!priceSources.length) return null;
  return (
    <Typography variant="caption" color="textSecondary" component="p">
      Costs are estimates: each node's hourly price split over its pods'
      requests (OpenCost's method), using{' '}
      {priceSources.map(s => PRICE_SOURCE_LABELS[s] ?? s).join('; ')}.
    </Typography>
  );
}
