import { createHash, createHmac } from 'node:crypto';
import { createKubeConfig, eksToken } from './clusterAuth';

const credentials = {
  accessKeyId: 'AKIDEXAMPLE',
  secretAccessKey: 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY',
};
const now = Date.UTC(2026, 10, 28, 8, 0, 0);

function decode(token: string): URL {
  expect(token.startsWith('k8s-aws-v1.')).toBe(true);
  const encoded = token.slice('k8s-aws-v1.'.length);
  expect(encoded).toMatch(/^[A-Za-z0-9_-]+$/); // base64url, no padding
  return new URL(Buffer.from(encoded, 'base64url').toString('utf8'));
}

const hmac = (key: Buffer | string, data: string) =>
  createHmac('sha256', key).update(data, 'utf8').digest();
const rfc3986 = (value: string) =>
  encodeURIComponent(value).replace(
    /[!'()*]/g,
    c => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );

/** SigV4 of a presigned GET written out from the AWS documentation, to check the signer's output independently. */
function expectedSignature(url: URL, clusterName: string): string {
  const params = [...url.searchParams.entries()]
    .filter(([key]) => key !== 'X-Amz-Signature')
    .map(([key, value]) => `${rfc3986(key)}=${rfc3986(value)}`)
    .sort();
  const canonicalRequest = [
    'GET',
    '/',
    params.join('&'),
    `host:${url.host}\nx-k8s-aws-id:${clusterName}\n`,
    'host;x-k8s-aws-id',
    createHash('sha256').update('').digest('hex'),
  ].join('\n');
  const amzDate = url.searchParams.get('X-Amz-Date')!;
  const scope = `${amzDate.slice(0, 8)}/eu-west-1/sts/aws4_request`;
  const stringToSign = [
    'AWS4-HMAC-SHA256',
    amzDate,
    scope,
    createHash('sha256').update(canonicalRequest).digest('hex'),
  ].join('\n');
  let key = hmac(`AWS4${credentials.secretAccessKey}`, amzDate.slice(0, 8));
  for (const part of ['eu-west-1', 'sts', 'aws4_request']) {
    key = hmac(key, part);
  }
  return hmac(key, stringToSign).toString('hex');
}

describe('eksToken', () => {
  it('is a presigned STS GetCallerIdentity URL bound to the cluster', async () => {
    const { token, expiresAt } = await eksToken({
      clusterName: 'eks-prod-eu-west-1',
      region: 'eu-west-1',
      credentials,
      now,
    });
    const url = decode(token);
    expect(url.protocol).toBe('https:');
    expect(url.host).toBe('sts.eu-west-1.amazonaws.com');
    expect(url.pathname).toBe('/');
    const query = url.searchParams;
    expect(query.get('Action')).toBe('GetCallerIdentity');
    expect(query.get('Version')).toBe('2011-06-15');
    expect(query.get('X-Amz-Algorithm')).toBe('AWS4-HMAC-SHA256');
    expect(query.get('X-Amz-Expires')).toBe('60');
    expect(query.get('X-Amz-Date')).toBe('20261128T080000Z');
    expect(query.get('X-Amz-Credential')).toBe(
      'AKIDEXAMPLE/20261128/eu-west-1/sts/aws4_request',
    );
    expect(query.get('X-Amz-SignedHeaders')!.split(';')).toEqual(
      expect.arrayContaining(['host', 'x-k8s-aws-id']),
    );
    expect(query.get('X-Amz-Signature')).toBe(
      expectedSignature(url, 'eks-prod-eu-west-1'),
    );
    expect(query.has('X-Amz-Security-Token')).toBe(false);
    expect(expiresAt).toBe(now + 15 * 60_000);
  });

  it('carries the session token of temporary credentials', async () => {
    const { token } = await eksToken({
      clusterName: 'c',
      region: 'us-east-1',
      credentials: async () => ({ ...credentials, sessionToken: 'FwoG+/=x' }),
      now,
    });
    const url = decode(token);
    expect(url.host).toBe('sts.us-east-1.amazonaws.com');
    expect(url.searchParams.get('X-Amz-Security-Token')).toBe('FwoG+/=x');
  });

  it('signs differently for another cluster', async () => {
    const sign = (clusterName: string) =>
      eksToken({ clusterName, region: 'eu-west-1', credentials, now });
    expect((await sign('a')).token).not.toBe((await sign('b')).token);
  });
});

describe('createKubeConfig with aws', () => {
  it('sends a fresh EKS token, signing a new one after 10 minutes', async () => {
    let clock = now;
    const kc = await createKubeConfig(
      {
        name: 'eks-prod',
        authProvider: 'aws',
        url: 'https://ABC.gr7.eu-west-1.eks.amazonaws.com',
        region: 'eu-west-1',
      },
      { awsCredentials: credentials, now: () => clock },
    );
    const bearer = async () => {
      const opts: { headers?: Record<string, string> } = {};
      await kc.applyToHTTPSOptions(opts);
      const header = String(opts.headers?.Authorization);
      expect(header.startsWith('Bearer k8s-aws-v1.')).toBe(true);
      return decode(header.slice('Bearer '.length));
    };
    const first = await bearer();
    expect(first.searchParams.get('X-Amz-Date')).toBe('20261128T080000Z');
    clock = now + 9 * 60_000;
    expect((await bearer()).toString()).toBe(first.toString());
    clock = now + 10 * 60_000 + 1;
    expect((await bearer()).searchParams.get('X-Amz-Date')).toBe(
      '20261128T081000Z',
    );
    expect(kc.getCurrentCluster()?.server).toBe(
      'https://ABC.gr7.eu-west-1.eks.amazonaws.com',
    );
  });
});
