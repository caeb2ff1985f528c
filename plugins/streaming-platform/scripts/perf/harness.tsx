/*
 * The page the performance script loads: a Backstage app built for
 * production with the new frontend system's createApp, this plugin's alpha
 * entry (its page, its real StreamingPlatformClient) and the catalog's
 * client and entity route. Only the backend is stood in for, by server.mjs.
 */
import { createApp } from '@backstage/frontend-defaults';
import ReactDOM from 'react-dom/client';
import streamingPlatformPlugin from '../../src/alpha';
import { configLoader } from './appConfig';
import { catalogStandIn } from './catalogStandIn';

const app = createApp({
  features: [catalogStandIn, streamingPlatformPlugin],
  advanced: { configLoader },
});

ReactDOM.createRoot(document.getElementById('root')!).render(app.createRoot());
