import { ConfigReader } from '@backstage/config';

/**
 * The harness app's configuration: the page's own origin is the backend
 * (server.mjs), and sign-in is off, as for a guest, so the measurement
 * starts at the dashboard.
 */
export async function configLoader() {
  const origin = window.location.origin;
  return {
    config: ConfigReader.fromConfigs([
      {
        context: 'perf-harness',
        data: {
          app: {
            title: 'Streaming platform perf harness',
            baseUrl: origin,
            extensions: [{ 'sign-in-page:app': false }],
          },
          backend: { baseUrl: origin },
        },
      },
    ]),
  };
}
