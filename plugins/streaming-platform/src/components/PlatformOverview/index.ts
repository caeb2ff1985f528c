export { PlatformOverview } from './PlatformOverview';
