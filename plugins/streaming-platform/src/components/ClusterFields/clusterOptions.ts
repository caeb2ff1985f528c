import {
  SelfServiceOptionsResponse,
  validateNewPipeline,
} from '@internal/backstage-plugin-streaming-platform-common';

/** The configured clusters, as `GET /self-service/options` lists them. */
export type ConfiguredClusters = SelfServiceOptionsResponse['clusters'];

/** The configured MSK clusters, each once, in the order of their clusters. */
export function mskClusterNames(clusters: ConfiguredClusters): string[] {
  const names = clusters.flatMap(c =>
    c.mskClusterName ? [c.mskClusterName] : [],
  );
  return [...new Set(names)];
}

/** The MSK cluster a cluster reads lag from; undefined for an unknown one. */
export function mskClusterOf(
  clusters: ConfiguredClusters,
  cluster: unknown,
): string | undefined {
  return clusters.find(c => c.name === cluster)?.mskClusterName;
}

/** An option's text: the cluster's name and, where configured, its region. */
export function clusterLabel(cluster: ConfiguredClusters[number]): string {
  return cluster.region ? `${cluster.name} (${cluster.region})` : cluster.name;
}

const isEmpty = (value: unknown) =>
  value === undefined || value === null || value === '';

/**
 * What is wrong with a cluster, by the rule the validate action and the
 * backend apply (`validateNewPipeline`), so the form says it in their
 * words; undefined when nothing is. An empty field is `required`'s to report.
 */
export function clusterProblem(
  value: unknown,
  clusters: ConfiguredClusters,
): string | undefined {
  if (isEmpty(value)) return undefined;
  return validateNewPipeline({ cluster: value }, { clusters }).find(
    p => p.field === 'cluster',
  )?.message;
}

/**
 * What the rules say of an MSK cluster for the chosen cluster. One that is
 * not configured at all is a `problem`; a configured one the chosen cluster
 * does not read lag from is only a `warning` here — the user may still be
 * about to change the cluster — but the backend's validation refuses it.
 */
export function mskClusterCheck(
  values: { cluster: unknown; mskCluster: unknown },
  clusters: ConfiguredClusters,
): { problem?: string; warning?: string } {
  if (isEmpty(values.mskCluster)) return {};
  const message = validateNewPipeline(values, { clusters }).find(
    p => p.field === 'mskCluster',
  )?.message;
  if (!message) return {};
  return mskClusterNames(clusters).includes(values.mskCluster as string)
    ? { warning: message }
    : { problem: message };
}
