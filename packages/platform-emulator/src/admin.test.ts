import { parseFaults, startAdminServer } from './admin';
import { PlatformEmulator } from './PlatformEmulator';

describe('parseFaults', () => {
  it.each([
    [{ cloudWatchThrottling: true }, { cloudWatchThrottling: true }],
    [
      { noSpotCapacityZones: ['eu-west-1a'], slowResponsesMs: 250 },
      { noSpotCapacityZones: ['eu-west-1a'], slowResponsesMs: 250 },
    ],
  ])('accepts %j', (input, expected) => {
    expect(parseFaults(input)).toEqual(expected);
  });

  it.each([
    [[], 'the body must be a JSON object of faults'],
    [{ apiServerDown: 'yes' }, 'apiServerDown must be true or false'],
    [
      { slowResponsesMs: -1 },
      'slowResponsesMs must be a number of ms from 0 to 60000',
    ],
    [
      { noSpotCapacityZones: 'eu-west-1a' },
      'noSpotCapacityZones must be a list of zone names',
    ],
    [{ meteorStrike: true }, "unknown fault 'meteorStrike'"],
  ])('rejects %j naming the field', (input, message) => {
    expect(parseFaults(input)).toEqual(expect.stringContaining(message));
  });
});

describe('admin server', () => {
  it('flips faults at run time and reports status', async () => {
    const emulator = await PlatformEmulator.start({
      clock: 'manual',
      startMs: Date.UTC(2026, 10, 28),
    });
    const admin = await startAdminServer(emulator);
    try {
      const patched = await fetch(`${admin.url}/faults`, {
        method: 'PATCH',
        body: JSON.stringify({ interruptionStorm: true }),
      });
      expect(patched.status).toBe(200);
      expect(emulator.faults.state.interruptionStorm).toBe(true);
      const bad = await fetch(`${admin.url}/faults`, {
        method: 'PATCH',
        body: '{"interruptionStorm": 1}',
      });
      expect(bad.status).toBe(400);
      expect(await bad.json()).toEqual({
        error: 'interruptionStorm must be true or false',
      });
      const status = await (await fetch(`${admin.url}/status`)).json();
      expect(status).toMatchObject({
        scenario: 'demo',
        clusters: [{ name: 'eks-demo-eu-west-1', stats: { pipelines: 12 } }],
      });
      await fetch(`${admin.url}/faults/reset`, { method: 'POST' });
      expect(emulator.faults.state.interruptionStorm).toBe(false);
    } finally {
      await admin.close();
      await emulator.stop();
    }
  });
});
