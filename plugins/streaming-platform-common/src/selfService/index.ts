export * from './parameters';
export * from './validation';
export * from './api';
export * from './costEstimate';
export * from './roleArn';
