/*
 * EC2 on-demand list prices, USD per hour, Linux, shared tenancy — the shipped
 * fallback when the AWS Price List API cannot be read, and the emulator's
 * price list. 96 rows: families m5 m6i m7i c5 c6i c7i r5 r6i r7i m6g c6g r6g,
 * sizes large to 4xlarge, in us-east-1 and eu-west-1.
 *
 * Sources: us-east-1 from Karpenter v1.14.1's generated static price table
 * (pkg/providers/pricing/zz_generated.pricing_aws.go, generated
 * 2026-07-06T14:20:29Z); eu-west-1 from SkyPilot's AWS catalog
 * (catalogs/v7/aws/vms.csv), some sizes derived linearly by vCPU from an
 * observed size of the same family (`derivation`). Public AWS list prices.
 */

/** How a fallback price was obtained. */
export type FallbackPriceDerivation =
  | 'observed'
  | `derived_linear_from_${string}`;

/**
 * One row of the shipped on-demand price table.
 *
 * @public
 */
export interface OnDemandPrice {
  instanceType: string;
  region: string;
  usdPerHour: number;
  derivation: FallbackPriceDerivation;
}

/** The date the shipped table was compiled; figures from it say so. */
export const FALLBACK_PRICES_AS_OF = '2026-07-06';

