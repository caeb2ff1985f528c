import Ajv from 'ajv';
import { readFileSync } from 'node:fs';
import { findReferenceFile } from './paths';

// Every kind schema refers to these by their $id ("Entity", "EntityMeta",
// "common#…"), so ajv must know them first.
const SHARED = [
  'Entity.schema.json',
  'EntityMeta.schema.json',
  'common.schema.json',
];

const readJson = (path: string) => JSON.parse(readFileSync(path, 'utf8'));

/**
 * A validator for one kind schema of shared/reference/backstage (e.g.
 * `Component.v1alpha1.schema.json`), returning one message per violation;
 * undefined without a reference folder (the installed packages' own
 * validators still run then).
 */
export function backstageSchemaValidator(
  kindSchemaFile: string,
): ((entity: unknown) => string[]) | undefined {
  const kindSchema = findReferenceFile('backstage', kindSchemaFile);
  if (!kindSchema) {
    return undefined;
  }
  const ajv = new Ajv({ allErrors: true, strict: false });
  for (const file of SHARED) {
    ajv.addSchema(readJson(findReferenceFile('backstage', file)!));
  }
  const validate = ajv.compile(readJson(kindSchema));
  return entity =>
    validate(entity)
      ? []
      : (validate.errors ?? []).map(
          e => `${e.instancePath || '/'} ${e.message}`,
        );
}
