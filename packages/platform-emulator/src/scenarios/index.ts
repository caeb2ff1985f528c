import { ScenarioSpec } from '../model/scenario';
import { demoScenario } from './demo';
import { fleetLScenario } from './fleetL';

/** The named scenarios the CLI and tests can start. */
export const SCENARIOS: Record<string, () => ScenarioSpec> = {
  demo: () => demoScenario(),
  'demo-node-groups': () => demoScenario({ provisioning: 'node-groups' }),
  'fleet-L': fleetLScenario,
};

export function scenarioByName(name: string): ScenarioSpec {
  const make = SCENARIOS[name];
  if (!make) {
    throw new Error(
      `Unknown scenario '${name}'; known: ${Object.keys(SCENARIOS).join(', ')}`,
    );
  }
  return make();
}

export { demoScenario, fleetLScenario };
export { REALISTIC_BEHAVIOUR } from './behaviour';
