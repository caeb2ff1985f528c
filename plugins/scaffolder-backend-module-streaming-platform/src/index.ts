/**
 * Scaffolder actions of the streaming platform, for the template
 * "New Flink streaming pipeline".
 *
 * @packageDocumentation
 */

export { scaffolderModuleStreamingPlatform as default } from './module';
