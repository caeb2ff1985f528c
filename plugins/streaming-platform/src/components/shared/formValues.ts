type Values = Record<string, unknown>;

/**
 * What the field's props offer for reading the form, as far as it is read
 * here: rjsf's `formContext` and the `registry` with the step's schema.
 */
export interface FormAccess {
  formContext?: { formData?: unknown };
  registry?: {
    rootSchema?: object;
    schemaUtils?: {
      getDefaultFormState(schema: object, formData?: object): unknown;
    };
  };
}

const isValues = (value: unknown): value is Values =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * The form's values as the user sees them. The scaffolder's stepper (in
 * `@backstage/plugin-scaffolder-react` 2.1) hands every field
 * `formContext.formData`: the values of all pages so far, flat, the way the
 * built-in RepoBranchPicker reads `repoUrl`. A default of the current page
 * reaches it only when rjsf next reports a change; until then the page's
 * schema fills it in, so a preselected capacity profile counts at once. A
 * change to another field of the same page reaches it with rjsf's change.
 * Shared by the form's field extensions.
 */
export function formValues(props: FormAccess): Values {
  const data = props.formContext?.formData;
  const values = isValues(data) ? data : {};
  const { schemaUtils, rootSchema } = props.registry ?? {};
  if (!schemaUtils || !rootSchema) return values;
  try {
    const withDefaults = schemaUtils.getDefaultFormState(rootSchema, values);
    return isValues(withDefaults) ? { ...withDefaults, ...values } : values;
  } catch {
    // A schema the defaults cannot be read from: the values as they are.
    return values;
  }
}
