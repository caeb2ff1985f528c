import {
  NewPipelineParameters,
  SUPPORTED_FLINK_VERSIONS,
  TASK_MANAGER_SIZES,
} from './parameters';

/**
 * One thing wrong with the form: the parameter it is about and what to do.
 *
 * @public
 */
export interface FieldProblem {
  /** The parameter's name in {@link NewPipelineParameters}, e.g. `hecEndpoint`; `topics[1]` for a list item. */
  field: string;
  message: string;
}

/**
 * What the rules need to know about the platform: its clusters and the MSK
 * cluster each reads from. Uniqueness against running pipelines and the
 * catalog is the backend's check, not this one's.
 *
 * @public
 */
export interface NewPipelineContext {
  clusters?: Array<{ name: string; mskClusterName?: string }>;
}

const DNS_LABEL = /^[a-z]([-a-z0-9]*[a-z0-9])?$/;
const NAMESPACE = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
const KAFKA_TOPIC = /^[a-zA-Z0-9._-]+$/;
// Printable ASCII without whitespace and `:` (MSK has no lag metrics for those).
const CONSUMER_GROUP = /^[\x21-\x39\x3b-\x7e]+$/;
const JAVA_CLASS = /^[A-Za-z_$][\w$]*(\.[A-Za-z_$][\w$]*)*$/;
const JAR_URI = /^(local|s3|s3a|https):\/\/[^\s]+\.jar$/;
const IMAGE = /^[a-z0-9]+([._/:@-][a-zA-Z0-9_]+)*$/;
const SPLUNK_NAME = /^[a-z0-9_][a-z0-9_-]*$/;
const SOURCETYPE = /^[A-Za-z0-9_:.-]+$/;
const REPO_URL =
  /^[a-z0-9]([a-z0-9.-]*[a-z0-9])?(:\d+)?\?owner=[A-Za-z0-9_.-]+&repo=[A-Za-z0-9_.-]+$/;
