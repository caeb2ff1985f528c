import {
  Entity,
  FieldFormatEntityPolicy,
  componentEntityV1alpha1Validator,
  entitySchemaValidator,
} from '@backstage/catalog-model';
import {
  FLINK_DEPLOYMENT_ANNOTATIONS,
  JOB_MANAGER_SIZE,
  STREAMING_PIPELINE_ANNOTATION,
  STREAMING_PIPELINE_COMPONENT_TYPE,
  TASK_MANAGER_SIZES,
  TEAM_LABEL,
  defaultFlinkImage,
  parsePipelineRef,
  stringifyPipelineRef,
  validateNewPipeline,
} from '@internal/backstage-plugin-streaming-platform-common';
import { parse } from 'yaml';
import { backstageSchemaValidator } from './__testUtils__/backstageSchemas';
import { kubeObjectProblems } from './__testUtils__/kubeObjects';
import {
  EMULATOR_CLUSTERS,
  PARAMETER_SETS,
} from './__testUtils__/parameterSets';
import { flinkDeploymentCrdFile } from './__testUtils__/paths';
import { renderPipeline } from './__testUtils__/renderPipeline';
import {
  loadCrdSchema,
  structuralValidator,
  unknownFields,
} from './__testUtils__/structuralSchema';

const GENERATED_FILES = [
  'catalog-info.yaml',
  'deploy/externalsecret.yaml',
  'deploy/flinkdeployment.yaml',
  'deploy/kustomization.yaml',
  'deploy/poddisruptionbudget.yaml',
  'deploy/serviceaccount.yaml',
  'docs/index.md',
  'mkdocs.yml',
];

const crdSchema = loadCrdSchema(flinkDeploymentCrdFile(), 'v1beta1');
const validateFlinkDeployment = structuralValidator(crdSchema);
const validateComponent = backstageSchemaValidator(
  'Component.v1alpha1.schema.json',
);

const teamOf = (owner: string) => owner.split('/').pop()!;

