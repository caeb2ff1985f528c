import { entitySchemaValidator } from '@backstage/catalog-model';
import { templateEntityV1beta3Validator } from '@backstage/plugin-scaffolder-common';
import {
  JOB_MANAGER_SIZE,
  SUPPORTED_FLINK_VERSIONS,
  TASK_MANAGER_SIZES,
  validateNewPipeline,
} from '@internal/backstage-plugin-streaming-platform-common';
import Ajv from 'ajv';
import { backstageSchemaValidator } from './__testUtils__/backstageSchemas';
import {
  EMULATOR_CLUSTERS,
  EXAMPLE_PARAMETERS,
  PARAMETER_NAMES,
  REQUIRED_ANSWERS,
} from './__testUtils__/parameterSets';
import { loadTemplate, renderStepInput } from './__testUtils__/renderPipeline';

const template = loadTemplate();
const pages = template.spec.parameters;
const fields = Object.fromEntries(
  pages.flatMap(page => Object.entries(page.properties)),
);

// The contract's optional parameters (`?` in NewPipelineParameters).
const OPTIONAL = ['system', 'image', 'args', 'gitOpsRepoUrl'];

/** The template's defaults, as the form pre-fills them. */
const defaults = () =>
  Object.fromEntries(
    Object.entries(fields)
      .filter(([, schema]) => schema.default !== undefined)
      .map(([name, schema]) => [name, schema.default]),
  );

