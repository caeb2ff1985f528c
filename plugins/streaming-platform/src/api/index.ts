export { streamingPlatformApiRef } from './StreamingPlatformApi';
export type { StreamingPlatformApi, TimeWindow } from './StreamingPlatformApi';
export { StreamingPlatformClient } from './StreamingPlatformClient';
