import { renderInTestApp } from '@backstage/frontend-test-utils';
import { TemplateParameterSchema } from '@backstage/plugin-scaffolder-react';
import { Stepper } from '@backstage/plugin-scaffolder-react/alpha';
import { act, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { StreamingPlatformApi, streamingPlatformApiRef } from '../../api';
import { CLUSTER_FIELD_NAME, MSK_CLUSTER_FIELD_NAME } from './schema';
import { StreamingPlatformCluster } from './StreamingPlatformCluster';
import { StreamingPlatformMskCluster } from './StreamingPlatformMskCluster';
import { OPTIONS, pick, select } from './__testUtils__/renderField';

/** The template's "Where / Source" page, cut to the two fields, then more. */
const manifest: TemplateParameterSchema = {
  title: 'New Flink streaming pipeline',
  steps: [
    {
      title: 'Where / Source',
      schema: {
        type: 'object',
        required: ['cluster', 'mskCluster'],
        properties: {
          cluster: {
            title: 'Cluster',
            type: 'string',
            description: 'The EKS cluster the pipeline runs on.',
            'ui:field': CLUSTER_FIELD_NAME,
          },
          mskCluster: {
            title: 'MSK cluster',
            type: 'string',
            description: 'The Amazon MSK cluster the source topics live on.',
            'ui:field': MSK_CLUSTER_FIELD_NAME,
          },
        },
      },
    },
    {
      title: 'Processing',
      schema: {
        type: 'object',
        properties: { entryClass: { type: 'string', title: 'Entry class' } },
      },
    },
  ],
};

async function renderStepper() {
  const onCreate = jest.fn();
  // Held back until the stepper is on screen, so it comes in inside `act`.
  let release: () => void = () => {};
  const gate = new Promise<void>(resolve => (release = resolve));
  const api: Partial<StreamingPlatformApi> = {
    getSelfServiceOptions: () => gate.then(() => OPTIONS),
  };
  await renderInTestApp(
    <Stepper
      manifest={manifest}
      extensions={[
        { name: CLUSTER_FIELD_NAME, component: StreamingPlatformCluster },
        {
          name: MSK_CLUSTER_FIELD_NAME,
          component: StreamingPlatformMskCluster,
        },
      ]}
      onCreate={onCreate}
    />,
    { apis: [[streamingPlatformApiRef, api as StreamingPlatformApi]] },
  );
  await act(async () => release());
  return { onCreate };
}

const click = (name: string) =>
  userEvent.click(screen.getByRole('button', { name }));

describe('StreamingPlatformCluster and StreamingPlatformMskCluster in the scaffolder stepper', () => {
  // The stepper scrolls to the top of each page; jsdom cannot.
  beforeEach(() => {
    jest.spyOn(window, 'scrollTo').mockImplementation(() => {});
  });

  it('pre-fill the first cluster and its MSK cluster, untouched, up to the review and the run', async () => {
    const { onCreate } = await renderStepper();
    await waitFor(() =>
      expect(select('MSK cluster')).toHaveTextContent('msk-demo-eu-west-1'),
    );
    expect(select('Cluster')).toHaveTextContent('eks-demo-eu-west-1');

    await click('Next');
    await click('Review');
    const review = await screen.findByRole('table');
    expect(review).toHaveTextContent('Clustereks-demo-eu-west-1');
    expect(review).toHaveTextContent('MSK clustermsk-demo-eu-west-1');
    await click('Create');
    expect(onCreate).toHaveBeenCalledWith({
      cluster: 'eks-demo-eu-west-1',
      mskCluster: 'msk-demo-eu-west-1',
    });
  });

  it('follows another cluster, and keeps both when the user comes back to the page', async () => {
    const { onCreate } = await renderStepper();
    await waitFor(() =>
      expect(select('MSK cluster')).toHaveTextContent('msk-demo-eu-west-1'),
    );
    await pick('Cluster', 'eks-prod-us-east-1 (us-east-1)');
    await waitFor(() =>
      expect(select('MSK cluster')).toHaveTextContent('msk-prod-us-east-1'),
    );

    await click('Next');
    await click('Back');
    await waitFor(() =>
      expect(select('MSK cluster')).toHaveTextContent('msk-prod-us-east-1'),
    );
    expect(select('Cluster')).toHaveTextContent('eks-prod-us-east-1');
    await click('Next');
    await click('Review');
    expect(await screen.findByRole('table')).toHaveTextContent(
      'MSK clustermsk-prod-us-east-1',
    );
    await click('Create');
    expect(onCreate).toHaveBeenCalledWith({
      cluster: 'eks-prod-us-east-1',
      mskCluster: 'msk-prod-us-east-1',
    });
  });
});
