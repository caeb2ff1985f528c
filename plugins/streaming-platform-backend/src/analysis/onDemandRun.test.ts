import { CapacitySample, currentOnDemandRun, OnDemandRun } from './onDemandRun';

const MIN = 60_000;
const T0 = Date.UTC(2026, 5, 1, 12, 0);

/**
 * One sample a minute from `start`, given as on-demand / spot vCPU
 * (`undefined`: the minute was not recorded).
 */
function minutes(
  start: number,
  vcpus: Array<[number, number] | undefined>,
): CapacitySample[] {
  return vcpus.flatMap((vcpu, i) =>
    vcpu
      ? [
          {
            at: start + i * MIN,
            vcpuByCapacityType: { 'on-demand': vcpu[0], spot: vcpu[1] },
          },
        ]
      : [],
  );
}

const OD: [number, number] = [2, 0];
const HALF: [number, number] = [1, 1];
const SPOT: [number, number] = [0.5, 2];

describe('currentOnDemandRun', () => {
  // The newest minute is 12:59, read at 13:00:30.
  const now = T0 + 60 * MIN + 30_000;
  it.each<
    [
      string,
      CapacitySample[],
      Parameters<typeof currentOnDemandRun>[1],
      OnDemandRun | undefined,
    ]
  >([
    [
      'an hour all on on-demand',
      minutes(T0, Array(60).fill(OD)),
      { now, minMinutes: 60 },
      { since: T0, until: T0 + 59 * MIN, minutes: 60 },
    ],
    [
      'one minute short of the threshold',
      minutes(T0 + MIN, Array(59).fill(OD)),
      { now, minMinutes: 60 },
      undefined,
    ],
    [
      // Exactly half counts; the run starts after the last spot minute
      'half is enough; a spot minute ends the run',
      minutes(T0, [OD, SPOT, ...Array(58).fill(HALF)]),
      { now },
      { since: T0 + 2 * MIN, until: T0 + 59 * MIN, minutes: 58 },
    ],
    [
      // 12:30 was not recorded: unknown, so the run starts at 12:31
      'a missing minute ends the run',
      minutes(T0, [...Array(30).fill(OD), undefined, ...Array(29).fill(OD)]),
      { now },
      { since: T0 + 31 * MIN, until: T0 + 59 * MIN, minutes: 29 },
    ],
    [
      'a minute that requested nothing ends the run',
      minutes(T0, [...Array(50).fill(OD), [0, 0], ...Array(9).fill(OD)]),
      { now },
      { since: T0 + 51 * MIN, until: T0 + 59 * MIN, minutes: 9 },
    ],
    [
      'back on spot now: no run',
      minutes(T0, [...Array(59).fill(OD), SPOT]),
      { now },
      undefined,
    ],
    [
      // The newest minute is 12:50, ten minutes old: not current
      'stale samples are no answer',
      minutes(T0, Array(51).fill(OD)),
      { now },
      undefined,
    ],
    [
      'a higher share asked for',
      minutes(T0, [...Array(55).fill(OD), ...Array(5).fill(HALF)]),
      { now, minShare: 0.75 },
      undefined,
    ],
    [
      // Reserved vCPU is not on-demand: 1 on-demand of 1 + 2 reserved
      'reserved capacity is not on-demand',
      [
        {
          at: T0 + 59 * MIN,
          vcpuByCapacityType: { 'on-demand': 1, reserved: 2 },
        },
      ],
      { now },
      undefined,
    ],
    [
      // Duplicates and any order; a sample after `now` is ignored
      'unsorted and duplicated',
      [
        ...minutes(T0 + 59 * MIN, [OD]),
        ...minutes(T0 + 57 * MIN, [OD, OD]),
        ...minutes(T0 + 58 * MIN, [OD]),
        ...minutes(T0 + 61 * MIN, [SPOT]),
      ],
      { now },
      { since: T0 + 57 * MIN, until: T0 + 59 * MIN, minutes: 3 },
    ],
    ['no samples', [], { now }, undefined],
  ])('%s', (_, samples, options, expected) => {
    expect(currentOnDemandRun(samples, options)).toStrictEqual(expected);
  });
});
