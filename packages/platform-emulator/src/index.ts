/**
 * A simulated Karpenter-backed EKS platform running Flink on MSK, served over
 * the real Kubernetes, CloudWatch and AWS pricing protocols.
 *
 * @packageDocumentation
 */

export * from './clock';
export * from './faults';
export * from './random';
export * from './kube';
export * from './aws';
export { PriceBook } from './model/prices';
export { Simulation } from './model/Simulation';
export type { SimulationOptions } from './model/Simulation';
export type { ClusterStats, TaskManagerStartup } from './model/ClusterSim';
export type * from './model/scenario';
export {
  SCENARIOS,
  scenarioByName,
  demoScenario,
  fleetLScenario,
} from './scenarios';
export { PlatformEmulator } from './PlatformEmulator';
export type {
  PlatformEmulatorOptions,
  EmulatedCluster,
} from './PlatformEmulator';
export { startAdminServer, parseFaults } from './admin';
