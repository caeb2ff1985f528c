/**
 * A simulated Karpenter-backed EKS platform running Flink on MSK, served over
 * the real Kubernetes, CloudWatch and AWS pricing protocols.
 *
 * @packageDocumentation
 */

export * from './clock';
export * from './faults';
export * from './random';
export * from './kube/types';
export * from './aws/types';
export { PriceBook } from './model/prices';
