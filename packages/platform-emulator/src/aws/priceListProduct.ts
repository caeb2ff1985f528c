import {
  FALLBACK_PRICES_AS_OF,
  instanceTypeShape,
} from '@internal/backstage-plugin-streaming-platform-common';
import { createHash } from 'node:crypto';

/** The Price List's `location` of each region (it says "EU", not "Europe"). */
const LOCATIONS: Record<string, string> = {
  'us-east-1': 'US East (N. Virginia)',
  'us-east-2': 'US East (Ohio)',
  'us-west-1': 'US West (N. California)',
  'us-west-2': 'US West (Oregon)',
  'eu-west-1': 'EU (Ireland)',
  'eu-west-2': 'EU (London)',
  'eu-central-1': 'EU (Frankfurt)',
  'eu-north-1': 'EU (Stockholm)',
  'ap-southeast-1': 'Asia Pacific (Singapore)',
  'ap-northeast-1': 'Asia Pacific (Tokyo)',
};

/** The prefix of `usagetype` per region (`BoxUsage:m5.large` in us-east-1). */
const USAGE_TYPE_PREFIXES: Record<string, string> = {
  'us-east-1': '',
  'us-east-2': 'USE2-',
  'us-west-1': 'USW1-',
  'us-west-2': 'USW2-',
  'eu-west-1': 'EU-',
  'eu-west-2': 'EUW2-',
  'eu-central-1': 'EUC1-',
  'eu-north-1': 'EUN1-',
  'ap-southeast-1': 'APS1-',
  'ap-northeast-1': 'APN1-',
};

const INSTANCE_FAMILIES: Record<string, string> = {
  c: 'Compute optimized',
  m: 'General purpose',
  r: 'Memory optimized',
};

/** The on-demand offer term and its hourly rate code, fixed in every offer file. */
const ON_DEMAND_OFFER_TERM = 'JRTCKXETXF';
const HOURLY_RATE_CODE = '6YS6EN2CT7';
const PUBLICATION_DATE = `${FALLBACK_PRICES_AS_OF}T00:00:00Z`;

export function priceListLocation(region: string): string {
  return LOCATIONS[region] ?? region;
}

/** The Price List product document, as `GetProducts` returns it (parsed). */
export interface PriceListProduct {
  product: {
    productFamily: string;
    attributes: Record<string, string>;
    sku: string;
  };
  serviceCode: string;
  terms: {
    OnDemand: Record<
      string,
      {
        priceDimensions: Record<
          string,
          {
            unit: string;
            endRange: string;
            description: string;
            appliesTo: string[];
            rateCode: string;
            beginRange: string;
            pricePerUnit: { USD: string };
          }
        >;
        sku: string;
        effectiveDate: string;
        offerTermCode: string;
        termAttributes: Record<string, string>;
      }
    >;
  };
  version: string;
  publicationDate: string;
}

/**
 * The EC2 product of an instance type running Linux on shared tenancy with
 * on-demand capacity in a region, with its on-demand term, in the layout of
 * the AWS Price List (attributes are strings; the price is a 10-decimal
 * string in `terms.OnDemand.<sku>.<term>.priceDimensions.<rate>`).
 */
export function ec2LinuxProduct(
  region: string,
  instanceType: string,
  usdPerHour: number,
): PriceListProduct {
  const shape = instanceTypeShape(instanceType);
  const sku = skuOf(`${region}/${instanceType}/Linux/Shared/Used`);
  const termKey = `${sku}.${ON_DEMAND_OFFER_TERM}`;
  const rateCode = `${termKey}.${HOURLY_RATE_CODE}`;
  const generation = /^[a-z](\d)/.exec(instanceType)?.[1] ?? '';
  const graviton = shape?.architecture === 'arm64';
  return {
    product: {
      productFamily: 'Compute Instance',
      attributes: {
        servicecode: 'AmazonEC2',
        servicename: 'Amazon Elastic Compute Cloud',
        location: priceListLocation(region),
        locationType: 'AWS Region',
        regionCode: region,
        instanceType,
        instanceFamily: INSTANCE_FAMILIES[instanceType[0]] ?? 'General purpose',
        currentGeneration: 'Yes',
        vcpu: String(shape?.vcpu ?? 'NA'),
        memory: shape ? `${shape.memoryGiB} GiB` : 'NA',
        storage: 'EBS only',
        physicalProcessor: physicalProcessor(generation, graviton),
        processorArchitecture: '64-bit',
        normalizationSizeFactor: shape ? String(shape.vcpu * 2) : 'NA',
        operatingSystem: 'Linux',
        tenancy: 'Shared',
        preInstalledSw: 'NA',
        licenseModel: 'No License required',
        capacitystatus: 'Used',
        marketoption: 'OnDemand',
        operation: 'RunInstances',
        usagetype: `${
          USAGE_TYPE_PREFIXES[region] ?? ''
        }BoxUsage:${instanceType}`,
      },
      sku,
    },
    serviceCode: 'AmazonEC2',
    terms: {
      OnDemand: {
        [termKey]: {
          priceDimensions: {
            [rateCode]: {
              unit: 'Hrs',
              endRange: 'Inf',
              description: `$${usdPerHour} per On Demand Linux ${instanceType} Instance Hour`,
              appliesTo: [],
              rateCode,
              beginRange: '0',
              pricePerUnit: { USD: usdPerHour.toFixed(10) },
            },
          },
          sku,
          effectiveDate: PUBLICATION_DATE,
          offerTermCode: ON_DEMAND_OFFER_TERM,
          termAttributes: {},
        },
      },
    },
    version: PUBLICATION_DATE.replace(/\D/g, ''),
    publicationDate: PUBLICATION_DATE,
  };
}

function physicalProcessor(generation: string, graviton: boolean): string {
  if (graviton) return `AWS Graviton${generation === '7' ? 3 : 2} Processor`;
  if (generation === '7') return 'Intel Xeon Scalable (Sapphire Rapids)';
  if (generation === '6') return 'Intel Xeon 8375C (Ice Lake)';
  return 'Intel Xeon Platinum 8175';
}

/** A stable 16-character SKU like the Price List's (`35AEEWH98DECPC35`). */
function skuOf(identity: string): string {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';
  return [...createHash('sha256').update(identity).digest().subarray(0, 16)]
    .map(byte => alphabet[byte % alphabet.length])
    .join('');
}
