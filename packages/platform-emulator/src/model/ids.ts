import { Random } from '../random';

const HEX = '0123456789abcdef';
const LOWER_ALNUM = 'bcdfghjklmnpqrstvwxz2456789';

const draw = (random: Random, alphabet: string, length: number) => {
  let out = '';
  for (let i = 0; i < length; i++)
    out += alphabet[Math.floor(random.next() * alphabet.length)];
  return out;
};

/** A version-4 UUID from the seeded stream. */
export function uuid(random: Random): string {
  const h = draw(random, HEX, 32);
  const variant = HEX[8 + Math.floor(random.next() * 4)];
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(
    13,
    16,
  )}-${variant}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

/** Kubernetes' generateName suffix (5 characters, no vowels). */
export const nameSuffix = (random: Random, length = 5) =>
  draw(random, LOWER_ALNUM, length);

export const ec2InstanceId = (random: Random) => `i-0${draw(random, HEX, 16)}`;

/** A Flink JobID or JobVertexID: 32 hex characters. */
export const flinkId = (random: Random) => draw(random, HEX, 32);

/** An EC2 private DNS name for an address in 10.0.0.0/16. */
export function privateDnsName(ip: string, region: string): string {
  const host = `ip-${ip.replace(/\./g, '-')}`;
  return region === 'us-east-1'
    ? `${host}.ec2.internal`
    : `${host}.${region}.compute.internal`;
}
