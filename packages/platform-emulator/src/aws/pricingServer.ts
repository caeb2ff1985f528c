import { AwsHandler } from './awsHttp';
import { AwsJsonError, answerJson, parseJsonInput } from './awsJson';
import { decodePageToken, encodePageToken } from './pageToken';
import { PriceListProduct, ec2LinuxProduct } from './priceListProduct';
import { PriceSource } from './types';

/** `X-Amz-Target: AWSPriceListService.<Operation>` */
export const PRICING_TARGET_PREFIX = 'AWSPriceListService';
export const PRICING_CONTENT_TYPE = 'application/x-amz-json-1.1';

const MAX_RESULTS = 100;
const FILTER_TYPES = [
  'TERM_MATCH',
  'EQUALS',
  'CONTAINS',
  'ANY_OF',
  'NONE_OF',
] as const;
type FilterType = (typeof FILTER_TYPES)[number];

interface ProductFilter {
  type: FilterType;
  field: string;
  value: string;
}

// The Price List API's errors carry `Message`, as its model names it.
const pricingError = (status: number, type: string, message: string) =>
  new AwsJsonError(status, type, message, { messageMember: 'Message' });
const invalidParameter = (message: string) =>
  pricingError(400, 'InvalidParameterException', message);

/**
 * The AWS Price List Query API (JSON 1.1) for EC2 on-demand Linux prices
 * from price sources, one per region: `GetProducts`, `DescribeServices` and
 * `GetAttributeValues`. Pages hold at most 100 products, as the real API's.
 */
export function createPricingHandler(
  sources: readonly PriceSource[],
): AwsHandler {
  let products: PriceListProduct[] | undefined;
  // Built on first use; prices of a PriceSource do not change.
  const allProducts = () =>
    (products ??= sources.flatMap(source =>
      source.instanceTypes().flatMap(instanceType => {
        const usdPerHour = source.onDemandUsdPerHour(instanceType);
        return usdPerHour === undefined
          ? []
          : [ec2LinuxProduct(source.region, instanceType, usdPerHour)];
      }),
    ));

  return request =>
    answerJson(PRICING_CONTENT_TYPE, () => {
      const input = parseJsonInput(request.body);
      switch (request.operation) {
        case 'GetProducts':
          return getProducts(allProducts(), input);
        case 'DescribeServices':
          return describeServices(allProducts(), input);
        case 'GetAttributeValues':
          return getAttributeValues(allProducts(), input);
        default:
          throw pricingError(
            400,
            'UnknownOperationException',
            `Operation ${request.operation} is not served by this emulator.`,
          );
      }
    });
}

function getProducts(
  products: PriceListProduct[],
  input: Record<string, unknown>,
) {
  checkServiceCode(input.ServiceCode, true);
  if (input.FormatVersion !== undefined && input.FormatVersion !== 'aws_v1') {
    throw invalidParameter(
      `Input FormatVersion ${String(
        input.FormatVersion,
      )} is not valid; use aws_v1.`,
    );
  }
  const filters = parseFilters(input.Filters);
  const matching = products.filter(product =>
    filters.every(filter => matches(product, filter)),
  );
  const { items, nextToken } = paginate(matching, input);
  return {
    FormatVersion: 'aws_v1',
    PriceList: items.map(product => JSON.stringify(product)),
    ...(nextToken ? { NextToken: nextToken } : {}),
  };
}

function describeServices(
  products: PriceListProduct[],
  input: Record<string, unknown>,
) {
  checkServiceCode(input.ServiceCode, false);
  const attributeNames = [
    ...new Set(products.flatMap(p => Object.keys(p.product.attributes))),
  ].sort();
  return {
    Services: [{ ServiceCode: 'AmazonEC2', AttributeNames: attributeNames }],
    FormatVersion: 'aws_v1',
  };
}

