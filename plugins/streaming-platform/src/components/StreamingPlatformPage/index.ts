export {
  StreamingPlatformPage,
  StreamingPlatformPageContent,
} from './StreamingPlatformPage';
