import { ConfigReader } from '@backstage/config';
import { readStreamingPlatformConfig } from './config';

const read = (streamingPlatform: unknown) =>
  readStreamingPlatformConfig(new ConfigReader({ streamingPlatform } as any));

describe('readStreamingPlatformConfig', () => {
  it('runs the demo on the embedded emulator when nothing is configured', () => {
    expect(readStreamingPlatformConfig(new ConfigReader({}))).toEqual({
      source: 'emulator',
      emulator: {
        scenario: 'demo',
        dataDir: 'data/emulator',
        warmupMs: 7_200_000,
      },
      clusters: [],
    });
  });

  it('reads the emulator settings', () => {
    expect(
      read({
        source: 'emulator',
        emulator: { scenario: 'fleet-L', dataDir: '/tmp/x', warmupMinutes: 0 },
      }).emulator,
    ).toEqual({ scenario: 'fleet-L', dataDir: '/tmp/x', warmupMs: 0 });
  });

  it('reads clusters with their defaults', () => {
    expect(
      read({
        source: 'clusters',
        clusters: [
          {
            name: 'eks-prod',
            url: 'https://api.example.com',
            authProvider: 'aws',
          },
          {
            name: 'local',
            url: 'http://127.0.0.1:6443',
            authProvider: 'serviceAccount',
            serviceAccountToken: 't0ken',
            skipTLSVerify: true,
          },
        ],
      }),
    ).toMatchObject({
      source: 'clusters',
      clusters: [
        {
          name: 'eks-prod',
          url: 'https://api.example.com',
          authProvider: 'aws',
          skipTLSVerify: false,
        },
        {
          name: 'local',
          url: 'http://127.0.0.1:6443',
          authProvider: 'serviceAccount',
          serviceAccountToken: 't0ken',
          skipTLSVerify: true,
        },
      ],
    });
  });

  it.each([
    [
      { clusters: [{ name: 'bad/name', authProvider: 'aws' }] },
      "streamingPlatform.clusters[0].name 'bad/name' is invalid",
    ],
    [
      {
        clusters: [
          { name: 'a', authProvider: 'aws' },
          { name: 'a', authProvider: 'aws' },
        ],
      },
      "streamingPlatform.clusters[1].name 'a' is used by another cluster",
    ],
    [
      { clusters: [{ name: 'a', authProvider: 'oidc' }] },
      "streamingPlatform.clusters[0].authProvider 'oidc' is not one of",
    ],
    [
      { clusters: [{ name: 'a', authProvider: 'aws', url: 'ftp://x' }] },
      "streamingPlatform.clusters[0].url 'ftp://x' is not an http(s) URL",
    ],
    [
      { clusters: [{ authProvider: 'aws' }] },
      "Missing required config value at 'streamingPlatform.clusters[0].name'",
    ],
    [
      { source: 'kafka' },
      "streamingPlatform.source 'kafka' is not one of emulator, clusters",
    ],
    [
      { emulator: { scenario: 'huge' } },
      "streamingPlatform.emulator.scenario 'huge' is not one of demo, demo-node-groups, fleet-L",
    ],
    [
      { emulator: { warmupMinutes: -5 } },
      'streamingPlatform.emulator.warmupMinutes must be between 0 and 21600',
    ],
  ])('rejects %j naming the key', (value, message) => {
    expect(() => read(value)).toThrow(message);
  });
});