describe('template.yaml', () => {
  it('is a valid scaffolder Template entity', async () => {
    expect(entitySchemaValidator()(template)).toBeTruthy();
    await expect(templateEntityV1beta3Validator.check(template)).resolves.toBe(
      true,
    );
    // Without shared/reference, the installed packages' checks above.
    const validate = backstageSchemaValidator('Template.v1beta3.schema.json');
    expect(validate?.(template) ?? []).toEqual([]);
    expect(template.metadata).toMatchObject({
      name: 'flink-streaming-pipeline',
      title: 'New Flink streaming pipeline',
    });
    expect(template.spec).toMatchObject({
      type: 'streaming-pipeline',
      owner: 'streaming-department',
    });
  });

  it('asks its questions on the agreed pages', () => {
    expect(pages.map(page => page.title)).toEqual([
      'About',
      'Where / Source',
      'Processing',
      'Sink',
      'Capacity and resilience',
      'Cost',
    ]);
    expect(Object.keys(pages[0].properties)).toEqual([
      'name',
      'description',
      'owner',
      'system',
    ]);
    expect(Object.keys(pages[5].properties)).toEqual(['costEstimate']);
  });

  it('asks for exactly the parameters of NewPipelineParameters, plus the cost estimate', () => {
    const names = Object.keys(fields).filter(name => name !== 'costEstimate');
    expect(names.sort()).toEqual(PARAMETER_NAMES);
    expect(fields.costEstimate).toMatchObject({
      type: 'object',
      'ui:field': 'StreamingPipelineCostEstimate',
    });
  });

  it('derives the consumer group with its field extension, keeping the rule', () => {
    expect(fields.consumerGroup).toMatchObject({
      type: 'string',
      pattern: '^[!-9;-~]+$',
      'ui:field': 'StreamingPipelineConsumerGroup',
    });
    expect(pages[1].required).toContain('consumerGroup');
  });

  it('requires what the contract requires', () => {
    const required = pages.flatMap(page => page.required ?? []).sort();
    expect(required).toEqual(
      PARAMETER_NAMES.filter(name => !OPTIONAL.includes(name)),
    );
  });

  it('helps with every field, naming it', () => {
    for (const name of PARAMETER_NAMES) {
      expect(fields[name]['ui:help']).toMatch(new RegExp(`^${name}: `));
    }
  });

  it('offers the choices of the contract', () => {
    expect(fields.flinkVersion.enum).toEqual([...SUPPORTED_FLINK_VERSIONS]);
    expect(fields.flinkVersion.default).toBe('v1_20');
    expect(fields.taskManagerSize.enum).toEqual(
      Object.keys(TASK_MANAGER_SIZES),
    );
    fields.taskManagerSize.enum.forEach((size: string, i: number) => {
      const { cpuCores, memoryGiB, taskSlots } =
        TASK_MANAGER_SIZES[size as keyof typeof TASK_MANAGER_SIZES];
      expect(fields.taskManagerSize.enumNames[i]).toBe(
        `${size} — ${cpuCores} vCPU, ${memoryGiB} GiB, ${taskSlots} task slots`,
      );
    });
    expect(fields.startingOffsets.enum).toEqual([
      'committed',
      'earliest',
      'latest',
    ]);
    expect(fields.capacityProfile.enum).toEqual(['spot-first', 'on-demand']);
    expect(fields.upgradeMode).toMatchObject({
      enum: ['savepoint', 'last-state', 'stateless'],
      default: 'savepoint',
    });
    for (const name of ['startingOffsets', 'capacityProfile', 'upgradeMode']) {
      expect(fields[name].enumNames).toHaveLength(fields[name].enum.length);
    }
  });

  it('hands the skeleton the presets of the contract', () => {
    const values = renderStepInput(template, 'fetch', {
      ...EXAMPLE_PARAMETERS,
    }).values as Record<string, unknown>;
    expect(values.taskManagerSizes).toEqual(TASK_MANAGER_SIZES);
    expect(values.jobManager).toEqual(JOB_MANAGER_SIZE);
  });

  it('offers the cluster and its MSK cluster from the backend, with field extensions', () => {
    // The options come from GET /self-service/options: no list, no default
    // in the template that could drift from the configuration.
    expect(fields.cluster).toMatchObject({
      type: 'string',
      'ui:field': 'StreamingPlatformCluster',
    });
    expect(fields.mskCluster).toMatchObject({
      type: 'string',
      'ui:field': 'StreamingPlatformMskCluster',
    });
    for (const name of ['cluster', 'mskCluster']) {
      expect(fields[name]).not.toHaveProperty('enum');
      expect(fields[name]).not.toHaveProperty('default');
      expect(pages[1].required).toContain(name);
    }
  });

  it('fills, with its defaults and the remaining answers, a form validateNewPipeline accepts', () => {
    const filled = { ...defaults(), ...REQUIRED_ANSWERS };
    expect(Object.keys(filled).sort()).toEqual(
      PARAMETER_NAMES.filter(
        name => !['image', 'args', 'gitOpsRepoUrl'].includes(name),
      ),
    );
    expect(
      validateNewPipeline(filled, { clusters: EMULATOR_CLUSTERS }),
    ).toEqual([]);
    expect(
      validateNewPipeline(EXAMPLE_PARAMETERS, { clusters: EMULATOR_CLUSTERS }),
    ).toEqual([]);
  });

  it('runs the agreed steps in order, with the agreed inputs', () => {
    const steps = template.spec.steps;
    expect(steps.map(s => [s.id, s.action])).toEqual([
      ['validate', 'streaming-platform:pipeline:validate'],
      ['fetch', 'fetch:template'],
      ['estimate', 'streaming-platform:cost:estimate'],
      ['apply', 'streaming-platform:pipeline:apply'],
      ['pull-request', 'publish:github:pull-request'],
      ['register', 'streaming-platform:pipeline:register'],
    ]);
    // A pull request in GitOps setups, else the portal's own registration.
    expect(steps[4].if).toBe('${{ parameters.gitOpsRepoUrl }}');
    expect(steps[4].input).toMatchObject({
      repoUrl: '${{ parameters.gitOpsRepoUrl }}',
      sourcePath: './pipeline',
    });
    expect(steps[5].if).toBe('${{ not parameters.gitOpsRepoUrl }}');
    expect(steps[0].input).toEqual({ parameters: '${{ parameters }}' });
    expect(steps[2].input).toEqual({ parameters: '${{ parameters }}' });
    expect(steps[3].input).toEqual({
      cluster: '${{ parameters.cluster }}',
      namespace: '${{ parameters.namespace }}',
      manifestsPath: './pipeline/deploy',
    });
    expect(steps[5].input).toEqual({
      sourcePath: './pipeline',
      name: '${{ parameters.name }}',
    });
    expect(template.spec.output).toEqual({
      links: [
        expect.objectContaining({
          entityRef: '${{ steps.register.output.entityRef }}',
        }),
        expect.objectContaining({
          url: "${{ steps['pull-request'].output.remoteUrl }}",
        }),
        expect.objectContaining({
          url: '/streaming-platform?group=${{ parameters.owner }}',
        }),
      ],
      text: [
        expect.objectContaining({
          content: '${{ steps.estimate.output.summary }}',
        }),
      ],
    });
  });

  it('passes every parameter, with its type, to fetch:template', () => {
    const input = renderStepInput(template, 'fetch', { ...EXAMPLE_PARAMETERS });
    expect(input).toMatchObject({
      url: './skeleton',
      targetPath: './pipeline',
    });
    expect(input.values).toMatchObject({ ...EXAMPLE_PARAMETERS });
    expect(input.values).toMatchObject({
      irsaRoleArn:
        'arn:aws:iam::000000000000:role/flink-payments-card-fraud-signals',
    });
  });
});

