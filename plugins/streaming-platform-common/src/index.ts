/**
 * Types, annotations and permissions shared by the streaming-platform
 * frontend and backend plugins.
 *
 * @packageDocumentation
 */

export * from './annotations';
export * from './api';
export * from './model';
export * from './permissions';
export * from './pricing';
export * from './selfService';
