import { NewPipelineParameters } from './parameters';
import { validateNewPipeline } from './validation';

const CONTEXT = {
  clusters: [
    { name: 'eks-demo-eu-west-1', mskClusterName: 'msk-demo' },
    { name: 'eks-prod', mskClusterName: 'msk-prod' },
  ],
};

const VALID: NewPipelineParameters = {
  name: 'card-fraud-alerts',
  description: 'Scores card events: flags likely fraud for the risk team.',
  owner: 'group:default/team-payments',
  system: 'system:default/streaming',
  cluster: 'eks-demo-eu-west-1',
  namespace: 'payments',
  mskCluster: 'msk-demo',
  topics: ['card-events', 'card.events.v2'],
  consumerGroup: 'payments.card-fraud-alerts',
  startingOffsets: 'committed',
  partitions: 24,
  jarUri: 's3://artifacts/card-fraud-alerts-1.4.0.jar',
  image: 'registry.example.com/flink/card-fraud:1.4.0',
  entryClass: 'com.example.fraud.CardFraudJob',
  args: ['--window', '5m'],
  flinkVersion: 'v1_20',
  taskManagerSize: 'medium',
  parallelism: 8,
  minParallelism: 4,
  maxParallelism: 24,
  autoscaler: true,
  utilizationTarget: 0.7,
  lagTargetSeconds: 120,
  hecEndpoint: 'https://hec.splunk.example.com:8088/services/collector',
  splunkIndex: 'payments_fraud',
  splunkSourcetype: 'flink:card-fraud',
  hecTokenSecret: 'streaming/payments/splunk-hec',
  capacityProfile: 'spot-first',
  checkpointIntervalSeconds: 60,
  checkpointS3Path: 's3://flink-state-payments/card-fraud-alerts',
  upgradeMode: 'savepoint',
};

