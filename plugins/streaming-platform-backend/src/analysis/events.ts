import {
  ScalingEvent,
  ScalingEventSource,
} from '@internal/backstage-plugin-streaming-platform-common';
import { parseScalingReport } from './scalingReport';
import { RecordedEvent } from './types';

/** `source.component` / `reportingController` values we know. */
const SOURCES_BY_COMPONENT = new Map<string, ScalingEventSource>(
  Object.entries<ScalingEventSource>({
    // The Flink operator's EventRecorder.Component values.
    Operator: 'flink-operator',
    JobManagerDeployment: 'flink-operator',
    Job: 'flink-operator',
    Snapshot: 'flink-operator',
    karpenter: 'karpenter',
    'default-scheduler': 'scheduler',
    kubelet: 'kubelet',
    'streaming-platform': 'streaming-platform',
  }),
);

/** Used when the component is missing or unknown. */
const SOURCES_BY_KIND = new Map<string, ScalingEventSource>(
  Object.entries<ScalingEventSource>({
    FlinkDeployment: 'flink-operator',
    FlinkSessionJob: 'flink-operator',
    NodeClaim: 'karpenter',
    NodePool: 'karpenter',
    EC2NodeClass: 'karpenter',
  }),
);

/** Where an event came from, by its reporting component, else its object's kind. */
export function scalingEventSource(e: RecordedEvent): ScalingEventSource {
  return (
    (e.component !== undefined
      ? SOURCES_BY_COMPONENT.get(e.component)
      : undefined) ??
    SOURCES_BY_KIND.get(e.involvedKind) ??
    'streaming-platform'
  );
}

/** A recorded Kubernetes event as an entry on a pipeline's timeline. */
export function toScalingEvent(e: RecordedEvent): ScalingEvent {
  const report =
    e.reason === 'ScalingReport' ? parseScalingReport(e.message) : undefined;
  return {
    id: `${e.uid}#${e.count}`,
    at: new Date(e.at).toISOString(),
    source: scalingEventSource(e),
    reason: e.reason,
    type: e.type,
    message: e.message,
    object: `${e.involvedKind}/${e.involvedName}`,
    ...(report && report.vertices.length > 0
      ? { vertexChanges: report.vertices }
      : {}),
  };
}
