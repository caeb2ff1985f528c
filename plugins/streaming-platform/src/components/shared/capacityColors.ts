import { Theme } from '@material-ui/core/styles';
import { CapacityType } from '@internal/backstage-plugin-streaming-platform-common';

/**
 * One colour per capacity type on every chart, told apart in the light and
 * the dark theme and by people with red–green colour blindness (blue /
 * orange / grey, after the Okabe–Ito palette).
 */
export function capacityColors(theme: Theme): Record<CapacityType, string> {
  const dark = theme.palette.type === 'dark';
  return {
    spot: dark ? '#56B4E9' : '#0072B2',
    'on-demand': dark ? '#F0A030' : '#D55E00',
    reserved: dark ? '#BBBBBB' : '#777777',
  };
}

/** Labels for capacity types, as Karpenter names them. */
export const CAPACITY_LABELS: Record<CapacityType, string> = {
  spot: 'Spot',
  'on-demand': 'On-demand',
  reserved: 'Reserved',
};