describe('the form catches in the browser what validateNewPipeline rejects', () => {
  // The form validates with ajv; `ui:*` keywords are the form's own.
  const ajv = new Ajv({ strict: false, allErrors: true });
  const formAccepts = (field: string, value: unknown) =>
    ajv.validate(fields[field], value);
  const contractAccepts = (field: string, value: unknown) =>
    !validateNewPipeline(
      { ...EXAMPLE_PARAMETERS, [field]: value },
      { clusters: EMULATOR_CLUSTERS },
    ).some(p => p.field === field || p.field.startsWith(`${field}[`));

  const SAMPLES: Record<string, { good: unknown[]; bad: unknown[] }> = {
    name: {
      good: ['a', 'card-auth-2', 'a'.repeat(45)],
      bad: ['Card', '1abc', 'abc-', 'a_b', 'a'.repeat(46), ''],
    },
    description: {
      good: [
        'Flags card transactions.',
        'Scores "risky" payments: fast, in one pass.',
        'Joins A#B with C',
      ],
      bad: [
        '- a list item',
        '---',
        '{ a: 1 }',
        '[x]',
        '| block',
        '"quoted"',
        "'quoted'",
        '#comment',
        'key: value',
        'text # comment',
        'line\nbreak',
        'x'.repeat(401),
      ],
    },
    namespace: {
      good: ['payments', '1team', 'a-b'],
      bad: ['Payments', '-a', 'a-', 'a.b', 'a'.repeat(64)],
    },
    topics: {
      good: [['orders'], ['a.b_c-d', 'second']],
      bad: [[], ['a b'], ['a/b'], ['a:b'], ['x'.repeat(250)]],
    },
    consumerGroup: {
      good: ['payments.orders', 'a-b_c', 'g~!'],
      bad: ['a:b', 'a b', 'café', ''],
    },
    partitions: { good: [1, 10000], bad: [0, 10001, 1.5] },
    jarUri: {
      good: [
        'local:///opt/flink/usrlib/job.jar',
        's3://bucket/path/job.jar',
        'https://artifacts.example.com/job-1.0.jar',
      ],
      bad: ['http://x.example.com/job.jar', 's3://bucket/job.zip', 'job.jar'],
    },
    image: {
      good: ['flink:1.20', 'registry.example.com/team/job:1.0.0'],
      bad: ['Registry/job', 'job image', 'job:'],
    },
    entryClass: {
      good: ['Main', 'com.example.Main', 'com.example.$Inner'],
      bad: ['1Main', 'com..Main', 'com.example.'],
    },
    args: {
      good: [['window=5m'], ['--window', '5m'], ['-x'], ['a', 'b c']],
      bad: [['- item'], ['---'], ['-'], ['key: value'], ['{x}'], ['a\nb']],
    },
    parallelism: { good: [2, 4, 12, 24], bad: [0, 1001, 2.5] },
    maxParallelism: { good: [24, 2], bad: [0, 1001] },
    utilizationTarget: { good: [0.1, 0.7, 1], bad: [0, 1.2] },
    lagTargetSeconds: { good: [1, 86400], bad: [0, 86401, 1.5] },
    hecEndpoint: {
      good: [
        'https://hec.example.com:8088',
        'https://hec.example.com/services/collector',
      ],
      bad: [
        'http://hec.example.com',
        'https://user:pw@hec.example.com',
        'https://hec.example.com?token=x',
        'hec.example.com',
      ],
    },
    splunkIndex: { good: ['main', '_internal', 'a-b'], bad: ['Main', '-a'] },
    splunkSourcetype: {
      good: ['payments:fraud', 'a.b-c_d'],
      bad: ['a b', 'a/b'],
    },
    hecTokenSecret: {
      good: [
        'streaming/payments/splunk-hec',
        'arn:aws:secretsmanager:eu-west-1:123456789012:secret:streaming/hec-AbCdEf',
      ],
      bad: [
        '12345678-90ab-cdef-1234-567890abcdef',
        'Splunk 12345678-90ab-cdef-1234-567890abcdef',
        'A1b2C3d4E5f6G7h8I9j0K1l2M3n4O5p6Q7',
        'my secret',
      ],
    },
    checkpointIntervalSeconds: { good: [10, 60, 3600], bad: [9, 3601] },
    checkpointS3Path: {
      good: ['s3://bucket', 's3://my-bucket/a/b/', "s3://bucket/x_(1)!*'"],
      bad: ['s3://B/x', 'https://bucket/x', 's3://b', 's3://bucket/a b'],
    },
  };

  it.each(Object.entries(SAMPLES))('%s', (field, { good, bad }) => {
    for (const value of good) {
      expect([value, formAccepts(field, value)]).toEqual([value, true]);
      expect([value, contractAccepts(field, value)]).toEqual([value, true]);
    }
    for (const value of bad) {
      expect([value, formAccepts(field, value)]).toEqual([value, false]);
      expect([value, contractAccepts(field, value)]).toEqual([value, false]);
    }
  });

  it('uses patterns that compile as the browser compiles them (unicode)', () => {
    const patterns = Object.values(fields).flatMap(schema =>
      [schema.pattern, schema.items?.pattern].filter(Boolean),
    );
    expect(patterns.length).toBeGreaterThan(10);
    for (const pattern of patterns) {
      expect(() => new RegExp(pattern, 'u')).not.toThrow();
    }
  });
});
