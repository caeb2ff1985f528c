import { ConfigReader } from '@backstage/config';
import { readStreamingPlatformConfig } from './config';

const read = (streamingPlatform: unknown) =>
  readStreamingPlatformConfig(new ConfigReader({ streamingPlatform } as any));

describe('readStreamingPlatformConfig', () => {
  it('has no clusters when nothing is configured', () => {
    expect(readStreamingPlatformConfig(new ConfigReader({}))).toEqual({
      clusters: [],
    });
  });

  it('reads clusters with their defaults', () => {
    expect(
      read({
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
    ).toEqual({
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
  ])('rejects %j naming the key', (value, message) => {
    expect(() => read(value)).toThrow(message);
  });
});
