import { renderInTestApp } from '@backstage/frontend-test-utils';
import { FieldExtensionComponentProps } from '@backstage/plugin-scaffolder-react';
import { SelfServiceOptionsResponse } from '@internal/backstage-plugin-streaming-platform-common';
import { act, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { ComponentType, useEffect, useState } from 'react';
import { StreamingPlatformApi, streamingPlatformApiRef } from '../../../api';

/** Two configured clusters, each reading lag from an MSK cluster of its own. */
export const OPTIONS: SelfServiceOptionsResponse = {
  clusters: [
    {
      name: 'eks-demo-eu-west-1',
      region: 'eu-west-1',
      mskClusterName: 'msk-demo-eu-west-1',
    },
    {
      name: 'eks-prod-us-east-1',
      region: 'us-east-1',
      mskClusterName: 'msk-prod-us-east-1',
    },
  ],
  applyToCluster: true,
};

/**
 * The API as far as the fields use it: the options, or a failure, held back
 * until `release`, so the answer comes in inside the test's `act`.
 */
function optionsApi(answer: Promise<SelfServiceOptionsResponse>) {
  let release: () => void = () => {};
  const gate = new Promise<void>(resolve => (release = resolve));
  const getSelfServiceOptions = jest.fn(() => gate.then(() => answer));
  return {
    api: { getSelfServiceOptions } as Partial<StreamingPlatformApi>,
    getSelfServiceOptions,
    release,
  };
}

/** Lets a test change the form's other values while the field is on screen. */
interface FormControl {
  setValues(change: Record<string, unknown>): void;
}

export type FieldOptions = {
  /** The form's other values, as the stepper holds them. */
  values?: Record<string, unknown>;
  /** The field's own value when it mounts. */
  value?: string;
  /** What the API answers; the two clusters by default. */
  answer?: Promise<SelfServiceOptionsResponse>;
};

/**
 * A field as the scaffolder's stepper renders it: the form's values, its
 * own among them, in `formContext.formData`, siblings the test can change.
 */
function FormWithField(
  props: FieldOptions & {
    name: string;
    title: string;
    component: ComponentType<FieldExtensionComponentProps<string>>;
    control: FormControl;
    onFieldChange: (value: string | undefined) => void;
  },
) {
  const { name, control, onFieldChange, component: Field } = props;
  const [values, setValues] = useState(props.values ?? {});
  const [own, setOwn] = useState(props.value);
  useEffect(() => {
    control.setValues = change => setValues(v => ({ ...v, ...change }));
  }, [control]);
  const fieldProps = {
    name,
    schema: {
      type: 'string',
      title: props.title,
      description: `The ${props.title} of the pipeline.`,
    },
    uiSchema: {},
    idSchema: { $id: `root_${name}` },
    formData: own,
    formContext: { formData: { ...values, [name]: own } },
    onChange: (value: string | undefined) => {
      setOwn(value);
      onFieldChange(value);
    },
    onBlur: () => {},
    onFocus: () => {},
    required: true,
    disabled: false,
    readonly: false,
    rawErrors: [],
    registry: {},
  } as unknown as FieldExtensionComponentProps<string>;
  return <Field {...fieldProps} />;
}

/** Renders one of the fields with the API mocked, and lets its answer in. */
export async function renderField(
  field: {
    name: string;
    title: string;
    component: ComponentType<FieldExtensionComponentProps<string>>;
  },
  options: FieldOptions = {},
) {
  const control: FormControl = { setValues: () => {} };
  const onFieldChange = jest.fn();
  const { api, getSelfServiceOptions, release } = optionsApi(
    options.answer ?? Promise.resolve(OPTIONS),
  );
  await renderInTestApp(
    <FormWithField
      {...field}
      {...options}
      control={control}
      onFieldChange={onFieldChange}
    />,
    { apis: [[streamingPlatformApiRef, api as StreamingPlatformApi]] },
  );
  expect(getSelfServiceOptions).toHaveBeenCalled();
  // The answer, settled (or left to the test to settle), comes in.
  await act(async () => release());
  const set = (change: Record<string, unknown>) =>
    act(async () => control.setValues(change));
  return { set, onFieldChange, getSelfServiceOptions };
}

/** The select, by its label: MUI names it by the label and the value shown. */
export const select = (title: string) =>
  screen.getByRole('button', { name: new RegExp(`^${title}\\b`) });

/** Opens the select; its options are then on screen. */
export async function open(title: string) {
  await userEvent.click(select(title));
  await screen.findByRole('listbox');
}

/** Opens the select and picks an option by its text. */
export async function pick(title: string, option: string) {
  await open(title);
  await userEvent.click(await screen.findByRole('option', { name: option }));
}
