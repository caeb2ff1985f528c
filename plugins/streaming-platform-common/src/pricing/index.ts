export * from './fallbackPrices';
export * from './instanceTypes';
