import Typography from '@material-ui/core/Typography';
import { CostFigures } from '@internal/backstage-plugin-streaming-platform-common';
import { CostValue, formatPercent, priceSourcesText } from '../shared';

/**
 * What the pipeline costs per day at its current rate, saying it is an
 * estimate and from which prices; "hidden" when cost is withheld.
 */
export function CostPerDay(props: { costPerHour: CostFigures | undefined }) {
  const { costPerHour } = props;
  return (
    <Typography variant="body2" component="span">
      <CostValue
        usd={costPerHour ? costPerHour.usd * 24 : undefined}
        withheld={!costPerHour}
      />
      {costPerHour && (
        <Typography variant="caption" color="textSecondary" component="span">
          {' '}
          estimated at the current rate
          {costPerHour.spotSavings !== undefined
            ? `, ${formatPercent(costPerHour.spotSavings)} below on-demand`
            : ''}
          ; prices: {priceSourcesText(costPerHour.priceSources)}
        </Typography>
      )}
    </Typography>
  );
}
