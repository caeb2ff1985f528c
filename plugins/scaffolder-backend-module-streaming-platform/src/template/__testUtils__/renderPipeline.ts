import { mockServices } from '@backstage/backend-test-utils';
import { ConfigReader } from '@backstage/config';
import { ScmIntegrations } from '@backstage/integration';
import { createFetchTemplateAction } from '@backstage/plugin-scaffolder-backend';
import { createMockActionContext } from '@backstage/plugin-scaffolder-node-test-utils';
import { JsonObject } from '@backstage/types';
import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { readFileSync } from 'node:fs';
import { createTemplateRenderer } from 'nunjitsu';
import { parse } from 'yaml';
import { pipelineRoleArnFor } from '@internal/backstage-plugin-streaming-platform-common';
import { TEMPLATE_DIR } from './paths';

/** The parts of template.yaml the tests read. */
export interface PipelineTemplate {
  apiVersion: string;
  kind: string;
  metadata: { name: string; title?: string };
  spec: {
    type: string;
    owner: string;
    parameters: Array<{
      title: string;
      required?: string[];
      properties: Record<string, Record<string, any>>;
    }>;
    steps: Array<{
      id: string;
      action: string;
      if?: string;
      input?: JsonObject;
    }>;
    output: JsonObject;
  };
}

export const TEMPLATE_FILE = join(TEMPLATE_DIR, 'template.yaml');

export function loadTemplate(): PipelineTemplate {
  return parse(readFileSync(TEMPLATE_FILE, 'utf8'));
}

/** The backend's default pattern with the emulator (config.ts). */
export const EMULATOR_PIPELINE_ROLE_ARN =
  'arn:aws:iam::000000000000:role/flink-{namespace}-{name}';

/**
 * What the validate step outputs for these parameters: the IAM role named
 * by the emulator's default pattern.
 */
function stepOutputs(parameters: Record<string, any>) {
  return {
    validate: {
      output: {
        valid: true,
        pipelineRoleArn: pipelineRoleArnFor(EMULATOR_PIPELINE_ROLE_ARN, {
          cluster: String(parameters.cluster),
          namespace: String(parameters.namespace),
          name: String(parameters.name),
        }).arn,
      },
    },
  };
}

/**
 * A step's input with its `${{ }}` expressions evaluated against the
 * parameters (and the validate step's output), the way the scaffolder's NunjucksWorkflowRunner does: each
 * string on its own, a sole expression keeping its value's type, and a
 * missing value dropping the key.
 */
export function renderStepInput(
  template: PipelineTemplate,
  stepId: string,
  parameters: object,
): JsonObject {
  const step = template.spec.steps.find(s => s.id === stepId);
  if (!step) {
    throw new Error(`template.yaml has no step ${stepId}`);
  }
  const renderer = createTemplateRenderer();
  // As the task's JSON: without the keys of unanswered optional fields.
  const context = renderer.prepareContext({
    parameters: JSON.parse(JSON.stringify(parameters)),
    steps: stepOutputs(parameters),
  });
  return JSON.parse(JSON.stringify(step.input ?? {}), (_key, value) =>
    typeof value === 'string' ? renderer.renderValue(value, context) : value,
  );
}

/**
 * Renders the skeleton for a set of parameters with the scaffolder's own
 * fetch:template action, fed the fetch step's input from template.yaml.
 * Returns the generated files by their path under the step's targetPath.
 */
export async function renderPipeline(
  parameters: object,
): Promise<Map<string, string>> {
  const template = loadTemplate();
  const input = renderStepInput(template, 'fetch', parameters);
  const action = createFetchTemplateAction({
    reader: mockServices.urlReader.mock(),
    integrations: ScmIntegrations.fromConfig(new ConfigReader({})),
  });
  const workspacePath = await mkdtemp(join(tmpdir(), 'flink-pipeline-'));
  try {
    await action.handler(
      createMockActionContext({
        input: input as any,
        workspacePath,
        templateInfo: {
          entityRef: 'template:default/flink-streaming-pipeline',
          baseUrl: `file://${TEMPLATE_FILE}`,
        },
      }),
    );
    const outputDir = join(workspacePath, String(input.targetPath));
    const files = new Map<string, string>();
    for (const path of await listFiles(outputDir)) {
      files.set(relative(outputDir, path), await readFile(path, 'utf8'));
    }
    return files;
  } finally {
    await rm(workspacePath, { recursive: true, force: true });
  }
}

async function listFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  const nested = await Promise.all(
    entries.map(entry =>
      entry.isDirectory()
        ? listFiles(join(dir, entry.name))
        : Promise.resolve([join(dir, entry.name)]),
    ),
  );
  return nested.flat().sort();
}
