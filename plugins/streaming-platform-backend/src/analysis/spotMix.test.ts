import { SpotMix } from '@internal/backstage-plugin-streaming-platform-common';
import { closeTo } from './__testUtils__/closeTo';
import {
  CapacitySlice,
  spotMixFromSamples,
  spotMixNow,
  spotMixOf,
} from './spotMix';

const HOUR = 3_600_000;
const MINUTE = 60_000;

describe('spotMixOf', () => {
  it.each<[string, CapacitySlice[], SpotMix]>([
    [
      // spot 2·1 + 1·0.5 = 2.5 vCPU-h, on-demand 1·1 = 1 → 3.5: 5/7 and 2/7
      'spot and on-demand',
      [
        { capacityType: 'spot', vcpu: 2, durationMs: HOUR },
        { capacityType: 'on-demand', vcpu: 1, durationMs: HOUR },
        { capacityType: 'spot', vcpu: 1, durationMs: 30 * MINUTE },
      ],
      { spot: 5 / 7, onDemand: 2 / 7, reserved: 0, vcpuHours: 3.5 },
    ],
    [
      // reserved 4·0.25 = 1, spot 3·1 = 3 → 4 vCPU-h
      'spot and reserved',
      [
        { capacityType: 'reserved', vcpu: 4, durationMs: 15 * MINUTE },
        { capacityType: 'spot', vcpu: 3, durationMs: HOUR },
      ],
      { spot: 0.75, onDemand: 0, reserved: 0.25, vcpuHours: 4 },
    ],
    [
      // A short stretch weighs less than a long one: 8 vCPU for 6 minutes
      // (0.8) against 1 vCPU for 3.2 hours (3.2) → 0.2 / 0.8 of 4
      'time-weighted',
      [
        { capacityType: 'on-demand', vcpu: 8, durationMs: 6 * MINUTE },
        { capacityType: 'spot', vcpu: 1, durationMs: 3.2 * HOUR },
      ],
      { spot: 0.8, onDemand: 0.2, reserved: 0, vcpuHours: 4 },
    ],
    ['nothing', [], { spot: 0, onDemand: 0, reserved: 0, vcpuHours: 0 }],
    [
      'only zero-length slices',
      [{ capacityType: 'spot', vcpu: 4, durationMs: 0 }],
      { spot: 0, onDemand: 0, reserved: 0, vcpuHours: 0 },
    ],
    [
      // Bad data counts as nothing rather than turning shares negative
      'negative and NaN amounts',
      [
        { capacityType: 'spot', vcpu: -4, durationMs: HOUR },
        { capacityType: 'spot', vcpu: NaN, durationMs: HOUR },
        { capacityType: 'on-demand', vcpu: 2, durationMs: -HOUR },
        { capacityType: 'on-demand', vcpu: 1, durationMs: HOUR },
      ],
      { spot: 0, onDemand: 1, reserved: 0, vcpuHours: 1 },
    ],
  ])('%s', (_, slices, expected) => {
    expect(spotMixOf(slices)).toEqual(closeTo(expected));
  });
});

describe('spotMixNow', () => {
  it.each<[Parameters<typeof spotMixNow>[0], SpotMix]>([
    [
      { spot: 6, 'on-demand': 2, reserved: 0 },
      { spot: 0.75, onDemand: 0.25, reserved: 0, vcpuHours: 8 },
    ],
    [
      { spot: 1, 'on-demand': 1, reserved: 2 },
      { spot: 0.25, onDemand: 0.25, reserved: 0.5, vcpuHours: 4 },
    ],
    [{ spot: 3 }, { spot: 1, onDemand: 0, reserved: 0, vcpuHours: 3 }],
    [
      { spot: 0, 'on-demand': 0, reserved: 0 },
      { spot: 0, onDemand: 0, reserved: 0, vcpuHours: 0 },
    ],
  ])('%j', (vcpu, expected) => {
    expect(spotMixNow(vcpu)).toEqual(closeTo(expected));
  });
});

describe('spotMixFromSamples', () => {
  const t0 = Date.UTC(2026, 5, 1, 12, 0);
  const samples = [
    { at: t0, vcpuByCapacityType: { spot: 4, 'on-demand': 0, reserved: 0 } },
    {
      at: t0 + MINUTE,
      vcpuByCapacityType: { spot: 4, 'on-demand': 0, reserved: 0 },
    },
    {
      at: t0 + 2 * MINUTE,
      vcpuByCapacityType: { spot: 4, 'on-demand': 0, reserved: 0 },
    },
    {
      at: t0 + 3 * MINUTE,
      vcpuByCapacityType: { spot: 0, 'on-demand': 4, reserved: 0 },
    },
  ];

  it.each<[string, typeof samples, number | undefined, SpotMix]>([
    // spot 3 minutes × 4 = 12 vCPU-minutes, on-demand 4 → 16/60 vCPU-h
    [
      'minute samples',
      samples,
      undefined,
      { spot: 0.75, onDemand: 0.25, reserved: 0, vcpuHours: 16 / 60 },
    ],
    // The same samples standing for 5 minutes each: 80/60 vCPU-h
    [
      '5-minute samples',
      samples,
      5 * MINUTE,
      { spot: 0.75, onDemand: 0.25, reserved: 0, vcpuHours: 80 / 60 },
    ],
    [
      'no samples',
      [],
      undefined,
      { spot: 0, onDemand: 0, reserved: 0, vcpuHours: 0 },
    ],
  ])('%s', (_, input, sampleMs, expected) => {
    expect(spotMixFromSamples(input, sampleMs)).toEqual(closeTo(expected));
  });
});
