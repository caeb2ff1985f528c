import Ajv, { ValidateFunction } from 'ajv';
import fs from 'node:fs';
import path from 'node:path';
import YAML from 'yaml';
import { KubeObject } from '../../kube/types';

const CRD_DIR = path.resolve(__dirname, '../../../crds');

/**
 * Validates objects against the upstream CRDs' openAPIV3Schema (structural
 * schema only: CEL x-kubernetes-validations are not evaluated).
 */
export function crdValidators(): (object: KubeObject) => string[] {
  const ajv = new Ajv({
    strict: false,
    allErrors: true,
    validateFormats: false,
    logger: false,
  });
  const validators = new Map<string, ValidateFunction>();
  for (const file of fs.readdirSync(CRD_DIR).filter(f => /\.ya?ml$/.test(f))) {
    const crd = YAML.parse(fs.readFileSync(path.join(CRD_DIR, file), 'utf8'));
    for (const version of crd.spec.versions) {
      const key = `${crd.spec.group}/${version.name}/${crd.spec.names.kind}`;
      validators.set(key, ajv.compile(version.schema.openAPIV3Schema));
    }
  }
  return object => {
    const label = `${object.kind} ${object.metadata.name}`;
    const validate = validators.get(`${object.apiVersion}/${object.kind}`);
    if (!validate) return [`no CRD for ${object.apiVersion} ${object.kind}`];
    if (validate(object)) return [];
    return (validate.errors ?? []).map(
      e => `${label}: ${e.instancePath} ${e.message}`,
    );
  };
}
