import { registerMswTestHooks } from '@backstage/frontend-test-utils';
import { CostEstimateRequest } from '@internal/backstage-plugin-streaming-platform-common';
import { act, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { BACKEND } from '../../__testUtils__/fixtures';
import {
  costEstimateHandler,
  estimateAnswer,
  renderCostField,
} from './__testUtils__/fixtures';
import { DEBOUNCE_MS } from './useCostEstimates';

/** Answers take the debounce plus a round trip; a loaded CI machine is slow. */
const SLOW = { timeout: 4000 };

/** Lets real time pass, for what must not happen. */
const wait = (ms: number) =>
  act(() => new Promise<void>(resolve => setTimeout(resolve, ms)));

const table = () =>
  screen.findByRole('table', { name: 'Estimated monthly cost' }, SLOW);

describe('StreamingPipelineCostEstimate', () => {
  const server = setupServer();
  registerMswTestHooks(server);
  let calls: CostEstimateRequest[];

  beforeEach(() => {
    calls = [];
  });

  it('shows the monthly estimate of both profiles from the backend, the selected one marked', async () => {
    server.use(costEstimateHandler(calls));
    const { onFieldChange } = await renderCostField();

    expect(screen.getByRole('progressbar')).toBeInTheDocument();
    const figures = await table();
    expect(screen.queryByRole('progressbar')).not.toBeInTheDocument();

    expect(
      within(figures).getByRole('columnheader', {
        name: 'Spot-first (selected)',
      }),
    ).toBeInTheDocument();
    expect(
      within(figures).getByRole('columnheader', { name: 'On-demand' }),
    ).toBeInTheDocument();
    const row = (name: RegExp) => within(figures).getByRole('row', { name });
    expect(row(/^Minimum: 2/)).toHaveTextContent(
      /^Minimum: 21 TaskManager\$73\.00\$182\.50\$109\.50 \(60 %\)$/,
    );
    expect(row(/^Typical: 4/)).toHaveTextContent(
      /^Typical: 41 TaskManager\$146\.00\$365\.00\$219\.00 \(60 %\)$/,
    );
    expect(row(/^Maximum: 8/)).toHaveTextContent(
      /^Maximum: 82 TaskManagers\$292\.00\$730\.00\$438\.00 \(60 %\)$/,
    );
    expect(
      screen.getByText(
        'Spot-first: about $146.00 a month at typical parallelism (4), $219.00 (60 %) less than on-demand.',
      ),
    ).toBeInTheDocument();

    // Estimate wording, how a month is counted, which prices, what is assumed.
    expect(
      screen.getByText(/^Estimates, not quotes: .* hourly estimate × 730/),
    ).toHaveTextContent(
      /at today's prices from EC2 spot price history and AWS Price List\. Spot-first assumes 62 % of TaskManager vCPU on spot/,
    );
    const assumptions = within(
      screen.getByRole('list', { name: 'Assumptions' }),
    ).getAllByRole('listitem');
    expect(assumptions.map(a => a.textContent)).toEqual([
      'TaskManagers run 62 % on spot, the share of TaskManager vCPU on spot in eks-test now.',
      'JobManagers run on on-demand capacity.',
      'TaskManagers run on on-demand nodes (capacity profile on-demand).',
    ]);

    // The review page's summary: the selected profile, whole dollars.
    expect(onFieldChange).toHaveBeenLastCalledWith({
      capacityProfile: 'spot-first',
      monthlyUsd: { min: 73, typical: 146, max: 292 },
    });
  });

  it('asks once per capacity profile, both at once, with the form values as a request', async () => {
    server.use(costEstimateHandler(calls));
    await renderCostField();
    await table();

    const request = {
      cluster: 'eks-test',
      // The medium preset: 2 vCPU, 8 GiB and 4 slots per TaskManager.
      taskManager: { cpuCores: 2, memoryGiB: 8 },
      jobManager: { cpuCores: 1, memoryGiB: 2 },
      taskSlots: 4,
      parallelism: { min: 2, typical: 4, max: 8 },
    };
    expect(calls).toHaveLength(2);
    expect(calls).toEqual(
      expect.arrayContaining([
        { ...request, capacityProfile: 'spot-first' },
        { ...request, capacityProfile: 'on-demand' },
      ]),
    );
  });

  it('waits for the form to settle: several quick changes make one pair of calls', async () => {
    server.use(costEstimateHandler(calls));
    const { control: form } = await renderCostField();
    for (const parallelism of [5, 6, 7]) {
      expect(screen.getByRole('progressbar')).toBeInTheDocument();
      await act(async () => form.setValues({ parallelism }));
    }
    expect(
      await screen.findByRole('row', { name: /^Typical: 7/ }, SLOW),
    ).toHaveTextContent('$255.50');
    await wait(DEBOUNCE_MS + 200);
    expect(calls.map(c => [c.capacityProfile, c.parallelism.typical])).toEqual(
      expect.arrayContaining([
        ['spot-first', 7],
        ['on-demand', 7],
      ]),
    );
    expect(calls).toHaveLength(2);
  });

  it('names the fields still missing or invalid, and asks nothing', async () => {
    server.use(costEstimateHandler(calls));
    const { onFieldChange } = await renderCostField({
      capacityProfile: 'spot-first',
      taskManagerSize: 'huge',
      parallelism: 4,
      minParallelism: 6,
      maxParallelism: 5,
    });

    const needs = screen.getByRole('status', { name: 'Cost estimate needs' });
    expect(needs).toHaveTextContent(
      'To estimate the cost, fill in or correct: Cluster, TaskManager size, Minimum parallelism, Parallelism.',
    );
    expect(needs).toHaveTextContent('cluster is required');
    expect(needs).toHaveTextContent(
      'minParallelism must not be above maxParallelism',
    );
    // Only the estimate's own fields: the empty name is the form's business.
    expect(needs).not.toHaveTextContent(/name is required/);

    await wait(DEBOUNCE_MS + 200);
    expect(calls).toHaveLength(0);
    expect(screen.queryByRole('progressbar')).not.toBeInTheDocument();
    expect(onFieldChange).not.toHaveBeenCalled();
  });

  it('says on the field when the backend fails, and the form goes on', async () => {
    server.use(
      costEstimateHandler(calls, {
        fail: {
          status: 500,
          statusText: 'Internal Server Error',
          message: 'price list unavailable',
        },
      }),
    );
    const { onFieldChange } = await renderCostField();

    expect(await screen.findByRole('alert', {}, SLOW)).toHaveTextContent(
      'Could not estimate the cost: Request failed with 500 Internal Server Error (price list unavailable). The rest of the form is not affected.',
    );
    expect(onFieldChange).not.toHaveBeenCalled();

    const description = screen.getByRole('textbox', { name: 'Description' });
    await userEvent.type(description, 'Scores payments');
    expect(description).toHaveValue('Scores payments');

    // The backend is back: "Try again" asks again for the same values.
    server.use(costEstimateHandler(calls));
    await userEvent.click(screen.getByRole('button', { name: 'Try again' }));
    expect(
      await screen.findByRole('row', { name: /^Typical: 4/ }, SLOW),
    ).toHaveTextContent('$146.00');
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
    expect(onFieldChange).toHaveBeenLastCalledWith({
      capacityProfile: 'spot-first',
      monthlyUsd: { min: 73, typical: 146, max: 292 },
    });
  });

  it('follows the selected profile without asking again', async () => {
    server.use(costEstimateHandler(calls));
    const { control: form, onFieldChange } = await renderCostField();
    await table();

    await act(async () => form.setValues({ capacityProfile: 'on-demand' }));
    expect(
      screen.getByRole('columnheader', { name: 'On-demand (selected)' }),
    ).toBeInTheDocument();
    expect(
      screen.getByText(
        'On-demand: about $365.00 a month at typical parallelism (4); spot-first would save $219.00 (60 %).',
      ),
    ).toBeInTheDocument();
    expect(onFieldChange).toHaveBeenLastCalledWith({
      capacityProfile: 'on-demand',
      monthlyUsd: { min: 183, typical: 365, max: 730 },
    });
    await wait(DEBOUNCE_MS + 200);
    expect(calls).toHaveLength(2);
  });

  it('drops an answer for values the form no longer holds', async () => {
    // The answers for typical 4 come late, after those for typical 6.
    server.use(
      costEstimateHandler(calls, {
        slow: r => (r.parallelism.typical === 4 ? 1200 : 0),
      }),
    );
    const { control: form, onFieldChange } = await renderCostField();
    await act(async () => {
      await new Promise(resolve => setTimeout(resolve, DEBOUNCE_MS + 150));
    });
    expect(calls).toHaveLength(2); // the slow pair is on its way
    await act(async () => form.setValues({ parallelism: 6 }));

    expect(
      await screen.findByRole('row', { name: /^Typical: 6/ }, SLOW),
    ).toHaveTextContent('$219.00');
    await wait(1200);
    expect(calls).toHaveLength(4);
    expect(screen.getByRole('row', { name: /^Typical: 6/ })).toHaveTextContent(
      '$219.00',
    );
    expect(onFieldChange).toHaveBeenLastCalledWith({
      capacityProfile: 'spot-first',
      monthlyUsd: { min: 73, typical: 219, max: 292 },
    });
  });

  it('shows what a backend without typical parallelism answers', async () => {
    server.use(
      http.post(`${BACKEND}/cost-estimate`, async ({ request }) => {
        const { typical: _, ...answer } = estimateAnswer(
          (await request.json()) as CostEstimateRequest,
        );
        return HttpResponse.json(answer);
      }),
    );
    const { onFieldChange } = await renderCostField();
    const figures = await table();
    expect(
      within(figures).getByRole('row', { name: /^Typical: 4/ }),
    ).toHaveTextContent(/^Typical: 41 TaskManager———$/);
    expect(
      screen.getByText(
        'Spot-first: about $292.00 a month at maximum parallelism (8), $438.00 (60 %) less than on-demand.',
      ),
    ).toBeInTheDocument();
    expect(onFieldChange).toHaveBeenLastCalledWith({
      capacityProfile: 'spot-first',
      monthlyUsd: { min: 73, max: 292 },
    });
  });
});
