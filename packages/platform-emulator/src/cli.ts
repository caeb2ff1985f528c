import path from 'node:path';
import { parseArgs } from 'node:util';
import { startAdminServer } from './admin';
import { PlatformEmulator } from './PlatformEmulator';
import { SCENARIOS } from './scenarios';

const HELP = `platform-emulator — a simulated Karpenter-backed EKS platform running Flink on MSK

Options:
  --scenario <name>     ${Object.keys(SCENARIOS).join(' | ')} (default demo)
  --host <host>         address to listen on (default 127.0.0.1)
  --kube-port <port>    Kubernetes API port of the first cluster (default: any free port)
  --aws-port <port>     CloudWatch / Price List / EC2 endpoint port (default: any free port)
  --admin-port <port>   control API for faults and status (default: any free port)
  --data-dir <dir>      where kubeconfig files are written (default ./data/emulator)
  --warmup <minutes>    history simulated before now (default 120)
  --help

Set EMULATOR_TOKEN to require that bearer token on the Kubernetes APIs.`;

const port = (value: string | undefined) => {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0 || n > 65535)
    throw new Error(`not a port: ${value}`);
  return n;
};

async function main() {
  const { values } = parseArgs({
    options: {
      scenario: { type: 'string', default: 'demo' },
      host: { type: 'string', default: '127.0.0.1' },
      'kube-port': { type: 'string' },
      'aws-port': { type: 'string' },
      'admin-port': { type: 'string' },
      'data-dir': { type: 'string', default: path.resolve('data/emulator') },
      warmup: { type: 'string', default: '120' },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) {
    process.stdout.write(`${HELP}\n`);
    return;
  }
  if (!SCENARIOS[values.scenario!])
    throw new Error(
      `unknown scenario '${values.scenario}'; known: ${Object.keys(
        SCENARIOS,
      ).join(', ')}`,
    );
  const warmupMinutes = Number(values.warmup);
  if (!Number.isFinite(warmupMinutes) || warmupMinutes < 0)
    throw new Error(
      `--warmup must be a number of minutes, got '${values.warmup}'`,
    );
  const started = Date.now();
  const emulator = await PlatformEmulator.start({
    scenario: values.scenario,
    host: values.host,
    kubePort: port(values['kube-port']),
    awsPort: port(values['aws-port']),
    kubeconfigDir: values['data-dir'],
    warmupMs: warmupMinutes * 60_000,
    token: process.env.EMULATOR_TOKEN || undefined,
  });
  const admin = await startAdminServer(emulator, {
    host: values.host,
    port: port(values['admin-port']),
  });
  const lines = [
    `scenario ${values.scenario} up in ${
      Date.now() - started
    } ms (${warmupMinutes} min of history simulated)`,
    ...emulator.clusters.map(
      c => `kubernetes ${c.name}: ${c.url}  kubeconfig: ${c.kubeconfigPath}`,
    ),
    `aws (CloudWatch, Price List, EC2): ${emulator.aws.url}`,
    `admin: ${admin.url}  (GET /status, GET|PATCH /faults, POST /faults/reset, POST /watches/drop)`,
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
  const stop = async () => {
    await Promise.all([emulator.stop(), admin.close()]);
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  // Keep the process alive: the emulator's own timer does not hold it.
  setInterval(() => {}, 1 << 30);
}

main().catch(error => {
  process.stderr.write(`platform-emulator: ${error.message}\n`);
  process.exit(2);
});
