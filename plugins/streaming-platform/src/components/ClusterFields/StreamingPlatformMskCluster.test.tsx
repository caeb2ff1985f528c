import { screen, waitFor } from '@testing-library/react';
import { StreamingPlatformMskCluster } from './StreamingPlatformMskCluster';
import {
  FieldOptions,
  open,
  pick,
  renderField,
  select,
} from './__testUtils__/renderField';

// Each test its own field id: the field remembers what it proposed per id,
// as it must across the stepper's remounts of a page.
let n = 0;
const render = (options?: FieldOptions) =>
  renderField(
    {
      name: `mskCluster${++n}`,
      title: 'MSK cluster',
      component: StreamingPlatformMskCluster,
    },
    options,
  );
const msk = () => select('MSK cluster');

const MISMATCH =
  "mskCluster must be 'msk-demo-eu-west-1': cluster 'eks-demo-eu-west-1' reads lag from that MSK cluster, not 'msk-prod-us-east-1'";

describe('StreamingPlatformMskCluster', () => {
  it("follows the chosen cluster's MSK cluster", async () => {
    const { set, onFieldChange } = await render({
      values: { cluster: 'eks-demo-eu-west-1' },
    });
    await waitFor(() => expect(msk()).toHaveTextContent('msk-demo-eu-west-1'));
    expect(onFieldChange).toHaveBeenLastCalledWith('msk-demo-eu-west-1');
    expect(msk()).toHaveAccessibleDescription(
      'The MSK cluster of the pipeline.',
    );

    await set({ cluster: 'eks-prod-us-east-1' });
    expect(msk()).toHaveTextContent('msk-prod-us-east-1');
    expect(onFieldChange).toHaveBeenLastCalledWith('msk-prod-us-east-1');
  });

  it('proposes nothing before there is a cluster', async () => {
    const { set, onFieldChange } = await render();
    expect(msk()).not.toHaveAttribute('aria-disabled');
    expect(onFieldChange).not.toHaveBeenCalled();

    await set({ cluster: 'eks-demo-eu-west-1' });
    expect(msk()).toHaveTextContent('msk-demo-eu-west-1');
  });

  it('offers each configured MSK cluster once', async () => {
    await render({ values: { cluster: 'eks-demo-eu-west-1' } });
    await open('MSK cluster');
    expect(
      screen.getAllByRole('option').map(option => option.textContent),
    ).toEqual(['msk-demo-eu-west-1', 'msk-prod-us-east-1']);
  });

  it("keeps the user's pick, warning while the cluster reads lag from another", async () => {
    const { set, onFieldChange } = await render({
      values: { cluster: 'eks-demo-eu-west-1' },
    });
    await pick('MSK cluster', 'msk-prod-us-east-1');
    expect(onFieldChange).toHaveBeenLastCalledWith('msk-prod-us-east-1');
    expect(msk()).toHaveAccessibleDescription(MISMATCH);
    // A warning: the backend refuses the pair, but the user may still change
    // the cluster.
    expect(msk()).toHaveAttribute('aria-invalid', 'false');

    await set({ cluster: 'eks-prod-us-east-1' });
    expect(msk()).toHaveTextContent('msk-prod-us-east-1');
    expect(msk()).toHaveAccessibleDescription(
      'The MSK cluster of the pipeline.',
    );
  });

  it("sticks to the user's pick when the cluster changes", async () => {
    const { set } = await render({ values: { cluster: 'eks-prod-us-east-1' } });
    await pick('MSK cluster', 'msk-demo-eu-west-1');
    await set({ cluster: 'eks-demo-eu-west-1' });
    await set({ cluster: 'eks-prod-us-east-1' });
    expect(msk()).toHaveTextContent('msk-demo-eu-west-1');
  });

  it("follows again once the user picks the cluster's own", async () => {
    const { set } = await render({ values: { cluster: 'eks-demo-eu-west-1' } });
    await pick('MSK cluster', 'msk-prod-us-east-1');
    await pick('MSK cluster', 'msk-demo-eu-west-1');
    await set({ cluster: 'eks-prod-us-east-1' });
    expect(msk()).toHaveTextContent('msk-prod-us-east-1');
  });

  it('keeps a value the form had before the field mounted', async () => {
    await render({
      values: { cluster: 'eks-demo-eu-west-1' },
      value: 'msk-prod-us-east-1',
    });
    expect(msk()).toHaveTextContent('msk-prod-us-east-1');
    expect(msk()).toHaveAccessibleDescription(MISMATCH);
  });

  it('names the field when the value is not a configured MSK cluster', async () => {
    await render({
      values: { cluster: 'eks-demo-eu-west-1' },
      value: 'msk-gone',
    });
    expect(msk()).toHaveAccessibleDescription(
      "mskCluster 'msk-gone' is not a configured MSK cluster (msk-demo-eu-west-1, msk-prod-us-east-1)",
    );
    expect(msk()).toHaveAttribute('aria-invalid', 'true');
  });

  it('says why the options could not be loaded', async () => {
    const { onFieldChange } = await render({
      values: { cluster: 'eks-demo-eu-west-1' },
      answer: Promise.reject(new Error('Failed to fetch')),
    });
    expect(msk()).toHaveAccessibleDescription(
      'Could not load the options: Failed to fetch',
    );
    expect(onFieldChange).not.toHaveBeenCalled();
  });
});