function getAttributeValues(
  products: PriceListProduct[],
  input: Record<string, unknown>,
) {
  checkServiceCode(input.ServiceCode, true);
  if (typeof input.AttributeName !== 'string') {
    throw invalidParameter('Input AttributeName is required.');
  }
  const name = input.AttributeName;
  const values = [
    ...new Set(
      products.flatMap(p => {
        const value = attribute(p, name);
        return value === undefined ? [] : [value];
      }),
    ),
  ].sort();
  const { items, nextToken } = paginate(values, input);
  return {
    AttributeValues: items.map(Value => ({ Value })),
    ...(nextToken ? { NextToken: nextToken } : {}),
  };
}

function checkServiceCode(value: unknown, required: boolean) {
  if (value === undefined && !required) return;
  if (value !== 'AmazonEC2') {
    throw invalidParameter(
      `Input ServiceCode ${String(
        value,
      )} is not served by this emulator; only AmazonEC2 is.`,
    );
  }
}

function parseFilters(value: unknown): ProductFilter[] {
  if (value === undefined) return [];
  if (!Array.isArray(value)) throw invalidParameter('Filters must be a list.');
  return value.map(filter => {
    const { Type, Field, Value } = (filter ?? {}) as Record<string, unknown>;
    if (!FILTER_TYPES.includes(Type as FilterType)) {
      throw invalidParameter(
        `Filter type ${String(
          Type,
        )} is not valid; use one of ${FILTER_TYPES.join(', ')}.`,
      );
    }
    if (typeof Field !== 'string' || typeof Value !== 'string') {
      throw invalidParameter('Each filter needs a Field and a Value.');
    }
    return { type: Type as FilterType, field: Field, value: Value };
  });
}

/** A product attribute by name, case-insensitively, or `sku`/`productFamily`. */
function attribute(product: PriceListProduct, name: string) {
  const wanted = name.toLowerCase();
  if (wanted === 'sku') return product.product.sku;
  if (wanted === 'productfamily') return product.product.productFamily;
  const key = Object.keys(product.product.attributes).find(
    k => k.toLowerCase() === wanted,
  );
  return key === undefined ? undefined : product.product.attributes[key];
}

function matches(product: PriceListProduct, filter: ProductFilter): boolean {
  const actual = attribute(product, filter.field);
  const listed = () => filter.value.split(',').map(v => v.trim());
  switch (filter.type) {
    case 'TERM_MATCH':
      return actual?.toLowerCase() === filter.value.toLowerCase();
    case 'EQUALS':
      return actual === filter.value;
    case 'CONTAINS':
      return actual?.includes(filter.value) ?? false;
    case 'ANY_OF':
      return actual !== undefined && listed().includes(actual);
    default: // NONE_OF
      return actual === undefined || !listed().includes(actual);
  }
}

function paginate<T>(
  items: T[],
  input: Record<string, unknown>,
): { items: T[]; nextToken?: string } {
  const max = input.MaxResults ?? MAX_RESULTS;
  if (
    typeof max !== 'number' ||
    !Number.isInteger(max) ||
    max < 1 ||
    max > MAX_RESULTS
  ) {
    throw invalidParameter(
      `Input MaxResults ${String(
        max,
      )} is not valid; it must be between 1 and ${MAX_RESULTS}.`,
    );
  }
  let offset = 0;
  if (input.NextToken !== undefined) {
    const state =
      typeof input.NextToken === 'string'
        ? decodePageToken(input.NextToken)
        : undefined;
    const tokenOffset = (state as { offset?: unknown } | undefined)?.offset;
    if (typeof tokenOffset !== 'number' || !Number.isInteger(tokenOffset)) {
      throw pricingError(
        400,
        'InvalidNextTokenException',
        'The NextToken is not valid.',
      );
    }
    offset = tokenOffset;
  }
  const page = items.slice(offset, offset + max);
  return {
    items: page,
    nextToken:
      offset + page.length < items.length
        ? encodePageToken({ offset: offset + page.length })
        : undefined,
  };
}