describe.each(PARAMETER_SETS)('the skeleton, $title', ({ parameters }) => {
  let files: Map<string, string>;
  const yamlFile = (path: string) => {
    const text = files.get(path);
    if (text === undefined) throw new Error(`${path} was not generated`);
    return parse(text);
  };

  beforeAll(async () => {
    files = await renderPipeline(parameters);
  });

  it('starts from parameters validateNewPipeline accepts', () => {
    expect(
      validateNewPipeline(parameters, { clusters: EMULATOR_CLUSTERS }),
    ).toEqual([]);
  });

  it('generates the pipeline repository, every template rendered', () => {
    expect([...files.keys()].sort()).toEqual(GENERATED_FILES);
    for (const [path, text] of files) {
      expect([path, /\$\{\{|\{%|%\}|\{#/.test(text)]).toEqual([path, false]);
    }
  });

  it('writes YAML that means the same to Kubernetes (YAML 1.1) as to Backstage (1.2)', () => {
    for (const [path, text] of files) {
      if (!/\.ya?ml$/.test(path)) continue;
      // Duplicate keys are errors: a value must never add or override one.
      expect(parse(text, { version: '1.1' })).toEqual(parse(text));
    }
  });

  describe('deploy/flinkdeployment.yaml', () => {
    let object: any;
    beforeAll(() => {
      object = yamlFile('deploy/flinkdeployment.yaml');
    });

    it('is a FlinkDeployment the CRD of operator 1.15 accepts, with no field a server would prune', () => {
      expect(object).toMatchObject({
        apiVersion: 'flink.apache.org/v1beta1',
        kind: 'FlinkDeployment',
        metadata: { name: parameters.name, namespace: parameters.namespace },
      });
      expect(validateFlinkDeployment(object)).toEqual([]);
      expect(unknownFields(object, crdSchema)).toEqual([]);
      expect(kubeObjectProblems(object)).toEqual([]);
    });

    it('carries the labels and annotations the backend reads', () => {
      expect(object.metadata.labels).toMatchObject({
        [TEAM_LABEL]: teamOf(parameters.owner),
        'backstage.io/kubernetes-id': parameters.name,
        'app.kubernetes.io/name': parameters.name,
      });
      expect(object.metadata.annotations).toMatchObject({
        [FLINK_DEPLOYMENT_ANNOTATIONS.lagTargetSeconds]: String(
          parameters.lagTargetSeconds,
        ),
        [FLINK_DEPLOYMENT_ANNOTATIONS.sourceTopic]: parameters.topics[0],
        [FLINK_DEPLOYMENT_ANNOTATIONS.consumerGroup]: parameters.consumerGroup,
        [FLINK_DEPLOYMENT_ANNOTATIONS.mskCluster]: parameters.mskCluster,
      });
    });

    it('runs the chosen image and Flink version', () => {
      expect(object.spec.flinkVersion).toBe(parameters.flinkVersion);
      expect(object.spec.image).toBe(
        parameters.image ?? defaultFlinkImage(parameters.flinkVersion),
      );
      expect(object.spec.serviceAccount).toBe(
        yamlFile('deploy/serviceaccount.yaml').metadata.name,
      );
    });

    it('configures Flink with strings only: slots, checkpoints on S3, the source and the sink', () => {
      const conf = object.spec.flinkConfiguration;
      for (const value of Object.values(conf)) {
        expect(typeof value).toBe('string');
      }
      const storage = parameters.checkpointS3Path.replace(/\/+$/, '');
      expect(conf).toMatchObject({
        'taskmanager.numberOfTaskSlots': String(
          TASK_MANAGER_SIZES[parameters.taskManagerSize].taskSlots,
        ),
        'execution.checkpointing.interval': `${parameters.checkpointIntervalSeconds}s`,
        'state.checkpoints.dir': `${storage}/checkpoints`,
        'state.savepoints.dir': `${storage}/savepoints`,
        'high-availability.type': 'kubernetes',
        'high-availability.storageDir': `${storage}/ha`,
        'kafka.source.topic': parameters.topics.join(';'),
        'kafka.source.group-id': parameters.consumerGroup,
        'kafka.source.starting-offsets': parameters.startingOffsets,
        'splunk.hec.endpoint': parameters.hecEndpoint,
        'splunk.hec.index': parameters.splunkIndex,
        'splunk.hec.sourcetype': parameters.splunkSourcetype,
        'splunk.hec.token': '${SPLUNK_HEC_TOKEN}',
      });
    });

    it('turns the autoscaler on or off, with the bounds of the form', () => {
      const conf = object.spec.flinkConfiguration;
      const autoscaler = Object.fromEntries(
        Object.entries(conf).filter(([key]) =>
          key.startsWith('job.autoscaler.'),
        ),
      );
      expect(autoscaler).toEqual(
        parameters.autoscaler
          ? {
              'job.autoscaler.enabled': 'true',
              'job.autoscaler.utilization.target': String(
                parameters.utilizationTarget,
              ),
              'job.autoscaler.vertex.min-parallelism': String(
                parameters.minParallelism,
              ),
              'job.autoscaler.vertex.max-parallelism': String(
                parameters.maxParallelism,
              ),
            }
          : { 'job.autoscaler.enabled': 'false' },
      );
      expect(object.spec.job).toMatchObject({
        jarURI: parameters.jarUri,
        entryClass: parameters.entryClass,
        parallelism: parameters.parallelism,
        upgradeMode: parameters.upgradeMode,
        state: 'running',
      });
      expect(object.spec.job.args).toEqual(parameters.args);
    });

    it('sizes the JobManager and the TaskManagers from the presets', () => {
      const tm = TASK_MANAGER_SIZES[parameters.taskManagerSize];
      expect(object.spec.taskManager.resource).toEqual({
        cpu: tm.cpuCores,
        memory: `${tm.memoryGiB * 1024}m`,
      });
      expect(object.spec.jobManager.resource).toEqual({
        cpu: JOB_MANAGER_SIZE.cpuCores,
        memory: `${JOB_MANAGER_SIZE.memoryGiB * 1024}m`,
      });
      expect(object.spec.jobManager.replicas).toBe(1);
    });

    it('keeps the JobManager on on-demand, undisrupted', () => {
      const pod = object.spec.jobManager.podTemplate;
      expect(pod.spec.nodeSelector).toEqual({
        'karpenter.sh/capacity-type': 'on-demand',
      });
      expect(pod.metadata.annotations).toEqual({
        'karpenter.sh/do-not-disrupt': 'true',
      });
    });

    it('places the TaskManagers by the capacity profile', () => {
      const { affinity, nodeSelector } =
        object.spec.taskManager.podTemplate.spec;
      const spotFirst = {
        affinity: {
          nodeAffinity: {
            preferredDuringSchedulingIgnoredDuringExecution: [
              {
                weight: 100,
                preference: {
                  matchExpressions: [
                    {
                      key: 'karpenter.sh/capacity-type',
                      operator: 'In',
                      values: ['spot'],
                    },
                  ],
                },
              },
            ],
          },
        },
        nodeSelector: undefined,
      };
      const onDemand = {
        affinity: undefined,
        nodeSelector: { 'karpenter.sh/capacity-type': 'on-demand' },
      };
      expect({ affinity, nodeSelector }).toEqual(
        parameters.capacityProfile === 'spot-first' ? spotFirst : onDemand,
      );
    });

    it('labels every pod for the portal', () => {
      for (const component of ['jobManager', 'taskManager']) {
        expect(object.spec[component].podTemplate.metadata.labels).toEqual({
          'app.kubernetes.io/part-of': 'streaming-platform',
          'backstage.io/kubernetes-id': parameters.name,
          [TEAM_LABEL]: teamOf(parameters.owner),
        });
      }
    });

    it('gives only the TaskManagers the HEC token, from the ExternalSecret', () => {
      const secret = yamlFile('deploy/externalsecret.yaml');
      const [container] = object.spec.taskManager.podTemplate.spec.containers;
      expect(container).toEqual({
        name: 'flink-main-container',
        env: [
          {
            name: 'SPLUNK_HEC_TOKEN',
            valueFrom: {
              secretKeyRef: {
                name: secret.spec.target.name,
                key: secret.spec.data[0].secretKey,
              },
            },
          },
        ],
      });
      expect(
        object.spec.jobManager.podTemplate.spec.containers,
      ).toBeUndefined();
    });
  });

  it('deploy/serviceaccount.yaml is a ServiceAccount with an IRSA role', () => {
    const account = yamlFile('deploy/serviceaccount.yaml');
    expect(kubeObjectProblems(account)).toEqual([]);
    expect(account).toEqual({
      apiVersion: 'v1',
      kind: 'ServiceAccount',
      metadata: {
        name: parameters.name,
        namespace: parameters.namespace,
        labels: expect.objectContaining({
          [TEAM_LABEL]: teamOf(parameters.owner),
        }),
        annotations: {
          'eks.amazonaws.com/role-arn': `arn:aws:iam::000000000000:role/flink-${parameters.namespace}-${parameters.name}`,
        },
      },
    });
    expect(account.metadata.annotations['eks.amazonaws.com/role-arn']).toMatch(
      /^arn:aws:iam::\d{12}:role\/[\w+=,.@-]{1,64}$/,
    );
  });

  it('deploy/externalsecret.yaml copies the HEC token from Secrets Manager', () => {
    const secret = yamlFile('deploy/externalsecret.yaml');
    expect(kubeObjectProblems(secret)).toEqual([]);
    expect(secret).toMatchObject({
      apiVersion: 'external-secrets.io/v1beta1',
      kind: 'ExternalSecret',
      metadata: {
        name: `${parameters.name}-splunk-hec`,
        namespace: parameters.namespace,
      },
    });
    expect(secret.spec).toEqual({
      refreshInterval: '1h',
      secretStoreRef: {
        kind: 'ClusterSecretStore',
        name: 'aws-secrets-manager',
      },
      target: {
        name: `${parameters.name}-splunk-hec`,
        creationPolicy: 'Owner',
      },
      data: [
        {
          secretKey: 'hec-token',
          remoteRef: { key: parameters.hecTokenSecret },
        },
      ],
    });
  });

  it('deploy/poddisruptionbudget.yaml guards the JobManager the operator labels', () => {
    const budget = yamlFile('deploy/poddisruptionbudget.yaml');
    expect(kubeObjectProblems(budget)).toEqual([]);
    expect(budget).toMatchObject({
      apiVersion: 'policy/v1',
      kind: 'PodDisruptionBudget',
      metadata: { namespace: parameters.namespace },
    });
    expect(budget.spec).toEqual({
      minAvailable: 1,
      unhealthyPodEvictionPolicy: 'AlwaysAllow',
      // Native mode labels the JobManager pod app=<name>, component=jobmanager.
      selector: {
        matchLabels: { app: parameters.name, component: 'jobmanager' },
      },
    });
  });

  it('deploy/kustomization.yaml lists every manifest of deploy/', () => {
    const kustomization = yamlFile('deploy/kustomization.yaml');
    expect(kustomization).toMatchObject({
      apiVersion: 'kustomize.config.k8s.io/v1beta1',
      kind: 'Kustomization',
    });
    const manifests = [...files.keys()]
      .filter(p => p.startsWith('deploy/') && p !== 'deploy/kustomization.yaml')
      .map(p => p.slice('deploy/'.length));
    expect([...kustomization.resources].sort()).toEqual(manifests.sort());
  });

  it('catalog-info.yaml is a streaming-pipeline Component linked to its FlinkDeployment', async () => {
    const entity: Entity = yamlFile('catalog-info.yaml');
    // Without shared/reference, the installed catalog-model's checks below.
    expect(validateComponent?.(entity) ?? []).toEqual([]);
    expect(entitySchemaValidator()(entity)).toBeTruthy();
    await expect(componentEntityV1alpha1Validator.check(entity)).resolves.toBe(
      true,
    );
    await expect(
      new FieldFormatEntityPolicy().enforce(entity),
    ).resolves.toBeDefined();

    const ref = {
      cluster: parameters.cluster,
      namespace: parameters.namespace,
      name: parameters.name,
    };
    expect(entity.metadata).toEqual({
      name: parameters.name,
      description: parameters.description,
      annotations: {
        [STREAMING_PIPELINE_ANNOTATION]: stringifyPipelineRef(ref),
        'backstage.io/kubernetes-id': parameters.name,
        'backstage.io/kubernetes-namespace': parameters.namespace,
        'backstage.io/techdocs-ref': 'dir:.',
      },
      tags: ['flink', 'kafka', 'splunk'],
    });
    expect(
      parsePipelineRef(
        entity.metadata.annotations![STREAMING_PIPELINE_ANNOTATION],
      ),
    ).toEqual(ref);
    expect(entity.spec).toEqual({
      type: STREAMING_PIPELINE_COMPONENT_TYPE,
      lifecycle: 'experimental',
      owner: parameters.owner,
      ...(parameters.system ? { system: parameters.system } : {}),
    });
  });

  it('documents the pipeline for TechDocs, with its runbook', () => {
    expect(yamlFile('mkdocs.yml')).toEqual({
      site_name: parameters.name,
      site_description: parameters.description,
      nav: [{ Runbook: 'index.md' }],
      plugins: ['techdocs-core'],
    });
    const runbook = files.get('docs/index.md')!;
    for (const heading of [
      `# ${parameters.name} — runbook`,
      '## Where to see it in the portal',
      '## Scaling',
      '## Rolling back with savepoints',
      '## Spot interruptions',
      '## Rotating the Splunk HEC token',
    ]) {
      expect(runbook).toContain(`\n${heading}\n`.trimStart());
    }
    expect(runbook).toContain(
      `\`${parameters.cluster}/${parameters.namespace}/${parameters.name}\``,
    );
  });
});
