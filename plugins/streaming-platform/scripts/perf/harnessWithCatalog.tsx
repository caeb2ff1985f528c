/*
 * The harness (harness.tsx) with the whole catalog plugin, as a portal has
 * it: the same dashboard, a heavier app to start.
 */
import { createApp } from '@backstage/frontend-defaults';
import catalogPlugin from '@backstage/plugin-catalog/alpha';
import ReactDOM from 'react-dom/client';
import streamingPlatformPlugin from '../../src/alpha';
import { configLoader } from './appConfig';

const app = createApp({
  features: [catalogPlugin, streamingPlatformPlugin],
  advanced: { configLoader },
});

ReactDOM.createRoot(document.getElementById('root')!).render(app.createRoot());
