import {
  registerMswTestHooks,
  renderInTestApp,
} from '@backstage/frontend-test-utils';
import { TemplateParameterSchema } from '@backstage/plugin-scaffolder-react';
import { Stepper } from '@backstage/plugin-scaffolder-react/alpha';
import { CostEstimateRequest } from '@internal/backstage-plugin-streaming-platform-common';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { setupServer } from 'msw/node';
import { testClient } from '../../__testUtils__/fixtures';
import { streamingPlatformApiRef } from '../../api';
import { costEstimateHandler } from './__testUtils__/fixtures';
import { COST_ESTIMATE_FIELD_NAME } from './schema';
import { StreamingPipelineCostEstimate } from './StreamingPipelineCostEstimate';

/** A two-page cut of the template: the estimate's inputs, then the estimate. */
const manifest: TemplateParameterSchema = {
  title: 'New Flink streaming pipeline',
  steps: [
    {
      title: 'Processing',
      schema: {
        type: 'object',
        required: ['cluster'],
        properties: {
          cluster: { type: 'string', title: 'Cluster' },
          taskManagerSize: {
            type: 'string',
            enum: ['small', 'medium', 'large'],
            default: 'medium',
          },
          parallelism: { type: 'integer', default: 4 },
          minParallelism: { type: 'integer', default: 2 },
          maxParallelism: { type: 'integer', default: 8 },
        },
      },
    },
    {
      title: 'Cost',
      schema: {
        type: 'object',
        properties: {
          capacityProfile: {
            type: 'string',
            enum: ['spot-first', 'on-demand'],
            default: 'spot-first',
          },
          costEstimate: {
            type: 'object',
            title: 'Estimated cost',
            'ui:field': COST_ESTIMATE_FIELD_NAME,
          },
        },
      },
    },
  ],
};

describe('StreamingPipelineCostEstimate in the scaffolder stepper', () => {
  const server = setupServer();
  registerMswTestHooks(server);

  // The stepper scrolls to the top of each page; jsdom cannot.
  beforeEach(() => {
    jest.spyOn(window, 'scrollTo').mockImplementation(() => {});
  });

  it('reads the other pages and the defaults of its own, and shows its summary on review', async () => {
    const calls: CostEstimateRequest[] = [];
    server.use(costEstimateHandler(calls));
    const onCreate = jest.fn();
    await renderInTestApp(
      <Stepper
        manifest={manifest}
        extensions={[
          {
            name: COST_ESTIMATE_FIELD_NAME,
            component: StreamingPipelineCostEstimate,
          },
        ]}
        onCreate={onCreate}
      />,
      { apis: [[streamingPlatformApiRef, testClient()]] },
    );

    await userEvent.type(
      screen.getByRole('textbox', { name: /Cluster/ }),
      'eks-test',
    );
    await userEvent.click(screen.getByRole('button', { name: 'Next' }));

    const figures = await screen.findByRole(
      'table',
      { name: 'Estimated monthly cost' },
      { timeout: 4000 },
    );
    // capacityProfile is only the page's default: the stepper has not seen it.
    expect(
      within(figures).getByRole('columnheader', {
        name: 'Spot-first (selected)',
      }),
    ).toBeInTheDocument();
    expect(
      within(figures).getByRole('row', { name: /^Typical: 4/ }),
    ).toHaveTextContent('$146.00');
    expect(calls.map(c => c.parallelism)).toEqual([
      { min: 2, typical: 4, max: 8 },
      { min: 2, typical: 4, max: 8 },
    ]);

    await userEvent.click(screen.getByRole('button', { name: 'Review' }));
    // The review page lists the field's value, key by key.
    const review = await screen.findByRole('table');
    expect(review).toHaveTextContent(
      'Cost Estimate > Capacity Profilespot-first' +
        'Cost Estimate > Monthly Usd > Min73' +
        'Cost Estimate > Monthly Usd > Typical146' +
        'Cost Estimate > Monthly Usd > Max292',
    );
    expect(onCreate).not.toHaveBeenCalled();
  });
});
