import { createServer, IncomingMessage, ServerResponse } from 'node:http';
import { AddressInfo } from 'node:net';
import { FaultState, NO_FAULTS } from './faults';
import { PlatformEmulator } from './PlatformEmulator';

const BOOLEAN_FAULTS = Object.entries(NO_FAULTS)
  .filter(([, v]) => typeof v === 'boolean')
  .map(([k]) => k);

/** Checks a partial fault state from a request body; returns a message naming the bad field. */
export function parseFaults(input: unknown): Partial<FaultState> | string {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    return 'the body must be a JSON object of faults';
  }
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(input)) {
    if (BOOLEAN_FAULTS.includes(key)) {
      if (typeof value !== 'boolean') return `${key} must be true or false`;
    } else if (key === 'slowResponsesMs') {
      if (typeof value !== 'number' || value < 0 || value > 60_000)
        return 'slowResponsesMs must be a number of ms from 0 to 60000';
    } else if (key === 'noSpotCapacityZones') {
      if (!Array.isArray(value) || value.some(z => typeof z !== 'string'))
        return 'noSpotCapacityZones must be a list of zone names';
    } else {
      return `unknown fault '${key}'; known: ${Object.keys(NO_FAULTS).join(
        ', ',
      )}`;
    }
    out[key] = value;
  }
  return out as Partial<FaultState>;
}

/**
 * The emulator's own control API, on loopback: read and flip faults at run
 * time, cut open watches, read the clusters' state.
 *
 * - `GET /faults`, `PATCH /faults` (JSON of faults to change), `POST /faults/reset`
 * - `POST /watches/drop`
 * - `GET /status`
 */
export async function startAdminServer(
  emulator: PlatformEmulator,
  options: { host?: string; port?: number } = {},
): Promise<{ url: string; close(): Promise<void> }> {
  const send = (response: ServerResponse, status: number, body: unknown) => {
    response.writeHead(status, { 'Content-Type': 'application/json' });
    response.end(JSON.stringify(body));
  };
  const readJson = async (request: IncomingMessage) => {
    let text = '';
    for await (const chunk of request) {
      text += chunk;
      if (text.length > 64 * 1024) throw new Error('body too large');
    }
    return JSON.parse(text || '{}');
  };
  const server = createServer(async (request, response) => {
    const route = `${request.method} ${
      new URL(request.url ?? '/', 'http://x').pathname
    }`;
    try {
      switch (route) {
        case 'GET /faults':
          return send(response, 200, emulator.faults.state);
        case 'PATCH /faults': {
          const parsed = parseFaults(await readJson(request));
          if (typeof parsed === 'string')
            return send(response, 400, { error: parsed });
          emulator.faults.set(parsed);
          return send(response, 200, emulator.faults.state);
        }
        case 'POST /faults/reset':
          emulator.faults.reset();
          return send(response, 200, emulator.faults.state);
        case 'POST /watches/drop':
          emulator.faults.dropWatchesNow();
          return send(response, 200, { dropped: true });
        case 'GET /status':
          return send(response, 200, {
            scenario: emulator.simulation.scenario.name,
            now: new Date(emulator.simulation.clock.now()).toISOString(),
            aws: emulator.aws.url,
            awsCalls: emulator.aws.calls,
            clusters: emulator.clusters.map(c => ({
              name: c.name,
              url: c.url,
              kubeconfig: c.kubeconfigPath,
              stats: emulator.stats()[c.name],
            })),
          });
        default:
          return send(response, 404, { error: `no route ${route}` });
      }
    } catch (error) {
      return send(response, 400, {
        error: `malformed request: ${(error as Error).message}`,
      });
    }
  });
  await new Promise<void>(resolve =>
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', resolve),
  );
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://${options.host ?? '127.0.0.1'}:${port}`,
    close: () => new Promise(resolve => server.close(() => resolve())),
  };
}
