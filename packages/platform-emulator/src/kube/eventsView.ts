/**
 * A real API server keeps one Event in etcd and serves it as core/v1 and as
 * events.k8s.io/v1. These convert between the two representations the way
 * pkg/apis/events/v1/conversion.go does: same-named fields are copied, and
 * involvedObject ⇄ regarding, message ⇄ note, source ⇄ deprecatedSource,
 * reportingComponent ⇄ reportingController, count ⇄ deprecatedCount,
 * first/lastTimestamp ⇄ deprecatedFirst/LastTimestamp.
 */

import { isJsonObject } from './json';
import { KubeObject } from './types';

/** Where the store keeps Events (core/v1 is the storage version). */
export const CORE_EVENTS_KEY = 'v1/events';
/** The events.k8s.io/v1 view of the same objects. */
export const EVENTS_V1_KEY = 'events.k8s.io/v1/events';

function series(value: unknown): Record<string, unknown> | undefined {
  if (!isJsonObject(value)) {
    return undefined;
  }
  // core/v1 EventSeries also had `state`, which events.k8s.io/v1 dropped.
  const { count, lastObservedTime } = value;
  return { count, lastObservedTime };
}

function copyIfSet(
  target: Record<string, unknown>,
  targetKey: string,
  value: unknown,
) {
  if (value !== undefined && value !== '') {
    target[targetKey] = value;
  }
}

export function coreEventToEventsV1(event: KubeObject): KubeObject {
  const converted: KubeObject = {
    kind: 'Event',
    apiVersion: 'events.k8s.io/v1',
    metadata: event.metadata,
    // Go marshals the zero MicroTime as null; the field is always present.
    eventTime: event.eventTime ?? null,
  };
  const convertedSeries = series(event.series);
  if (convertedSeries) {
    converted.series = convertedSeries;
  }
  copyIfSet(converted, 'reportingController', event.reportingComponent);
  copyIfSet(converted, 'reportingInstance', event.reportingInstance);
  copyIfSet(converted, 'action', event.action);
  copyIfSet(converted, 'reason', event.reason);
  // Structs are never omitted by encoding/json, even when empty.
  converted.regarding = isJsonObject(event.involvedObject)
    ? event.involvedObject
    : {};
  copyIfSet(converted, 'related', event.related);
  copyIfSet(converted, 'note', event.message);
  copyIfSet(converted, 'type', event.type);
  converted.deprecatedSource = isJsonObject(event.source) ? event.source : {};
  copyIfSet(converted, 'deprecatedFirstTimestamp', event.firstTimestamp);
  copyIfSet(converted, 'deprecatedLastTimestamp', event.lastTimestamp);
  copyIfSet(converted, 'deprecatedCount', event.count);
  return converted;
}

export function eventsV1ToCoreEvent(event: KubeObject): KubeObject {
  const converted: KubeObject = {
    kind: 'Event',
    apiVersion: 'v1',
    metadata: event.metadata,
    involvedObject: isJsonObject(event.regarding) ? event.regarding : {},
  };
  copyIfSet(converted, 'reason', event.reason);
  copyIfSet(converted, 'message', event.note);
  converted.source = isJsonObject(event.deprecatedSource)
    ? event.deprecatedSource
    : {};
  copyIfSet(converted, 'firstTimestamp', event.deprecatedFirstTimestamp);
  copyIfSet(converted, 'lastTimestamp', event.deprecatedLastTimestamp);
  copyIfSet(converted, 'count', event.deprecatedCount);
  copyIfSet(converted, 'type', event.type);
  converted.eventTime = event.eventTime ?? null;
  const convertedSeries = series(event.series);
  if (convertedSeries) {
    converted.series = convertedSeries;
  }
  copyIfSet(converted, 'action', event.action);
  copyIfSet(converted, 'related', event.related);
  copyIfSet(converted, 'reportingComponent', event.reportingController);
  copyIfSet(converted, 'reportingInstance', event.reportingInstance);
  return converted;
}
