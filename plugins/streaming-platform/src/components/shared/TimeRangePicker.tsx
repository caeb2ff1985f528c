import Button from '@material-ui/core/Button';
import ButtonGroup from '@material-ui/core/ButtonGroup';

/** The ranges people pick from; minute samples are kept 14 days. */
export const TIME_RANGES = [
  { id: '1h', label: '1 h', seconds: 3600 },
  { id: '6h', label: '6 h', seconds: 6 * 3600 },
  { id: '24h', label: '24 h', seconds: 24 * 3600 },
  { id: '7d', label: '7 d', seconds: 7 * 86_400 },
  { id: '14d', label: '14 d', seconds: 14 * 86_400 },
] as const;

export type TimeRangeId = (typeof TIME_RANGES)[number]['id'];

/** The window a range id stands for, ending now. */
export function windowOf(
  id: TimeRangeId,
  now = Date.now(),
): { from: string; to: string } {
  const range = TIME_RANGES.find(r => r.id === id)!;
  return {
    from: new Date(now - range.seconds * 1000).toISOString(),
    to: new Date(now).toISOString(),
  };
}

/** A row of buttons, one per range; the chosen one is pressed. */
export function TimeRangePicker(props: {
  value: TimeRangeId;
  onChange: (id: TimeRangeId) => void;
}) {
  return (
    <ButtonGroup size="small" aria-label="Time range" color="primary">
      {TIME_RANGES.map(range => (
        <Button
          key={range.id}
          aria-pressed={range.id === props.value}
          variant={range.id === props.value ? 'contained' : 'outlined'}
          onClick={() => props.onChange(range.id)}
        >
          {range.label}
        </Button>
      ))}
    </ButtonGroup>
  );
}
