import { createBackend } from '@backstage/backend-defaults';
import { mockServices } from '@backstage/backend-test-utils';

// A backend with only this plugin, for working on it alone: `yarn start` here,
// then e.g. `curl http://localhost:7007/api/streaming-platform/pipelines`.
// Auth is mocked so requests need no token.
const backend = createBackend();
backend.add(mockServices.auth.factory());
backend.add(mockServices.httpAuth.factory());
backend.add(import('../src'));
backend.start();
