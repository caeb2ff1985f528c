import Tooltip from '@material-ui/core/Tooltip';
import Typography from '@material-ui/core/Typography';
import { formatUsd } from './format';

/** The permission whose absence withholds cost fields. */
const COST_PERMISSION = 'streaming-platform.pipeline.cost.read';

/**
 * A cost figure, or — when the backend withheld it because the user may not
 * read cost — a quiet "hidden" that says why on hover, instead of a gap.
 */
export function CostValue(props: {
  usd: number | undefined;
  /** True when cost is withheld for this user (the field is absent). */
  withheld?: boolean;
  suffix?: string;
}) {
  if (props.usd === undefined && props.withheld) {
    return (
      <Tooltip
        title={`Cost is hidden: you lack the ${COST_PERMISSION} permission.`}
      >
        <Typography
          component="span"
          variant="inherit"
          color="textSecondary"
          aria-label="Cost hidden: no permission"
          tabIndex={0}
        >
          hidden
        </Typography>
      </Tooltip>
    );
  }
  return (
    <span>
      {formatUsd(props.usd)}
      {props.usd !== undefined && props.suffix ? props.suffix : ''}
    </span>
  );
}
