import { kubeObjectProblems } from './__testUtils__/kubeObjects';
import { flinkDeploymentCrdFile } from './__testUtils__/paths';
import {
  loadCrdSchema,
  structuralValidator,
  unknownFields,
} from './__testUtils__/structuralSchema';

// The checks the skeleton tests rely on must fail where a server would.
describe('checking objects against the FlinkDeployment CRD', () => {
  const schema = loadCrdSchema(flinkDeploymentCrdFile(), 'v1beta1');
  const validate = structuralValidator(schema);
  const valid = () => ({
    apiVersion: 'flink.apache.org/v1beta1',
    kind: 'FlinkDeployment',
    metadata: { name: 'orders', namespace: 'shop', labels: { a: 'b' } },
    spec: {
      flinkVersion: 'v1_20',
      flinkConfiguration: { 'any.key': 'value' },
      jobManager: { resource: { cpu: 1, memory: '2048m' } },
      taskManager: {
        podTemplate: {
          spec: {
            containers: [{ name: 'flink-main-container', envFrom: [] }],
          },
        },
      },
      job: { jarURI: 'local:///job.jar', upgradeMode: 'savepoint' },
    },
  });

  it('accepts a valid object, and free-form Flink configuration', () => {
    expect(validate(valid())).toEqual([]);
    expect(unknownFields(valid(), schema)).toEqual([]);
    expect(kubeObjectProblems(valid())).toEqual([]);
  });

  it('reports the fields a server would prune, by path', () => {
    const object: any = valid();
    object.metadata.label = {};
    object.spec.job.jarUri = 'misspelt';
    object.spec.taskManager.podTemplate.spec.containers[0].evn = [];
    object.spec.taskManager.podTemplate.spec.nodeSelector = { a: 'b' };
    expect(unknownFields(object, schema)).toEqual([
      'metadata.label',
      'spec.taskManager.podTemplate.spec.containers[0].evn',
      'spec.job.jarUri',
    ]);
  });

  it('reports types and enums the schema rejects', () => {
    const object: any = valid();
    object.spec.flinkVersion = 'v9_9';
    object.spec.jobManager.resource.cpu = '1';
    expect(validate(object)).toEqual([
      '/spec/flinkVersion must be equal to one of the allowed values',
      '/spec/jobManager/resource/cpu must be number',
    ]);
  });

  it('reports metadata an API server rejects', () => {
    const object: any = valid();
    object.metadata.name = 'Orders';
    object.metadata.labels = { 'team/x': 'a b', ok: 'fine' };
    object.metadata.annotations = { count: 3 };
    expect(kubeObjectProblems(object)).toEqual([
      'metadata.name "Orders" is not a DNS subdomain',
      'label team/x: "a b" is not a label value',
      'annotation count must be a string',
    ]);
  });
});
