import { fieldLabelsFor } from './fieldLabels';
import {
  FieldSelector,
  LabelSelector,
  matchesFields,
  matchesLabels,
  parseFieldSelector,
  parseLabelSelector,
} from './selectors';
import { FieldError, badRequest, invalid } from './status';
import { KubeObject } from './types';

/** The query parameters of a list or watch, parsed and checked. */
export interface ListOptions {
  watch: boolean;
  labelSelector: LabelSelector;
  fieldSelector: FieldSelector;
  /** Set for `GET .../<name>?watch=1`: the object's name. */
  name?: string;
  /** undefined when absent; '0' means "any". */
  resourceVersion?: string;
  resourceVersionMatch?: string;
  limit?: number;
  continueToken?: string;
  allowWatchBookmarks: boolean;
  sendInitialEvents?: boolean;
  timeoutSeconds?: number;
}

function parseBoolean(value: string | null): boolean | undefined {
  if (value === null) {
    return undefined;
  }
  if (value === 'true' || value === '1') {
    return true;
  }
  if (value === 'false' || value === '0' || value === '') {
    return false;
  }
  throw badRequest(`invalid boolean value: ${JSON.stringify(value)}`);
}

function parseInteger(name: string, value: string | null): number | undefined {
  if (value === null || value === '') {
    return undefined;
  }
  if (!/^-?\d+$/.test(value)) {
    throw badRequest(
      `couldn't parse '${name}' parameter: strconv.ParseInt: parsing ${JSON.stringify(
        value,
      )}: invalid syntax`,
    );
  }
  return Number(value);
}

/** A resourceVersion as a number; 400 when it is not one. */
export function parseResourceVersion(value: string): number {
  if (!/^\d+$/.test(value)) {
    throw badRequest(
      `invalid resource version: strconv.ParseUint: parsing ${JSON.stringify(
        value,
      )}: invalid syntax`,
    );
  }
  return Number(value);
}

const LIST_OPTIONS_KIND = { group: 'meta.k8s.io', kind: 'ListOptions' };

/**
 * Parses list/watch query parameters and validates their combinations as
 * metainternalversion's ValidateListOptions does (422 ListOptions invalid).
 */
export function parseListOptions(
  query: URLSearchParams,
  resourceKey: string,
  watchPath: boolean,
): ListOptions {
  const watch = watchPath || (parseBoolean(query.get('watch')) ?? false);
  const options: ListOptions = {
    watch,
    labelSelector: parseLabelSelector(query.get('labelSelector') ?? undefined),
    fieldSelector: parseFieldSelector(
      query.get('fieldSelector') ?? undefined,
      fieldLabelsFor(resourceKey).supported,
    ),
    resourceVersion: query.get('resourceVersion') || undefined,
    resourceVersionMatch: query.get('resourceVersionMatch') || undefined,
    limit: parseInteger('limit', query.get('limit')),
    continueToken: query.get('continue') || undefined,
    allowWatchBookmarks:
      parseBoolean(query.get('allowWatchBookmarks')) ?? false,
    sendInitialEvents: parseBoolean(query.get('sendInitialEvents')),
    timeoutSeconds: parseInteger('timeoutSeconds', query.get('timeoutSeconds')),
  };
  if (options.resourceVersion !== undefined) {
    parseResourceVersion(options.resourceVersion);
  }

  const errors: FieldError[] = [];
  const match = options.resourceVersionMatch;
  if (watch) {
    if (options.sendInitialEvents !== undefined) {
      if (match !== 'NotOlderThan') {
        errors.push({
          reason: 'FieldValueForbidden',
          field: 'resourceVersionMatch',
          detail:
            'sendInitialEvents requires setting resourceVersionMatch to NotOlderThan',
        });
      }
      if (!options.allowWatchBookmarks && options.sendInitialEvents) {
        errors.push({
          reason: 'FieldValueForbidden',
          field: 'allowWatchBookmarks',
          detail:
            'allowWatchBookmarks must be set to true when sendInitialEvents is true',
        });
      }
    } else if (match) {
      errors.push({
        reason: 'FieldValueForbidden',
        field: 'resourceVersionMatch',
        detail:
          'resourceVersionMatch is forbidden for watch unless sendInitialEvents is provided',
      });
    }
  } else {
    if (match) {
      if (options.resourceVersion === undefined) {
        errors.push({
          reason: 'FieldValueForbidden',
          field: 'resourceVersionMatch',
          detail:
            'resourceVersionMatch is forbidden unless resourceVersion is provided',
        });
      }
      if (options.continueToken) {
        errors.push({
          reason: 'FieldValueForbidden',
          field: 'resourceVersionMatch',
          detail: 'resourceVersionMatch is forbidden when continue is provided',
        });
      }
      if (match !== 'Exact' && match !== 'NotOlderThan') {
        errors.push({
          reason: 'FieldValueNotSupported',
          field: 'resourceVersionMatch',
          value: match,
          detail: 'supported values: "Exact", "NotOlderThan", ""',
        });
      }
      if (match === 'Exact' && options.resourceVersion === '0') {
        errors.push({
          reason: 'FieldValueForbidden',
          field: 'resourceVersionMatch',
          detail:
            'resourceVersionMatch "exact" is forbidden for resourceVersion "0"',
        });
      }
    }
    if (options.sendInitialEvents !== undefined) {
      errors.push({
        reason: 'FieldValueForbidden',
        field: 'sendInitialEvents',
        detail: 'sendInitialEvents is forbidden for list',
      });
    }
  }
  if (errors.length > 0) {
    throw invalid(LIST_OPTIONS_KIND, '', errors);
  }
  return options;
}

/** Whether an object passes the request's name, label and field selectors. */
export type ObjectFilter = (object: KubeObject) => boolean;

/** The filter of a list or watch; undefined when everything passes. */
export function objectFilter(
  options: ListOptions,
  resourceKey: string,
): ObjectFilter | undefined {
  const { labelSelector, fieldSelector, name } = options;
  if (
    labelSelector.length === 0 &&
    fieldSelector.length === 0 &&
    name === undefined
  ) {
    return undefined;
  }
  const fields = fieldLabelsFor(resourceKey);
  return object =>
    (name === undefined || object.metadata.name === name) &&
    matchesLabels(labelSelector, object.metadata.labels) &&
    matchesFields(fieldSelector, field => fields.value(object, field));
}
