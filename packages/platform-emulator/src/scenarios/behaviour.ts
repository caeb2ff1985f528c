import { PlatformBehaviour } from '../model/scenario';

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const DAY = 24 * 60 * MINUTE;

/**
 * Latencies and rates of a real Karpenter-backed EKS platform. Where each
 * number comes from is in the emulator's README ("Modelling assumptions").
 */
export const REALISTIC_BEHAVIOUR: PlatformBehaviour = {
  launchMedianMs: 2 * SECOND,
  registerMedianMs: 30 * SECOND,
  initializeMedianMs: 8 * SECOND,
  latencySigma: 0.25,
  podStartMedianMs: 12 * SECOND,
  restartMedianMs: 20 * SECOND,
  spotInsufficientCapacityChance: 0.03,
  spotInterruptionMeanMs: 20 * 30 * DAY,
  nodeGroupScanMs: 10 * SECOND,
  nodeGroupLaunchMedianMs: 150 * SECOND,
  nodeGroupScaleDownUnneededMs: 10 * MINUTE,
};
