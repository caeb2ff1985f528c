import { FieldExtensionComponentProps } from '@backstage/plugin-scaffolder-react';
import TextField from '@material-ui/core/TextField';
import { useEffect, useRef, useState } from 'react';
import { FormAccess, formValues } from '../shared';
import { consumerGroupProblem, proposedConsumerGroup } from './consumerGroup';

type Props = FieldExtensionComponentProps<string>;

/**
 * The last value each field (by its rjsf id) proposed. The stepper mounts a
 * page's fields afresh whenever the user comes back to the page: a value the
 * field proposed itself is not the user's, and follows a name changed on the
 * About page in the meantime; any other value is the user's and stays.
 */
const lastProposed = new Map<string, string>();

/**
 * Whether the user has typed a value of their own: state, because an edit
 * is what the user did, not something the values say.
 */
function useEdited(
  id: string,
  value: string | undefined,
  proposal: string | undefined,
) {
  return useState(
    () => !!value && value !== proposal && value !== lastProposed.get(id),
  );
}

/**
 * The scaffolder field `StreamingPipelineConsumerGroup`: the Kafka consumer
 * group of the "New Flink streaming pipeline" form. Until the user types in
 * it, it follows `<namespace>.<name>` (`defaultConsumerGroup` of -common)
 * from the form's values, the namespace beside it on the same page included;
 * once the user edits it, it keeps the user's value, and clearing it follows
 * again. A group the rules refuse shows their message at once; the field's
 * validation keeps the user on the page with it.
 */
export function StreamingPipelineConsumerGroup(props: Props) {
  const {
    schema,
    uiSchema,
    idSchema,
    formData,
    onChange,
    required,
    disabled,
    readonly,
    rawErrors = [],
  } = props;
  const id = idSchema?.$id ?? '';
  // rjsf types the registry by this field's value, a string; its schemaUtils
  // are the whole form's, and read the form's values.
  const proposal = proposedConsumerGroup(formValues(props as FormAccess));
  const [edited, setEdited] = useEdited(id, formData, proposal);

  const latest = useRef(props);
  latest.current = props;
  useEffect(() => {
    if (edited) return;
    if (proposal !== undefined) lastProposed.set(id, proposal);
    const current = latest.current.formData || undefined;
    if (current !== proposal) latest.current.onChange(proposal);
  }, [edited, proposal, id]);

  const handleChange = (value: string) => {
    if (value === '') {
      // Cleared: the proposal again, and from now on.
      setEdited(false);
      onChange(proposal);
      return;
    }
    setEdited(true);
    onChange(value);
  };

  const problem = consumerGroupProblem(formData);
  const description = uiSchema?.['ui:description'] ?? schema.description;
  return (
    <TextField
      id={id || undefined}
      label={schema.title ?? 'Consumer group'}
      required={required}
      disabled={disabled}
      value={formData ?? ''}
      onChange={event => handleChange(event.target.value)}
      margin="normal"
      error={!!problem || rawErrors.length > 0}
      helperText={problem ?? description}
      InputProps={{ readOnly: readonly }}
      inputProps={{
        autoFocus: uiSchema?.['ui:autofocus'],
        autoComplete: 'off',
        spellCheck: false,
      }}
      FormHelperTextProps={{ margin: 'dense', style: { marginLeft: 0 } }}
    />
  );
}
