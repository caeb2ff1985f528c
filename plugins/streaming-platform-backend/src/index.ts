/**
 * The streaming-platform backend plugin.
 *
 * @packageDocumentation
 */

export { streamingPlatformPlugin as default } from './plugin';
