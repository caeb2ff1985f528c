import { findCrdFile, loadCrdVersion } from '../../kube/crds';
import { JsonObject } from '../../kube/json';
import { KubeObject } from '../../kube/types';
import { CustomResourceSchema } from '../../kube/validation';

const CRDS = [
  ['karpenter.sh_nodepools.yaml', 'v1'],
  ['karpenter.sh_nodeclaims.yaml', 'v1'],
  ['karpenter.k8s.aws_ec2nodeclasses.yaml', 'v1'],
  ['flinkdeployments.flink.apache.org-v1.yml', 'v1beta1'],
] as const;

/**
 * Checks objects against the upstream CRDs as an API server would: fields
 * the schema does not know (which a server would prune) and schema
 * violations. CEL x-kubernetes-validations are not evaluated.
 */
export function crdValidators(): (object: KubeObject) => string[] {
  const schemas = new Map<string, CustomResourceSchema>();
  for (const [file, version] of CRDS) {
    const crd = loadCrdVersion(findCrdFile(file), version);
    schemas.set(
      `${crd.group}/${crd.version}/${crd.kind}`,
      CustomResourceSchema.of(crd.schema),
    );
  }
  return object => {
    const label = `${object.kind} ${object.metadata.name}`;
    const schema = schemas.get(`${object.apiVersion}/${object.kind}`);
    if (!schema) return [`${label}: no CRD for ${object.apiVersion}`];
    const json = object as unknown as JsonObject;
    const { unknownFields } = schema.prune(json);
    return [
      ...unknownFields.map(field => `${label}: unknown field ${field}`),
      ...schema.validate(json).map(e => `${label}: ${JSON.stringify(e)}`),
    ];
  };
}
