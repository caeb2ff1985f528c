export { streamingPlatformApiRef } from './StreamingPlatformApi';
export type { StreamingPlatformApi } from './StreamingPlatformApi';
export { StreamingPlatformClient } from './StreamingPlatformClient';
