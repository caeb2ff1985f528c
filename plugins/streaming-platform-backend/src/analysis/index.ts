/*
 * Pure analysis: what the index and the history store know, turned into the
 * figures PRODUCT.md §3 defines. No I/O and no clock; times are epoch ms.
 */
export * from './types';
export * from './costSplit';
export * from './costAllocation';
export * from './spotMix';
export * from './scalingReport';
export * from './events';
export * from './lag';
export * from './durations';
export * from './episodes';
export * from './nodePoolStats';
export * from './downsample';
export * from './dailyCost';
export * from './onDemandRun';
export * from './pipelineNodes';
export * from './timeOrder';