const S3_PATH =
  /^s3:\/\/[a-z0-9][a-z0-9.-]{1,61}[a-z0-9](\/[A-Za-z0-9!_.*'()/-]*)?$/;
const SECRET_NAME = /^[A-Za-z0-9/_+=.@-]+$/;
const SECRET_ARN =
  /^arn:aws[a-z-]*:secretsmanager:[a-z0-9-]+:\d{12}:secret:[A-Za-z0-9/_+=.@-]+$/;
const GROUP_REF =
  /^(group:)?([a-z0-9][-a-z0-9_.]*\/)?[a-zA-Z0-9][-a-zA-Z0-9_.]*$/;
// Splunk HEC tokens are GUIDs; AWS-style long random strings are tokens too.
const LOOKS_LIKE_TOKEN = [
  /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/,
  /^Splunk\s/i,
  /^[A-Za-z0-9+/=_-]{32,}$/,
];
// Characters that start YAML structure when a value begins with them.
// `--flag` is an argument, `- item` and `---` are YAML.
const YAML_INDICATOR_START = /^([\s{}[\]&*!|>%@`'"#,?]|-(\s|$)|---)/;
// A value that is a `key: value` pair, or carries a YAML comment.
const YAML_STRUCTURE = /^[\w.-]+:(\s|$)|\s#/;

/**
 * Every problem with a set of parameters, each naming its field, checked the
 * same way on the form, in the validate action and in the backend. Values
 * are checked as untrusted input: a value of the wrong type, a newline, or
 * YAML structure where a plain value belongs is a problem, not a crash.
 *
 * @public
 */
export function validateNewPipeline(
  input: unknown,
  context: NewPipelineContext = {},
): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const values = (input && typeof input === 'object' ? input : {}) as Partial<
    Record<keyof NewPipelineParameters, unknown>
  >;
  const add = (field: string, message: string) =>
    problems.push({ field, message });

  const singleLine = (
    field: string,
    value: string,
    options: { max?: number; prose?: boolean } = {},
  ): boolean => {
    // eslint-disable-next-line no-control-regex
    if (/[\x00-\x1f\x7f]/.test(value)) {
      add(field, `${field} must be a single line without control characters`);
      return false;
    }
    if (options.max !== undefined && value.length > options.max) {
      add(field, `${field} must be at most ${options.max} characters`);
      return false;
    }
    if (
      options.prose &&
      (YAML_INDICATOR_START.test(value) || YAML_STRUCTURE.test(value))
    ) {
      add(
        field,
        `${field} must be plain text, not YAML (no leading "-", "{", "[", "|", no "key: value")`,
      );
      return false;
    }
    return true;
  };
  /** A required single-line string; returns it when it is one. */
  const text = (
    field: keyof NewPipelineParameters,
    options: { required?: boolean; max?: number; prose?: boolean } = {},
  ): string | undefined => {
    const value = values[field];
    if (value === undefined || value === null || value === '') {
      if (options.required !== false) add(field, `${field} is required`);
      return undefined;
    }
    if (typeof value !== 'string') {
      add(field, `${field} must be text`);
      return undefined;
    }
    return singleLine(field, value, options) ? value : undefined;
  };
  const matches = (
    field: string,
    value: string | undefined,
    pattern: RegExp,
    message: string,
  ) => {
    if (value !== undefined && !pattern.test(value)) add(field, message);
  };
  const integer = (
    field: keyof NewPipelineParameters,
    min: number,
    max: number,
  ): number | undefined => {
    const value = values[field];
    if (value === undefined || value === null || value === '') {
      add(field, `${field} is required`);
      return undefined;
    }
    if (typeof value !== 'number' || !Number.isInteger(value)) {
      add(field, `${field} must be a whole number`);
      return undefined;
    }
    if (value < min || value > max) {
      add(field, `${field} must be between ${min} and ${max}`);
      return undefined;
    }
    return value;
  };
  const oneOf = (
    field: keyof NewPipelineParameters,
    allowed: readonly string[],
  ) => {
    const value = values[field];
    if (typeof value !== 'string' || !allowed.includes(value)) {
      add(field, `${field} must be one of ${allowed.join(', ')}`);
      return undefined;
    }
    return value;
  };

  // About
  const name = text('name', { max: 45 });
  matches(
    'name',
    name,
    DNS_LABEL,
    'name must start with a letter and hold only lowercase letters, digits and "-" (a DNS-1035 label)',
  );
  text('description', { max: 400, prose: true });
  matches(
    'owner',
    text('owner', { max: 253 }),
    GROUP_REF,
    'owner must be a Group entity ref, like group:default/team-payments',
  );
  matches(
    'system',
    text('system', { required: false, max: 253 }),
    /^([a-z]+:)?([a-z0-9][-a-z0-9_.]*\/)?[a-zA-Z0-9][-a-zA-Z0-9_.]*$/,
    'system must be a System entity ref or name',
  );

  // Where
  const clusters = context.clusters;
  const cluster = text('cluster', { max: 100 });
  if (
    cluster !== undefined &&
    clusters &&
    !clusters.some(c => c.name === cluster)
  ) {
    add(
      'cluster',
      `cluster '${cluster}' is not one of the configured clusters (${clusters
        .map(c => c.name)
        .join(', ')})`,
    );
  }
  const namespace = text('namespace', { max: 63 });
  matches(
    'namespace',
    namespace,
    NAMESPACE,
    'namespace must hold only lowercase letters, digits and "-" (a DNS-1123 label)',
  );

  // Source
  const msk = text('mskCluster', { max: 64 });
  if (msk !== undefined && clusters) {
    // Several clusters may read one MSK cluster: name each once.
    const known = [
      ...new Set(clusters.map(c => c.mskClusterName).filter(Boolean)),
    ];
    const forCluster = clusters.find(c => c.name === cluster)?.mskClusterName;
    if (!known.includes(msk)) {
      add(
        'mskCluster',
        `mskCluster '${msk}' is not a configured MSK cluster (${known.join(
          ', ',
        )})`,
      );
    } else if (forCluster && forCluster !== msk) {
      add(
        'mskCluster',
        `mskCluster must be '${forCluster}': cluster '${cluster}' reads lag from that MSK cluster, not '${msk}'`,
      );
    }
  }
  const topics = values.topics;
  if (!Array.isArray(topics) || topics.length === 0) {
    add('topics', 'topics must list at least one topic');
  } else {
    topics.forEach((topic, i) => {
      const field = `topics[${i}]`;
      if (typeof topic !== 'string' || topic === '') {
        add(field, `${field} must be a topic name`);
      } else if (singleLine(field, topic, { max: 249 })) {
        matches(
          field,
          topic,
          KAFKA_TOPIC,
          `${field} may hold only letters, digits, ".", "_" and "-"`,
        );
      }
    });
  }
  const group = text('consumerGroup', { max: 255 });
  if (group !== undefined) {
    if (group.includes(':')) {
      add(
        'consumerGroup',
        'consumerGroup must not contain ":" (MSK publishes no lag metrics for such groups)',
      );
    } else {
      matches(
        'consumerGroup',
        group,
        CONSUMER_GROUP,
        'consumerGroup must be printable ASCII without spaces',
      );
    }
  }
  oneOf('startingOffsets', ['committed', 'earliest', 'latest']);
  const partitions = integer('partitions', 1, 10_000);

  // Processing
  matches(
    'jarUri',
    text('jarUri', { max: 1024 }),
    JAR_URI,
    'jarUri must be a local://, s3:// or https:// URI of a .jar file',
  );
  matches(
    'image',
    text('image', { required: false, max: 255 }),
    IMAGE,
    'image must be a container image reference, like registry/flink-job:1.2.0',
  );
  matches(
    'entryClass',
    text('entryClass', { max: 255 }),
    JAVA_CLASS,
    'entryClass must be a fully qualified Java class name, like com.example.Main',
  );
  const args = values.args;
  if (args !== undefined && args !== null) {
    if (!Array.isArray(args)) {
      add('args', 'args must be a list of arguments');
    } else {
      args.forEach((arg, i) => {
        const field = `args[${i}]`;
        if (typeof arg !== 'string') add(field, `${field} must be text`);
        else singleLine(field, arg, { max: 1000, prose: true });
      });
    }
  }
  oneOf('flinkVersion', SUPPORTED_FLINK_VERSIONS);
  oneOf('taskManagerSize', Object.keys(TASK_MANAGER_SIZES));
  const initial = integer('parallelism', 1, 1000);
  const min = integer('minParallelism', 1, 1000);
  const max = integer('maxParallelism', 1, 1000);
  if (min !== undefined && max !== undefined && min > max) {
    add('minParallelism', 'minParallelism must not be above maxParallelism');
  }
  if (initial !== undefined && min !== undefined && initial < min) {
    add('parallelism', 'parallelism must not be below minParallelism');
  }
  if (initial !== undefined && max !== undefined && initial > max) {
    add('parallelism', 'parallelism must not be above maxParallelism');
  }
  if (max !== undefined && partitions !== undefined && max > partitions) {
    add(
      'maxParallelism',
      `maxParallelism (${max}) must not be above the source's ${partitions} partitions: the extra subtasks would sit idle`,
    );
  }
  if (typeof values.autoscaler !== 'boolean') {
    add('autoscaler', 'autoscaler must be on or off');
  }
  const target = values.utilizationTarget;
  if (typeof target !== 'number' || !(target > 0 && target <= 1)) {
    add('utilizationTarget', 'utilizationTarget must be above 0 and at most 1');
  }
  integer('lagTargetSeconds', 1, 86_400);

  // Sink
  const hec = text('hecEndpoint', { max: 2048 });
  if (hec !== undefined) {
    let url: URL | undefined;
    try {
      url = new URL(hec);
    } catch {
      add(
        'hecEndpoint',
        'hecEndpoint must be a URL, like https://hec.example.com:8088',
      );
    }
    if (url && url.protocol !== 'https:') {
      add(
        'hecEndpoint',
        'hecEndpoint must use https: the HEC token would travel in clear over http',
      );
    } else if (url && (url.username || url.password || url.search)) {
      add(
        'hecEndpoint',
        'hecEndpoint must not carry credentials or a query string',
      );
    }
  }
  matches(
    'splunkIndex',
    text('splunkIndex', { max: 80 }),
    SPLUNK_NAME,
    'splunkIndex may hold only lowercase letters, digits, "_" and "-"',
  );
  matches(
    'splunkSourcetype',
    text('splunkSourcetype', { max: 100 }),
    SOURCETYPE,
    'splunkSourcetype may hold only letters, digits, "_", ":", "." and "-"',
  );
  const secret = text('hecTokenSecret', { max: 2048 });
  if (secret !== undefined) {
    if (SECRET_ARN.test(secret)) {
      // An ARN is a reference by construction.
    } else if (LOOKS_LIKE_TOKEN.some(p => p.test(secret))) {
      // Never echo the value: it may be the token.
      add(
        'hecTokenSecret',
        'hecTokenSecret looks like a token itself; give the name or ARN of the AWS Secrets Manager secret that holds it',
      );
    } else if (!SECRET_NAME.test(secret) || secret.length > 512) {
      add(
        'hecTokenSecret',
        'hecTokenSecret must be the name or ARN of a secret in AWS Secrets Manager, like streaming/payments/splunk-hec',
      );
    }
  }

  // Capacity and resilience
  oneOf('capacityProfile', ['spot-first', 'on-demand']);
  integer('checkpointIntervalSeconds', 10, 3600);
  matches(
    'checkpointS3Path',
    text('checkpointS3Path', { max: 1024 }),
    S3_PATH,
    'checkpointS3Path must be an s3://bucket/prefix path',
  );
  oneOf('upgradeMode', ['savepoint', 'last-state', 'stateless']);

  // Delivery
  matches(
    'gitOpsRepoUrl',
    text('gitOpsRepoUrl', { required: false, max: 300 }),
    REPO_URL,
    'gitOpsRepoUrl must name a repository as host?owner=…&repo=…, like github.com?owner=platform&repo=streaming-pipelines',
  );

  return problems;
}
