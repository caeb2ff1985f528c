import { randomUUID } from 'node:crypto';
import { Clock } from '../clock';
import { AwsHandler, AwsResponse } from './awsHttp';
import { decodePageToken, encodePageToken } from './pageToken';
import { PriceSource } from './types';
import { xmlElement } from './xml';

export const EC2_API_VERSION = '2016-11-15';
const XMLNS = `http://ec2.amazonaws.com/doc/${EC2_API_VERSION}/`;
const XML_CONTENT_TYPE = 'text/xml;charset=UTF-8';
/** EC2 answers at most 1,000 spot prices a page. */
const MAX_RESULTS = 1000;
/** EC2 keeps 90 days of spot price history. */
const HISTORY_MS = 90 * 24 * 60 * 60_000;
/** The product descriptions the emulated (Linux) spot prices are for. */
const LINUX_PRODUCTS = ['Linux/UNIX', 'Linux/UNIX (Amazon VPC)'];

/** An EC2 query-protocol error: `<Response><Errors><Error><Code>`. */
export class Ec2Error extends Error {
  constructor(readonly code: string, message: string, readonly status = 400) {
    super(message);
  }
}

const invalidValue = (message: string) =>
  new Ec2Error('InvalidParameterValue', message);

interface SpotPriceItem {
  instanceType: string;
  zone: string;
  productDescription: string;
  usdPerHour: number;
  timestampMs: number;
}

/**
 * EC2's `DescribeSpotPriceHistory` in the EC2 query protocol (form-encoded
 * request, XML answer), from the price sources of the region the request is
 * signed for (all of them when unsigned), up to the clock's now: the price in
 * force at `StartTime` and every change until `EndTime`, newest first.
 */
export function createEc2Handler(options: {
  sources: readonly PriceSource[];
  clock: Clock;
}): AwsHandler {
  return request => {
    try {
      if (request.operation !== 'DescribeSpotPriceHistory') {
        throw new Ec2Error(
          'InvalidAction',
          `The action ${request.operation} is not valid for this web service.`,
        );
      }
      const sources = options.sources.filter(
        source => !request.region || source.region === request.region,
      );
      return xmlResponse(
        200,
        describeSpotPriceHistory(
          sources,
          new URLSearchParams(request.body),
          options.clock.now(),
        ),
      );
    } catch (error) {
      if (error instanceof Ec2Error) {
        return xmlResponse(error.status, errorXml(error));
      }
      throw error;
    }
  };
}

