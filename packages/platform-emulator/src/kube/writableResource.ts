import { CustomResourceDefinitionVersion } from './crds';
import { JsonObject } from './json';
import { metadataOf } from './objectMeta';
import { FieldError } from './status';
import { ResourceType, servedResourceType } from './types';
import {
  CustomResourceSchema,
  dnsSubdomainProblem,
  validateObjectMeta,
} from './validation';

/**
 * What the API server needs to take writes of one resource: how it is
 * served, its structural schema, and the rules of its kind — a CRD's, or
 * the registry strategy and validation of a built-in kind.
 */
export interface WritableResource {
  /** As served (and listed in discovery): one of RESOURCE_TYPES. */
  type: ResourceType;
  /** The structural schema objects are pruned, defaulted and type-checked with. */
  schema: CustomResourceSchema;
  /** With a status subresource, writes to the main resource leave `status` alone. */
  hasStatusSubresource: boolean;
  /**
   * Built-in kinds are decoded into Go structs, so a value of the wrong JSON
   * type fails decoding (400 BadRequest) instead of validation (422).
   */
  builtIn: boolean;
  /** Whether an update may leave out `metadata.resourceVersion` (the strategy's AllowUnconditionalUpdate). */
  allowUnconditionalUpdate: boolean;
  /** Why a name (or generateName) is not allowed for this kind, or undefined. */
  nameProblem(name: string): string | undefined;
  /**
   * The rules an object about to be stored breaks, as the 422 names them:
   * ObjectMeta's and the schema's for a custom resource, the kind's
   * validation for a built-in one (whose types decoding has checked).
   */
  validate(object: JsonObject): FieldError[];
  /** What the server sets on create, in place (a strategy's PrepareForCreate). */
  prepareForCreate?(object: JsonObject): void;
  /** What the server changes on update, in place (a strategy's PrepareForUpdate). */
  prepareForUpdate?(object: JsonObject, existing: JsonObject): void;
}

/** A custom resource: everything follows from its CRD's served version. */
export function customResource(
  crd: CustomResourceDefinitionVersion,
): WritableResource {
  const schema = CustomResourceSchema.of(crd.schema);
  return {
    type: servedResourceType(`${crd.group}/${crd.version}/${crd.plural}`),
    schema,
    hasStatusSubresource: crd.hasStatusSubresource,
    builtIn: false,
    // Custom resources do not allow unconditional updates.
    allowUnconditionalUpdate: false,
    nameProblem: dnsSubdomainProblem,
    validate: object => [
      ...validateObjectMeta(metadataOf(object)),
      ...schema.validate(object),
    ],
  };
}
