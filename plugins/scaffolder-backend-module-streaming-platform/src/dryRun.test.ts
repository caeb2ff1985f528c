import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import request from 'supertest';
import { parse } from 'yaml';
import scaffolderPlugin from '@backstage/plugin-scaffolder-backend';
import scaffolderGithubModule from '@backstage/plugin-scaffolder-backend-module-github';
import streamingPlatformPlugin from '@internal/backstage-plugin-streaming-platform-backend';
import { scaffolderModuleStreamingPlatform } from './module';
import { EXAMPLE_PARAMETERS } from './template/__testUtils__/parameterSets';
import { TEMPLATE_DIR } from './template/__testUtils__/paths';

jest.setTimeout(180_000);

const CLUSTER = 'eks-demo-eu-west-1';

/** The template folder as the dry-run API takes it: every file, base64. */
function directoryContents(root: string) {
  const files: Array<{ path: string; base64Content: string }> = [];
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else {
        files.push({
          path: path.relative(root, full),
          base64Content: fs.readFileSync(full).toString('base64'),
        });
      }
    }
  };
  walk(root);
  return files;
}

/** Each step's last status, from the dry run's log. */
function stepStatus(
  log: Array<{ body: { stepId?: string; status?: string } }>,
): Record<string, string> {
  const status: Record<string, string> = {};
  for (const { body } of log) {
    if (body.stepId && body.status) status[body.stepId] = body.status;
  }
  return status;
}

const catalogEntities: Entity[] = [
  {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: {
      name: 'card-authorizations',
      namespace: 'default',
      annotations: {
        'streaming-platform.io/pipeline': `${CLUSTER}/payments/card-authorizations`,
      },
    },
    spec: {
      type: 'streaming-pipeline',
      owner: 'team-payments',
      lifecycle: 'production',
    },
  },
];

/*
 * The template, through the scaffolder's own dry-run API, with this module's
 * actions calling the streaming-platform backend over HTTP, which runs the
 * platform emulator: fetch:template renders the skeleton, validate checks
 * names against the emulated cluster and the catalog, estimate prices it,
 * apply has the emulated API server validate every manifest (dryRun=All),
 * and register names the entity without writing anything.
 */
