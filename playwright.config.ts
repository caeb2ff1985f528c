import { defineConfig } from '@playwright/test';
import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';

/*
 * The end-to-end test starts its own portal with `yarn start` on ports of its
 * own and an in-memory database, so it neither needs nor disturbs a portal a
 * developer has running on :3000/:7007, and every run starts from the same state.
 */
const APP_PORT = Number(process.env.E2E_APP_PORT ?? 3100);
const BACKEND_PORT = Number(process.env.E2E_BACKEND_PORT ?? 7100);
const appUrl = `http://localhost:${APP_PORT}`;
const backendUrl = `http://localhost:${BACKEND_PORT}`;

/*
 * Pipelines the tests create through the template are kept apart from a
 * developer's (data/pipelines): the portal's local pipelines folder, and the
 * catalog location that reads it, point into e2e-test-results for the run.
 */
const E2E_PIPELINES_DIR = '../../e2e-test-results/pipelines';
const catalogLocations = (
  parse(fs.readFileSync(path.join(__dirname, 'app-config.yaml'), 'utf8'))
    .catalog.locations as Array<{ target: string }>
).map(location =>
  location.target.startsWith('../../data/pipelines/')
    ? {
        ...location,
        target: location.target.replace(
          '../../data/pipelines',
          E2E_PIPELINES_DIR,
        ),
      }
    : location,
);

export default defineConfig({
  timeout: 120_000,
  expect: { timeout: 30_000 },
  forbidOnly: !!process.env.CI,
  retries: 0,
  workers: 1,
  reporter: [
    ['list'],
    ['html', { open: 'never', outputFolder: 'e2e-test-results/report' }],
  ],
  outputDir: 'e2e-test-results/artifacts',

  webServer: {
    // The portal's log goes to a file beside the screenshots, not the test output.
    // Pipelines created by an earlier run are gone with its emulator.
    command:
      'rm -rf e2e-test-results/pipelines && mkdir -p e2e-test-results/pipelines && yarn start > e2e-test-results/portal.log 2>&1',
    url: `${backendUrl}/api/streaming-platform/health`,
    // Locally, a portal left on the e2e ports by an earlier run is reused.
    reuseExistingServer: !process.env.CI,
    // The first start compiles the frontend; slow machines need a while.
    timeout: 300_000,
    stdout: 'ignore',
    stderr: 'pipe',
    env: {
      APP_CONFIG_app_baseUrl: appUrl,
      APP_CONFIG_backend_baseUrl: backendUrl,
      APP_CONFIG_backend_listen_port: String(BACKEND_PORT),
      APP_CONFIG_backend_cors_origin: appUrl,
      APP_CONFIG_backend_database_connection: '":memory:"',
      // Its own emulator files, apart from a developer's portal's data/.
      APP_CONFIG_streamingPlatform_emulator_dataDir:
        '../../e2e-test-results/emulator',
      APP_CONFIG_streamingPlatform_selfService_localRepositoryDir:
        E2E_PIPELINES_DIR,
      APP_CONFIG_catalog_locations: JSON.stringify(catalogLocations),
    },
  },

  use: {
    baseURL: appUrl,
    viewport: { width: 1440, height: 1000 },
    actionTimeout: 30_000,
    screenshot: 'only-on-failure',
    trace: 'retain-on-failure',
    launchOptions: {
      // Debian's Chromium: test tools cannot download browsers here.
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
      ],
    },
  },

  projects: [
    {
      name: 'app',
      testDir: 'packages/app/e2e-tests',
      testIgnore: /create-pipeline/,
      metadata: { backendUrl },
    },
    // After the others: the pipeline it creates joins the sample catalog's.
    {
      name: 'create',
      testDir: 'packages/app/e2e-tests',
      testMatch: /create-pipeline/,
      dependencies: ['app'],
      metadata: { backendUrl },
    },
  ],
});
