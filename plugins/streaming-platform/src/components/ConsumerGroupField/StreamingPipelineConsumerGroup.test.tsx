import { renderInTestApp } from '@backstage/frontend-test-utils';
import { FieldExtensionComponentProps } from '@backstage/plugin-scaffolder-react';
import { act, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useEffect, useState } from 'react';
import { StreamingPipelineConsumerGroup } from './StreamingPipelineConsumerGroup';

/** Lets a test change the form's other values while the field is on screen. */
interface FormControl {
  setValues(change: Record<string, unknown>): void;
}

type Options = {
  /** The form's other values, as the stepper holds them. */
  values?: Record<string, unknown>;
  /** The field's own value when it mounts. */
  value?: string;
  required?: boolean;
  rawErrors?: string[];
};

/**
 * The field as the scaffolder's stepper renders it: the form's values, its
 * own among them, in `formContext.formData`, siblings the test can change.
 */
function FormWithConsumerGroup(
  props: Options & {
    control: FormControl;
    onFieldChange: (value: string | undefined) => void;
  },
) {
  const { control, onFieldChange } = props;
  const [values, setValues] = useState(props.values ?? {});
  const [own, setOwn] = useState(props.value);
  useEffect(() => {
    control.setValues = change => setValues(v => ({ ...v, ...change }));
  }, [control]);
  const fieldProps = {
    name: 'consumerGroup',
    schema: {
      type: 'string',
      title: 'Consumer group',
      description: 'The Kafka consumer group; unique on the MSK cluster.',
    },
    uiSchema: { 'ui:field': 'StreamingPipelineConsumerGroup' },
    idSchema: { $id: 'root_consumerGroup' },
    formData: own,
    formContext: { formData: { ...values, consumerGroup: own } },
    onChange: (value: string | undefined) => {
      setOwn(value);
      onFieldChange(value);
    },
    onBlur: () => {},
    onFocus: () => {},
    required: props.required ?? true,
    disabled: false,
    readonly: false,
    rawErrors: props.rawErrors ?? [],
    // Only what the field reads of rjsf's registry: nothing, here.
    registry: {},
  } as unknown as FieldExtensionComponentProps<string>;
  return <StreamingPipelineConsumerGroup {...fieldProps} />;
}

async function renderField(options: Options = {}) {
  const control: FormControl = { setValues: () => {} };
  const onFieldChange = jest.fn();
  await renderInTestApp(
    <FormWithConsumerGroup
      {...options}
      control={control}
      onFieldChange={onFieldChange}
    />,
  );
  const set = (change: Record<string, unknown>) =>
    act(async () => control.setValues(change));
  return { set, onFieldChange };
}

const group = () => screen.getByRole('textbox', { name: 'Consumer group' });

/** What a user does to write a value of their own: select all, type. */
const replaceWith = (text: string) =>
  userEvent.type(group(), text, {
    initialSelectionStart: 0,
    initialSelectionEnd: (group() as HTMLInputElement).value.length,
  });

describe('StreamingPipelineConsumerGroup', () => {
  it('shows the title, the required mark and the description', async () => {
    await renderField();
    expect(group()).toHaveValue('');
    expect(group()).toBeRequired();
    expect(screen.getByText('*')).toBeInTheDocument();
    expect(group()).toHaveAccessibleDescription(
      'The Kafka consumer group; unique on the MSK cluster.',
    );
    expect(group()).toHaveAttribute('aria-invalid', 'false');
  });

  it('leaves the required mark off an optional field', async () => {
    await renderField({ required: false });
    expect(group()).not.toBeRequired();
    expect(screen.queryByText('*')).not.toBeInTheDocument();
  });

  it("marks rjsf's errors; the form lists them under the field", async () => {
    await renderField({ rawErrors: ["must have required property 'x'"] });
    expect(group()).toHaveAttribute('aria-invalid', 'true');
  });

  it('follows <namespace>.<name> from the form, the namespace on its own page included', async () => {
    const { set, onFieldChange } = await renderField({
      values: { name: 'fraud-scoring' },
    });
    // No namespace yet: nothing to propose.
    expect(group()).toHaveValue('');
    expect(onFieldChange).not.toHaveBeenCalled();

    await set({ namespace: 'payments' });
    expect(group()).toHaveValue('payments.fraud-scoring');
    await set({ name: 'fraud-alerts' });
    expect(group()).toHaveValue('payments.fraud-alerts');
    await set({ namespace: 'risk' });
    expect(group()).toHaveValue('risk.fraud-alerts');
    expect(onFieldChange).toHaveBeenLastCalledWith('risk.fraud-alerts');

    // Without a namespace there is nothing to follow.
    await set({ namespace: '' });
    expect(group()).toHaveValue('');
    expect(onFieldChange).toHaveBeenLastCalledWith(undefined);
  });

  it('keeps the value once the user edits it', async () => {
    const { set, onFieldChange } = await renderField({
      values: { name: 'fraud-scoring', namespace: 'payments' },
    });
    expect(group()).toHaveValue('payments.fraud-scoring');

    await userEvent.type(group(), '-v2');
    expect(group()).toHaveValue('payments.fraud-scoring-v2');
    await set({ name: 'fraud-alerts', namespace: 'risk' });
    expect(group()).toHaveValue('payments.fraud-scoring-v2');
    expect(onFieldChange).toHaveBeenLastCalledWith('payments.fraud-scoring-v2');
  });

  it('follows again once the user clears it', async () => {
    const { set } = await renderField({
      values: { name: 'fraud-scoring', namespace: 'payments' },
    });
    await replaceWith('shared-group');
    await set({ name: 'fraud-alerts' });
    expect(group()).toHaveValue('shared-group');

    await userEvent.clear(group());
    expect(group()).toHaveValue('payments.fraud-alerts');
    await set({ namespace: 'risk' });
    expect(group()).toHaveValue('risk.fraud-alerts');
  });

  it('keeps a value the user gave before the field mounted', async () => {
    const { set } = await renderField({
      values: { name: 'fraud-scoring', namespace: 'payments' },
      value: 'payments.legacy',
    });
    expect(group()).toHaveValue('payments.legacy');
    await set({ name: 'fraud-alerts' });
    expect(group()).toHaveValue('payments.legacy');
  });

  it('says at once what is wrong with a ":" or a space', async () => {
    await renderField({
      values: { name: 'fraud-scoring', namespace: 'payments' },
    });
    await userEvent.type(group(), ':v2');
    expect(group()).toHaveAttribute('aria-invalid', 'true');
    expect(group()).toHaveAccessibleDescription(
      'consumerGroup must not contain ":" (MSK publishes no lag metrics for such groups)',
    );

    await replaceWith('payments fraud');
    expect(group()).toHaveAccessibleDescription(
      'consumerGroup must be printable ASCII without spaces',
    );

    await replaceWith('payments.fraud');
    expect(group()).toHaveAttribute('aria-invalid', 'false');
    expect(group()).toHaveAccessibleDescription(
      'The Kafka consumer group; unique on the MSK cluster.',
    );
  });
});