describe('the flink-streaming-pipeline template, dry run', () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'emulator-'));
  const template = parse(
    fs.readFileSync(path.join(TEMPLATE_DIR, 'template.yaml'), 'utf8'),
  );
  let server: Awaited<ReturnType<typeof startTestBackend>>['server'];

  beforeAll(async () => {
    ({ server } = await startTestBackend({
      features: [
        scaffolderPlugin,
        scaffolderModuleStreamingPlatform,
        scaffolderGithubModule,
        streamingPlatformPlugin,
        catalogServiceMock.factory({ entities: catalogEntities }),
        mockServices.rootConfig.factory({
          data: {
            streamingPlatform: { emulator: { dataDir, warmupMinutes: 10 } },
            // For the GitOps case; a dry run of the pull request calls nothing.
            integrations: {
              github: [{ host: 'github.com', token: 'not-a-token' }],
            },
          },
        }),
      ],
    }));
    // The estimate prices the cluster's nodes: wait until they are known.
    const deadline = Date.now() + 60_000;
    while (Date.now() < deadline) {
      const res = await request(server)
        .get('/api/streaming-platform/pipelines')
        .set('Authorization', mockCredentials.user.header());
      if (res.body.items?.length) break;
      await new Promise(r => setTimeout(r, 500));
    }
  });

  afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

  const dryRun = (values: object) =>
    request(server)
      .post('/api/scaffolder/v2/dry-run')
      .set('Authorization', mockCredentials.user.header())
      .send({
        template,
        values,
        directoryContents: directoryContents(TEMPLATE_DIR),
      });

  it('renders, validates, prices and has the cluster check every manifest', async () => {
    const res = await dryRun(EXAMPLE_PARAMETERS);
    expect({ status: res.status, error: res.body.error }).toEqual({
      status: 200,
      error: undefined,
    });
    const log = res.body.log.map((l: any) => l.body.message).join('\n');
    const status = stepStatus(res.body.log);
    const failed = Object.keys(status).filter(id => status[id] === 'failed');
    expect({ failed, log: failed.length ? log : '' }).toEqual({
      failed: [],
      log: '',
    });
    expect(status).toMatchObject({
      fetch: 'completed',
      validate: 'completed',
      estimate: 'completed',
      apply: 'completed',
      register: 'completed',
    });
    // The emulated API server validated each generated object.
    for (const kind of [
      'ServiceAccount',
      'ExternalSecret',
      'PodDisruptionBudget',
      'FlinkDeployment',
    ]) {
      expect(log).toMatch(
        new RegExp(`${kind} payments/[a-z0-9-]+: validated in ${CLUSTER}`),
      );
    }
    expect(log).toMatch(/Estimated monthly cost .* spot-first; .* on-demand/);
    // The generated repository comes back with the answer.
    const files = res.body.directoryContents.map((f: any) => f.path);
    expect(files).toEqual(
      expect.arrayContaining([
        'pipeline/catalog-info.yaml',
        'pipeline/deploy/flinkdeployment.yaml',
        'pipeline/deploy/kustomization.yaml',
      ]),
    );
    expect(res.body.output.links).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          entityRef: 'component:default/card-fraud-signals',
        }),
      ]),
    );
    // The service account assumes the IAM role the backend named.
    const serviceAccount = res.body.directoryContents.find(
      (f: any) => f.path === 'pipeline/deploy/serviceaccount.yaml',
    );
    expect(
      Buffer.from(serviceAccount.base64Content, 'base64').toString('utf8'),
    ).toContain(
      'eks.amazonaws.com/role-arn: "arn:aws:iam::000000000000:role/flink-payments-card-fraud-signals"',
    );
    // Nothing was applied: the pipeline does not run.
    const detail = await request(server)
      .get(
        `/api/streaming-platform/pipelines/${CLUSTER}/payments/card-fraud-signals`,
      )
      .set('Authorization', mockCredentials.user.header());
    expect(detail.status).toBe(404);
  });

  it('opens a pull request instead of registering, in GitOps setups', async () => {
    const res = await dryRun({
      ...EXAMPLE_PARAMETERS,
      gitOpsRepoUrl: 'github.com?owner=platform&repo=streaming-pipelines',
    });
    expect(res.status).toBe(200);
    const status = stepStatus(res.body.log);
    expect(status).toMatchObject({
      apply: 'completed',
      'pull-request': 'completed',
    });
    expect(status.register).not.toBe('completed');
    const log = res.body.log.map((l: any) => l.body.message).join('\n');
    expect(log).toMatch(/Skipping step register/);
  });

  it('stops at validate, naming each field, for names already taken', async () => {
    const res = await dryRun({
      ...EXAMPLE_PARAMETERS,
      name: 'card-authorizations',
      consumerGroup: 'payments.card-authorizations',
    });
    // The dry run stops at the failing step and answers with its error.
    expect(res.status).toBe(400);
    expect(res.body.error.name).toBe('InputError');
    const message: string = res.body.error.message;
    expect(message).toMatch(/^The new pipeline has 3 problems:/);
    expect(message).toMatch(
      /- name: name 'card-authorizations' is taken: FlinkDeployment payments\/card-authorizations already runs/,
    );
    expect(message).toMatch(
      /- name: name 'card-authorizations' is taken: the catalog already has component:default\/card-authorizations/,
    );
    expect(message).toMatch(
      /- consumerGroup: consumerGroup 'payments.card-authorizations' is used by/,
    );
  });

  it.each([
    [
      'an http HEC endpoint',
      { hecEndpoint: 'http://hec.example.com:8088' },
      'hecEndpoint',
    ],
    [
      'a raw HEC token',
      { hecTokenSecret: '12345678-9abc-def0-1234-56789abcdef0' },
      'hecTokenSecret',
    ],
    [
      'a newline in the description',
      { description: 'one\ntwo: yaml' },
      'description',
    ],
    ['a bad name', { name: 'Card_Fraud' }, 'name'],
  ])(
    'refuses %s with the template schema before any step runs, naming the field',
    async (_what, change, field) => {
      const res = await dryRun({ ...EXAMPLE_PARAMETERS, ...change });
      expect(res.status).toBe(400);
      expect(res.body.errors.map((e: any) => e.property)).toContain(
        `instance.${field}`,
      );
    },
  );

  it('stops at validate for rules across fields, naming the field', async () => {
    const res = await dryRun({
      ...EXAMPLE_PARAMETERS,
      partitions: 6,
      maxParallelism: 12,
    });
    expect(res.status).toBe(400);
    expect(res.body.error.message).toMatch(
      /- maxParallelism: maxParallelism \(12\) must not be above the source's 6 partitions/,
    );
  });
});
