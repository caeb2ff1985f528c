import { ConfigReader } from '@backstage/config';
import { readStreamingPlatformConfig } from './config';

const read = (streamingPlatform: unknown) =>
  readStreamingPlatformConfig(new ConfigReader({ streamingPlatform } as any));

describe('readStreamingPlatformConfig', () => {
  it('runs the demo on the embedded emulator when nothing is configured', () => {
    expect(readStreamingPlatformConfig(new ConfigReader({}))).toMatchObject({
      source: 'emulator',
      emulator: {
        scenario: 'demo',
        dataDir: 'data/emulator',
        warmupMs: 7_200_000,
      },
      clusters: [],
      cloudWatch: {
        pollIntervalMs: 60_000,
        requestTimeoutMs: 20_000,
        backfillMs: 10_800_000,
      },
      pricing: { refreshIntervalMs: 21_600_000, requestTimeoutMs: 30_000 },
      retention: {
        minuteSamplesMs: 14 * 86_400_000,
        hourlyRollupsMs: 395 * 86_400_000,
        eventsMs: 90 * 86_400_000,
      },
      defaultLagTargetSeconds: 60,
      stuckOnDemandMinutes: 60,
    });
  });

  it.each([
    [
      { cloudWatch: { pollIntervalSeconds: 1 } },
      'streamingPlatform.cloudWatch.pollIntervalSeconds must be between 10 and 3600',
    ],
    [
      { retention: { minuteSamplesDays: 0 } },
      'streamingPlatform.retention.minuteSamplesDays must be between 1 and 90',
    ],
    [
      { stuckOnDemandMinutes: 2881 },
      'streamingPlatform.stuckOnDemandMinutes must be between 1 and 2880',
    ],
    [
      { pricing: { endpoint: 'ftp://x' } },
      "streamingPlatform.pricing.endpoint 'ftp://x' is not an http(s) URL",
    ],
    [
      {
        source: 'clusters',
        clusters: [
          { name: 'eks', authProvider: 'aws', url: 'https://k8s.example.com' },
        ],
      },
      "streamingPlatform.clusters[0] uses authProvider 'aws' and needs 'url' and 'region'",
    ],
    [
      {
        selfService: {
          pipelineRoleArn: 'arn:aws:iam::123456789012:role/flink',
        },
      },
      "streamingPlatform.selfService.pipelineRoleArn: 'arn:aws:iam::123456789012:role/flink' must hold {name}",
    ],
  ])('names the key of a bad setting: %j', (settings, message) => {
    expect(() => read(settings)).toThrow(message);
  });

  it('reads the region of an EKS cluster from its URL', () => {
    expect(
      read({
        source: 'clusters',
        clusters: [
          {
            name: 'eks',
            authProvider: 'aws',
            url: 'https://ABC.gr7.eu-west-1.eks.amazonaws.com',
          },
        ],
      }).clusters[0].region,
    ).toBe('eu-west-1');
  });

  it('reads the emulator settings', () => {
    expect(
      read({
        source: 'emulator',
        emulator: { scenario: 'fleet-L', dataDir: '/tmp/x', warmupMinutes: 0 },
      }).emulator,
    ).toEqual({ scenario: 'fleet-L', dataDir: '/tmp/x', warmupMs: 0 });
  });

  it('names pipeline roles in a made-up account only on the emulator', () => {
    expect(read({}).selfService.pipelineRoleArn).toBe(
      'arn:aws:iam::000000000000:role/flink-{namespace}-{name}',
    );
    const clusters = [
      {
        name: 'local',
        url: 'http://127.0.0.1:6443',
        authProvider: 'serviceAccount',
      },
    ];
    expect(
      read({ source: 'clusters', clusters }).selfService.pipelineRoleArn,
    ).toBeUndefined();
    expect(
      read({
        source: 'clusters',
        clusters,
        selfService: {
          pipelineRoleArn: 'arn:aws:iam::123456789012:role/{cluster}-{name}',
        },
      }).selfService.pipelineRoleArn,
    ).toBe('arn:aws:iam::123456789012:role/{cluster}-{name}');
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
            region: 'eu-west-1',
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