function describeSpotPriceHistory(
  sources: readonly PriceSource[],
  params: URLSearchParams,
  nowMs: number,
): string {
  const filters = parseFilters(params);
  const instanceTypes = [
    ...members(params, 'InstanceType'),
    ...(filters.get('instance-type') ?? []),
  ];
  const products = [
    ...members(params, 'ProductDescription'),
    ...(filters.get('product-description') ?? []),
  ];
  const zoneFilter = [
    ...(params.has('AvailabilityZone')
      ? [params.get('AvailabilityZone')!]
      : []),
    ...(filters.get('availability-zone') ?? []),
  ];
  const knownZones = sources.flatMap(source => source.zones);
  const unknownZone = zoneFilter.find(zone => !knownZones.includes(zone));
  if (unknownZone !== undefined && sources.length > 0) {
    throw invalidValue(`Invalid availability zone: [${unknownZone}]`);
  }
  // History runs from 90 days ago to now; without times, the price in force now.
  const endMs = Math.min(parseTime(params, 'EndTime') ?? nowMs, nowMs);
  const startMs = Math.max(
    Math.min(parseTime(params, 'StartTime') ?? endMs, endMs),
    Math.min(endMs, nowMs - HISTORY_MS),
  );
  const maxResults = parseMaxResults(params.get('MaxResults'));
  const offset = parseNextToken(params.get('NextToken'));
  const descriptions =
    products.length === 0
      ? ['Linux/UNIX']
      : LINUX_PRODUCTS.filter(product => products.includes(product));

  const items: SpotPriceItem[] = [];
  for (const source of sources) {
    const types =
      instanceTypes.length > 0 ? instanceTypes : source.instanceTypes();
    for (const zone of source.zones) {
      if (zoneFilter.length > 0 && !zoneFilter.includes(zone)) continue;
      for (const instanceType of types) {
        for (const point of source.spotPriceHistory(
          instanceType,
          zone,
          startMs,
          endMs,
        )) {
          for (const productDescription of descriptions) {
            items.push({
              instanceType,
              zone,
              productDescription,
              usdPerHour: point.usdPerHour,
              timestampMs: point.timestampMs,
            });
          }
        }
      }
    }
  }
  items.sort(
    (a, b) =>
      b.timestampMs - a.timestampMs ||
      a.instanceType.localeCompare(b.instanceType) ||
      a.zone.localeCompare(b.zone) ||
      a.productDescription.localeCompare(b.productDescription),
  );
  const page = items.slice(offset, offset + maxResults);
  const nextToken =
    offset + page.length < items.length
      ? encodePageToken({ offset: offset + page.length })
      : '';
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<DescribeSpotPriceHistoryResponse xmlns="${XMLNS}">`,
    xmlElement('requestId', randomUUID()),
    '<spotPriceHistorySet>',
    ...page.map(item =>
      [
        '<item>',
        xmlElement('availabilityZone', item.zone),
        xmlElement('instanceType', item.instanceType),
        xmlElement('productDescription', item.productDescription),
        xmlElement('spotPrice', item.usdPerHour.toFixed(6)),
        xmlElement('timestamp', new Date(item.timestampMs).toISOString()),
        '</item>',
      ].join(''),
    ),
    '</spotPriceHistorySet>',
    xmlElement('nextToken', nextToken),
    '</DescribeSpotPriceHistoryResponse>',
  ].join('\n');
}

/** Values of `Name.1`, `Name.2`, … of a query-protocol list. */
function members(params: URLSearchParams, name: string): string[] {
  const values: string[] = [];
  for (let i = 1; params.has(`${name}.${i}`); i++) {
    values.push(params.get(`${name}.${i}`)!);
  }
  return values;
}

/** `Filter.N.Name` and `Filter.N.Value.M`, by name. */
function parseFilters(params: URLSearchParams): Map<string, string[]> {
  const filters = new Map<string, string[]>();
  for (let i = 1; params.has(`Filter.${i}.Name`); i++) {
    const name = params.get(`Filter.${i}.Name`)!;
    if (
      !['availability-zone', 'instance-type', 'product-description'].includes(
        name,
      )
    ) {
      throw invalidValue(
        `The filter '${name}' is not supported by this emulator; use availability-zone, instance-type or product-description.`,
      );
    }
    filters.set(name, [
      ...(filters.get(name) ?? []),
      ...members(params, `Filter.${i}.Value`),
    ]);
  }
  return filters;
}

function parseTime(params: URLSearchParams, name: string): number | undefined {
  const value = params.get(name);
  if (value === null) return undefined;
  const ms = Date.parse(value);
  if (Number.isNaN(ms)) {
    throw invalidValue(`Value (${value}) for parameter ${name} is invalid.`);
  }
  return ms;
}

function parseMaxResults(value: string | null): number {
  if (value === null) return MAX_RESULTS;
  const max = Number(value);
  if (!Number.isInteger(max) || max < 1) {
    throw invalidValue(
      `Value (${value}) for parameter MaxResults is invalid. Expecting a positive integer.`,
    );
  }
  return Math.min(max, MAX_RESULTS);
}

function parseNextToken(token: string | null): number {
  if (token === null || token === '') return 0;
  const offset = (decodePageToken(token) as { offset?: unknown } | undefined)
    ?.offset;
  if (typeof offset !== 'number' || !Number.isInteger(offset) || offset < 0) {
    throw new Ec2Error('InvalidPaginationToken', 'Invalid pagination token.');
  }
  return offset;
}

function errorXml(error: Ec2Error): string {
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<Response><Errors><Error>',
    xmlElement('Code', error.code),
    xmlElement('Message', error.message),
    '</Error></Errors>',
    xmlElement('RequestID', randomUUID()),
    '</Response>',
  ].join('');
}

function xmlResponse(status: number, body: string): AwsResponse {
  return { status, contentType: XML_CONTENT_TYPE, body };
}