describe('validateNewPipeline', () => {
  it('accepts a complete, well-formed pipeline', () => {
    expect(validateNewPipeline(VALID, CONTEXT)).toEqual([]);
    expect(
      validateNewPipeline(
        { ...VALID, gitOpsRepoUrl: 'github.com?owner=platform&repo=pipelines' },
        CONTEXT,
      ),
    ).toEqual([]);
    const { image: _image, system: _system, args: _args, ...minimal } = VALID;
    expect(validateNewPipeline(minimal, CONTEXT)).toEqual([]);
    expect(
      validateNewPipeline({
        ...VALID,
        hecTokenSecret:
          'arn:aws:secretsmanager:eu-west-1:123456789012:secret:streaming/payments/hec-AbCdEf',
      }),
    ).toEqual([]);
  });

  // Each malformed input is rejected with a message naming its field.
  it.each<
    [
      string,
      Partial<Record<keyof NewPipelineParameters, unknown>>,
      string,
      RegExp,
    ]
  >([
    ['an upper-case name', { name: 'Card-Fraud' }, 'name', /DNS-1035/],
    ['a name with a dot', { name: 'card.fraud' }, 'name', /DNS-1035/],
    [
      'a name starting with a digit',
      { name: '1card' },
      'name',
      /start with a letter/,
    ],
    [
      "a name too long for Flink's pod names",
      { name: 'a'.repeat(46) },
      'name',
      /at most 45/,
    ],
    ['a missing name', { name: '' }, 'name', /required/],
    ['a name that is not text', { name: 42 }, 'name', /must be text/],
    [
      'a newline in the description',
      { description: 'line one\nline two' },
      'description',
      /single line/,
    ],
    [
      'YAML in the description',
      { description: 'owner: someone-else' },
      'description',
      /not YAML/,
    ],
    [
      'a YAML flow mapping in the description',
      { description: '{a: 1}' },
      'description',
      /not YAML/,
    ],
    [
      'a YAML block in the description',
      { description: '|\n  injected: true' },
      'description',
      /single line/,
    ],
    [
      'a YAML comment in an argument',
      { args: ['--x', 'y #: z'] },
      'args[1]',
      /not YAML/,
    ],
    [
      'a newline in a topic',
      { topics: ['ok', 'bad\ntopic'] },
      'topics[1]',
      /single line/,
    ],
    [
      'a topic with a space',
      { topics: ['card events'] },
      'topics[0]',
      /letters, digits/,
    ],
    ['no topics', { topics: [] }, 'topics', /at least one/],
    [
      'a consumer group with ":"',
      { consumerGroup: 'payments:fraud' },
      'consumerGroup',
      /must not contain ":"/,
    ],
    [
      'a non-ASCII consumer group',
      { consumerGroup: 'paiements-é' },
      'consumerGroup',
      /printable ASCII/,
    ],
    [
      'an unknown cluster',
      { cluster: 'eks-nowhere' },
      'cluster',
      /not one of the configured clusters/,
    ],
    [
      "another cluster's MSK cluster",
      { mskCluster: 'msk-prod' },
      'mskCluster',
      /mskCluster must be 'msk-demo'/,
    ],
    [
      'an unknown MSK cluster',
      { mskCluster: 'msk-other' },
      'mskCluster',
      /not a configured MSK cluster/,
    ],
    [
      'an http HEC endpoint',
      { hecEndpoint: 'http://hec.splunk.example.com:8088' },
      'hecEndpoint',
      /must use https/,
    ],
    [
      'a HEC endpoint that is no URL',
      { hecEndpoint: 'hec.splunk.example.com' },
      'hecEndpoint',
      /must be a URL/,
    ],
    [
      'credentials in the HEC endpoint',
      { hecEndpoint: 'https://user:pw@hec.example.com' },
      'hecEndpoint',
      /credentials/,
    ],
    [
      'a raw HEC token (GUID)',
      { hecTokenSecret: '12345678-9abc-def0-1234-56789abcdef0' },
      'hecTokenSecret',
      /looks like a token/,
    ],
    [
      'a raw token with the Splunk prefix',
      { hecTokenSecret: 'Splunk 12345678-9abc-def0-1234-56789abcdef0' },
      'hecTokenSecret',
      /looks like a token/,
    ],
    [
      'a long random token',
      { hecTokenSecret: 'dGhpcy1pcy1hLXJhdy10b2tlbi12YWx1ZS0xMjM0NTY3OA' },
      'hecTokenSecret',
      /looks like a token/,
    ],
    [
      'max parallelism above the partitions',
      { maxParallelism: 32, partitions: 24 },
      'maxParallelism',
      /above the source's 24 partitions/,
    ],
    [
      'min above max parallelism',
      { minParallelism: 16, maxParallelism: 8, parallelism: 8 },
      'minParallelism',
      /not be above maxParallelism/,
    ],
    [
      'initial parallelism below min',
      { parallelism: 2 },
      'parallelism',
      /below minParallelism/,
    ],
    [
      'a fractional parallelism',
      { parallelism: 2.5 },
      'parallelism',
      /whole number/,
    ],
    [
      'a utilization target above 1',
      { utilizationTarget: 1.5 },
      'utilizationTarget',
      /at most 1/,
    ],
    [
      'an unsupported Flink version',
      { flinkVersion: 'v1_13' },
      'flinkVersion',
      /one of v1_18/,
    ],
    [
      'an unknown TaskManager size',
      { taskManagerSize: 'huge' },
      'taskManagerSize',
      /one of small/,
    ],
    [
      'a jar URI over http',
      { jarUri: 'http://artifacts/job.jar' },
      'jarUri',
      /local:\/\/, s3:\/\/ or https:\/\//,
    ],
    [
      'an entry class with a space',
      { entryClass: 'com.example Main' },
      'entryClass',
      /Java class/,
    ],
    [
      'an S3 path that is not s3://',
      { checkpointS3Path: '/tmp/checkpoints' },
      'checkpointS3Path',
      /s3:\/\/bucket/,
    ],
    [
      'a checkpoint interval below 10 s',
      { checkpointIntervalSeconds: 1 },
      'checkpointIntervalSeconds',
      /between 10 and 3600/,
    ],
    [
      'an unknown upgrade mode',
      { upgradeMode: 'yolo' },
      'upgradeMode',
      /one of savepoint/,
    ],
    [
      'an owner that is no entity ref',
      { owner: 'team payments' },
      'owner',
      /Group entity ref/,
    ],
    [
      'a namespace with upper case',
      { namespace: 'Payments' },
      'namespace',
      /DNS-1123/,
    ],
    [
      'an index with upper case',
      { splunkIndex: 'Payments' },
      'splunkIndex',
      /lowercase/,
    ],
    ['autoscaler as text', { autoscaler: 'yes' }, 'autoscaler', /on or off/],
    [
      'a YAML list item in an argument',
      { args: ['- injected'] },
      'args[0]',
      /not YAML/,
    ],
    [
      'a YAML document marker in the description',
      { description: '--- !!python/object' },
      'description',
      /not YAML/,
    ],
    [
      'a GitOps repository that is a plain URL',
      { gitOpsRepoUrl: 'https://github.com/platform/pipelines' },
      'gitOpsRepoUrl',
      /host\?owner=/,
    ],
  ])('rejects %s', (_what, change, field, message) => {
    const problems = validateNewPipeline({ ...VALID, ...change }, CONTEXT);
    expect(problems).toContainEqual({
      field,
      message: expect.stringMatching(message),
    });
    // The message names the field it is about.
    const problem = problems.find(p => p.field === field)!;
    expect(problem.message).toContain(field);
  });

  it('names each configured MSK cluster once, however many clusters read it', () => {
    const problems = validateNewPipeline(
      { ...VALID, mskCluster: 'msk-other' },
      {
        clusters: [
          ...CONTEXT.clusters,
          { name: 'eks-prod-b', mskClusterName: 'msk-prod' },
        ],
      },
    );
    expect(problems.find(p => p.field === 'mskCluster')?.message).toBe(
      "mskCluster 'msk-other' is not a configured MSK cluster (msk-demo, msk-prod)",
    );
  });

  it('never repeats a value that may be a token', () => {
    const token = '12345678-9abc-def0-1234-56789abcdef0';
    const problems = validateNewPipeline({ ...VALID, hecTokenSecret: token });
    expect(JSON.stringify(problems)).not.toContain(token);
  });

  it('answers any input with problems rather than throwing', () => {
    for (const input of [undefined, null, 'text', 42, [], { topics: 'x' }]) {
      const problems = validateNewPipeline(input, CONTEXT);
      expect(problems.map(p => p.field)).toContain('name');
    }
  });
});