const ROWS: Array<[string, string, number, FallbackPriceDerivation]> = [
  ['m5.large', 'us-east-1', 0.096, 'observed'],
  ['m5.xlarge', 'us-east-1', 0.192, 'observed'],
  ['m5.2xlarge', 'us-east-1', 0.384, 'observed'],
  ['m5.4xlarge', 'us-east-1', 0.768, 'observed'],
  ['m5.large', 'eu-west-1', 0.107, 'observed'],
  ['m5.xlarge', 'eu-west-1', 0.214, 'observed'],
  ['m5.2xlarge', 'eu-west-1', 0.428, 'derived_linear_from_large'],
  ['m5.4xlarge', 'eu-west-1', 0.856, 'derived_linear_from_large'],
  ['m6i.large', 'us-east-1', 0.096, 'observed'],
  ['m6i.xlarge', 'us-east-1', 0.192, 'observed'],
  ['m6i.2xlarge', 'us-east-1', 0.384, 'observed'],
  ['m6i.4xlarge', 'us-east-1', 0.768, 'observed'],
  ['m6i.large', 'eu-west-1', 0.107, 'observed'],
  ['m6i.xlarge', 'eu-west-1', 0.214, 'observed'],
  ['m6i.2xlarge', 'eu-west-1', 0.428, 'derived_linear_from_large'],
  ['m6i.4xlarge', 'eu-west-1', 0.856, 'derived_linear_from_large'],
  ['m7i.large', 'us-east-1', 0.1008, 'observed'],
  ['m7i.xlarge', 'us-east-1', 0.2016, 'observed'],
  ['m7i.2xlarge', 'us-east-1', 0.4032, 'observed'],
  ['m7i.4xlarge', 'us-east-1', 0.8064, 'observed'],
  ['m7i.large', 'eu-west-1', 0.11235, 'observed'],
  ['m7i.xlarge', 'eu-west-1', 0.2247, 'derived_linear_from_large'],
  ['m7i.2xlarge', 'eu-west-1', 0.4494, 'derived_linear_from_large'],
  ['m7i.4xlarge', 'eu-west-1', 0.8988, 'observed'],
  ['c5.large', 'us-east-1', 0.085, 'observed'],
  ['c5.xlarge', 'us-east-1', 0.17, 'observed'],
  ['c5.2xlarge', 'us-east-1', 0.34, 'observed'],
  ['c5.4xlarge', 'us-east-1', 0.68, 'observed'],
  ['c5.large', 'eu-west-1', 0.096, 'observed'],
  ['c5.xlarge', 'eu-west-1', 0.192, 'derived_linear_from_large'],
  ['c5.2xlarge', 'eu-west-1', 0.384, 'observed'],
  ['c5.4xlarge', 'eu-west-1', 0.768, 'observed'],
  ['c6i.large', 'us-east-1', 0.085, 'observed'],
  ['c6i.xlarge', 'us-east-1', 0.17, 'observed'],
  ['c6i.2xlarge', 'us-east-1', 0.34, 'observed'],
  ['c6i.4xlarge', 'us-east-1', 0.68, 'observed'],
  ['c6i.large', 'eu-west-1', 0.0912, 'derived_linear_from_2xlarge'],
  ['c6i.xlarge', 'eu-west-1', 0.1824, 'derived_linear_from_2xlarge'],
  ['c6i.2xlarge', 'eu-west-1', 0.3648, 'observed'],
  ['c6i.4xlarge', 'eu-west-1', 0.7296, 'observed'],
  ['c7i.large', 'us-east-1', 0.08925, 'observed'],
  ['c7i.xlarge', 'us-east-1', 0.1785, 'observed'],
  ['c7i.2xlarge', 'us-east-1', 0.357, 'observed'],
  ['c7i.4xlarge', 'us-east-1', 0.714, 'observed'],
  ['c7i.large', 'eu-west-1', 0.09576, 'observed'],
  ['c7i.xlarge', 'eu-west-1', 0.19152, 'observed'],
  ['c7i.2xlarge', 'eu-west-1', 0.38304, 'derived_linear_from_large'],
  ['c7i.4xlarge', 'eu-west-1', 0.76608, 'derived_linear_from_large'],
  ['r5.large', 'us-east-1', 0.126, 'observed'],
  ['r5.xlarge', 'us-east-1', 0.252, 'observed'],
  ['r5.2xlarge', 'us-east-1', 0.504, 'observed'],
  ['r5.4xlarge', 'us-east-1', 1.008, 'observed'],
  ['r5.large', 'eu-west-1', 0.141, 'observed'],
  ['r5.xlarge', 'eu-west-1', 0.282, 'observed'],
  ['r5.2xlarge', 'eu-west-1', 0.564, 'derived_linear_from_large'],
  ['r5.4xlarge', 'eu-west-1', 1.128, 'derived_linear_from_large'],
  ['r6i.large', 'us-east-1', 0.126, 'observed'],
  ['r6i.xlarge', 'us-east-1', 0.252, 'observed'],
  ['r6i.2xlarge', 'us-east-1', 0.504, 'observed'],
  ['r6i.4xlarge', 'us-east-1', 1.008, 'observed'],
  ['r6i.large', 'eu-west-1', 0.141, 'observed'],
  ['r6i.xlarge', 'eu-west-1', 0.282, 'observed'],
  ['r6i.2xlarge', 'eu-west-1', 0.564, 'derived_linear_from_large'],
  ['r6i.4xlarge', 'eu-west-1', 1.128, 'derived_linear_from_large'],
  ['r7i.large', 'us-east-1', 0.1323, 'observed'],
  ['r7i.xlarge', 'us-east-1', 0.2646, 'observed'],
  ['r7i.2xlarge', 'us-east-1', 0.5292, 'observed'],
  ['r7i.4xlarge', 'us-east-1', 1.0584, 'observed'],
  ['r7i.large', 'eu-west-1', 0.14805, 'observed'],
  ['r7i.xlarge', 'eu-west-1', 0.2961, 'observed'],
  ['r7i.2xlarge', 'eu-west-1', 0.5922, 'derived_linear_from_large'],
  ['r7i.4xlarge', 'eu-west-1', 1.1844, 'derived_linear_from_large'],
  ['m6g.large', 'us-east-1', 0.077, 'observed'],
  ['m6g.xlarge', 'us-east-1', 0.154, 'observed'],
  ['m6g.2xlarge', 'us-east-1', 0.308, 'observed'],
  ['m6g.4xlarge', 'us-east-1', 0.616, 'observed'],
  ['m6g.large', 'eu-west-1', 0.086, 'observed'],
  ['m6g.xlarge', 'eu-west-1', 0.172, 'observed'],
  ['m6g.2xlarge', 'eu-west-1', 0.344, 'derived_linear_from_large'],
  ['m6g.4xlarge', 'eu-west-1', 0.688, 'derived_linear_from_large'],
  ['c6g.large', 'us-east-1', 0.068, 'observed'],
  ['c6g.xlarge', 'us-east-1', 0.136, 'observed'],
  ['c6g.2xlarge', 'us-east-1', 0.272, 'observed'],
  ['c6g.4xlarge', 'us-east-1', 0.544, 'observed'],
  ['c6g.large', 'eu-west-1', 0.073, 'observed'],
  ['c6g.xlarge', 'eu-west-1', 0.1459, 'observed'],
  ['c6g.2xlarge', 'eu-west-1', 0.2918, 'observed'],
  ['c6g.4xlarge', 'eu-west-1', 0.5837, 'observed'],
  ['r6g.large', 'us-east-1', 0.1008, 'observed'],
  ['r6g.xlarge', 'us-east-1', 0.2016, 'observed'],
  ['r6g.2xlarge', 'us-east-1', 0.4032, 'observed'],
  ['r6g.4xlarge', 'us-east-1', 0.8064, 'observed'],
  ['r6g.large', 'eu-west-1', 0.1128, 'observed'],
  ['r6g.xlarge', 'eu-west-1', 0.2256, 'derived_linear_from_large'],
  ['r6g.2xlarge', 'eu-west-1', 0.4512, 'observed'],
  ['r6g.4xlarge', 'eu-west-1', 0.9024, 'observed'],
];

/**
 * The shipped on-demand price table.
 *
 * @public
 */
export const FALLBACK_ONDEMAND_PRICES: readonly OnDemandPrice[] = ROWS.map(
  ([instanceType, region, usdPerHour, derivation]) => ({
    instanceType,
    region,
    usdPerHour,
    derivation,
  }),
);
