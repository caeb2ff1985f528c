import { registerMswTestHooks } from '@backstage/frontend-test-utils';
import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { delay, http } from 'msw';
import { setupServer } from 'msw/node';
import {
  BACKEND,
  pipelineEntity,
  renderWithApis,
} from '../../__testUtils__/fixtures';
import { ChartWidthContext } from '../shared/charts';
import { PlatformOverview } from './PlatformOverview';
import {
  minutesAgo,
  overviewHandler,
  platformOverview,
  timeSeries,
  timeSeriesHandler,
  withoutCost,
} from './__testUtils__/fixtures';

// ResponsiveContainer has no size in jsdom: a fixed width draws the SVG.
const render = (options: Parameters<typeof renderWithApis>[1] = {}) =>
  renderWithApis(
    <ChartWidthContext.Provider value={800}>
      <PlatformOverview />
    </ChartWidthContext.Provider>,
    options,
  );

const section = (cluster: string) =>
  screen.findByRole('region', { name: cluster });

const rowOf = (container: HTMLElement, pool: string) =>
  within(container).getByRole('button', { name: pool }).closest('tr')!;

describe('PlatformOverview', () => {
  const server = setupServer();
  registerMswTestHooks(server);

  it('shows each cluster and NodePool with its figures, and charts them', async () => {
    const asked: URLSearchParams[] = [];
    server.use(
      overviewHandler(platformOverview()),
      timeSeriesHandler(timeSeries, asked),
    );
    await render();

    expect(
      await screen.findByText(/these figures come from the platform emulator/),
    ).toBeInTheDocument();

    const prod = await section('eks-prod');
    const figures = within(prod).getByLabelText('eks-prod now');
    const figure = (label: string) =>
      within(figures).getByText(label).parentElement!;
    expect(figure('Pipelines')).toHaveTextContent('14');
    expect(figure('Nodes')).toHaveTextContent('21');
    expect(figure('Pods')).toHaveTextContent('96');
    expect(figure('Spot share now')).toHaveTextContent('96 %');
    expect(figure('Cost per hour')).toHaveTextContent('$12.40');
    expect(figure('Idle cost per hour')).toHaveTextContent('$1.85');
    expect(figure('Savings vs all on-demand')).toHaveTextContent(
      '$6.20 (33 %)',
    );

    const spot = rowOf(prod, 'flink-spot');
    const cells = within(spot)
      .getAllByRole('cell')
      .map(c => c.textContent);
    expect(cells).toEqual([
      'flink-spotKarpenter NodePool',
      '16 spot2 on-demand',
      '89 %',
      '$9.30',
      '$1.20',
      '$5.80 (38 %)',
      'p50 48 sp95 1 min 35 sof 14 launches',
      'p50 12 sp95 1 min 4 sof 63 pods',
      '3',
      '2',
      '5',
    ]);
    expect(rowOf(prod, 'system')).toHaveTextContent('managed node group');
    expect(rowOf(prod, 'system')).toHaveTextContent('no launches in 24 h');

    // Charts of the whole cluster, over the default 24 hours, drawn in SVG.
    const nodes = await within(prod).findByRole('img', {
      name: /^Nodes by capacity type in eks-prod over the last 24 h/,
    });
    expect(nodes).toHaveAccessibleName(
      expect.stringContaining('latest 16 spot, 5 on-demand, 0 reserved'),
    );
    expect(nodes.querySelectorAll('.recharts-area')).toHaveLength(3);
    const cost = within(prod).getByRole('img', {
      name: /^Cost per hour in eks-prod/,
    });
    expect(cost).toHaveAccessibleName(
      expect.stringContaining(
        'latest $12.40 actual, $18.60 on-demand equivalent, $1.24 idle; on average $11.80 actual against $17.70 on-demand equivalent',
      ),
    );
    expect(cost.querySelectorAll('.recharts-line')).toHaveLength(3);
    expect(
      within(prod).getByText(
        /Source: recorded samples of the Kubernetes watch \(one a minute\), averaged over 3 min; prices from EC2 spot price history and AWS Price List\./,
      ),
    ).toBeInTheDocument();

    const window = asked.find(q => q.get('cluster') === 'eks-prod')!;
    expect(window.get('nodePool')).toBeNull();
    expect(
      Date.parse(window.get('to')!) - Date.parse(window.get('from')!),
    ).toBe(24 * 3600 * 1000);

    const staging = await section('eks-staging');
    expect(within(staging).getByLabelText('eks-staging now')).toHaveTextContent(
      '$2.75',
    );
  });

  it('charts one NodePool when its row is selected by keyboard, and goes back', async () => {
    const asked: URLSearchParams[] = [];
    server.use(
      overviewHandler(platformOverview()),
      timeSeriesHandler(timeSeries, asked),
    );
    await render();
    const prod = await section('eks-prod');
    await within(prod).findByRole('img', { name: /^Nodes by capacity type/ });

    const button = within(prod).getByRole('button', { name: 'flink-spot' });
    expect(button).toHaveAttribute('aria-pressed', 'false');
    act(() => button.focus());
    await userEvent.keyboard('{Enter}');

    expect(
      await within(prod).findByText('NodePool flink-spot over time'),
    ).toBeInTheDocument();
    // The same button, still focused: selecting does not rebuild the table.
    expect(button).toHaveAttribute('aria-pressed', 'true');
    expect(button).toHaveFocus();
    expect(
      await within(prod).findByRole('img', {
        name: /^Nodes by capacity type in NodePool flink-spot \(eks-prod\).*latest 16 spot, 2 on-demand/,
      }),
    ).toBeInTheDocument();
    expect(
      asked.some(
        q =>
          q.get('cluster') === 'eks-prod' && q.get('nodePool') === 'flink-spot',
      ),
    ).toBe(true);

    await userEvent.click(
      within(prod).getByRole('button', { name: 'Show all of eks-prod' }),
    );
    expect(
      await within(prod).findByText('All NodePools of eks-prod over time'),
    ).toBeInTheDocument();
  });

  it('shows one cluster when the filter picks it, and asks again for another window', async () => {
    const asked: URLSearchParams[] = [];
    server.use(
      overviewHandler(platformOverview()),
      timeSeriesHandler(timeSeries, asked),
    );
    await render();
    await section('eks-prod');

    await userEvent.click(screen.getByRole('button', { name: /Cluster/ }));
    await userEvent.click(
      within(screen.getByRole('listbox')).getByRole('option', {
        name: 'eks-staging',
      }),
    );
    await waitFor(() =>
      expect(screen.queryByRole('region', { name: 'eks-prod' })).toBeNull(),
    );
    expect(screen.getByRole('region', { name: 'eks-staging' })).toBeVisible();
    const stuck = screen.getByRole('region', {
      name: 'Pipelines stuck on on-demand capacity',
    });
    expect(stuck).toHaveTextContent('eks-staging/growth/clickstream');
    expect(stuck).not.toHaveTextContent('card-authorizations');

    await userEvent.click(screen.getByRole('button', { name: '6 h' }));
    await waitFor(() =>
      expect(
        asked.some(
          q =>
            Date.parse(q.get('to')!) - Date.parse(q.get('from')!) ===
            6 * 3600 * 1000,
        ),
      ).toBe(true),
    );
    expect(
      await screen.findByRole('img', {
        name: /^Nodes by capacity type in eks-staging over the last 6 h/,
      }),
    ).toBeInTheDocument();
  });

  it('lists pipelines stuck on on-demand, linked to the catalog where it knows them', async () => {
    server.use(overviewHandler(platformOverview()), timeSeriesHandler());
    await render({
      entities: [
        pipelineEntity({
          name: 'card-authorizations',
          title: 'Card authorizations',
          owner: 'team-payments',
          annotation: 'eks-prod/payments/card-authorizations',
        }),
      ],
    });
    const link = await screen.findByRole('link', {
      name: 'Card authorizations',
    });
    expect(link).toHaveAttribute(
      'href',
      '/catalog/default/component/card-authorizations',
    );
    const card = link.closest('tr')!;
    expect(card).toHaveTextContent('eks-prod/payments/card-authorizations');
    expect(card).toHaveTextContent('team-payments');
    expect(card).toHaveTextContent('3 h 30 min');
    expect(card).toHaveTextContent('82 %');
    expect(card).toHaveTextContent('$2.15');

    // Not in the catalog: its ref, without a link.
    const click = screen
      .getByText('eks-staging/growth/clickstream')
      .closest('tr')!;
    expect(within(click).queryByRole('link')).toBeNull();
    expect(click).toHaveTextContent('1 h 15 min');
    expect(click).toHaveTextContent('60 %');
  });

  it('says what an empty stuck-on-demand list means', async () => {
    server.use(
      overviewHandler({ ...platformOverview(), stuckOnDemand: [] }),
      timeSeriesHandler(),
    );
    await render();
    expect(
      await screen.findByText(
        'No pipeline has run mostly on on-demand for an hour or more',
      ),
    ).toBeInTheDocument();
  });

  it('refreshes every 30 seconds in place, and keeps its figures when a refresh fails', async () => {
    // Fake timers that still move, so msw and the test app run as usual.
    jest.useFakeTimers({ advanceTimers: true });
    try {
      server.use(overviewHandler(platformOverview()), timeSeriesHandler());
      await render();
      const prod = await section('eks-prod');
      const figures = within(prod).getByLabelText('eks-prod now');
      expect(figures).toHaveTextContent('$12.40');

      const next = platformOverview();
      next.clusters[0].costPerHour!.usd = 13.1;
      server.use(overviewHandler(next));
      await act(async () => {
        jest.advanceTimersByTime(30_000);
      });
      await waitFor(() => expect(figures).toHaveTextContent('$13.10'));
      // Updated where it stood: the same elements, never a spinner.
      expect(screen.getByRole('region', { name: 'eks-prod' })).toBe(prod);
      expect(screen.queryByTestId('progress')).toBeNull();

      server.use(overviewHandler({ status: 503, message: 'restarting' }));
      await act(async () => {
        jest.advanceTimersByTime(30_000);
      });
      expect(
        await screen.findByText(/Could not refresh the platform overview/),
      ).toBeInTheDocument();
      expect(figures).toHaveTextContent('$13.10');
    } finally {
      jest.useRealTimers();
    }
  });

  it('shows progress until the overview arrives', async () => {
    server.use(
      http.get(`${BACKEND}/platform/overview`, async () => {
        await delay('infinite');
      }),
    );
    await render();
    expect(screen.getByTestId('progress')).toBeInTheDocument();
  });

  it('says how to configure a cluster when there is none', async () => {
    server.use(
      overviewHandler({
        clusters: [],
        nodePools: [],
        stuckOnDemand: [],
        sources: [],
      }),
    );
    await render();
    expect(
      await screen.findByText('No clusters configured'),
    ).toBeInTheDocument();
    expect(
      screen.getByText(/under streamingPlatform\.clusters in app-config\.yaml/),
    ).toBeInTheDocument();
  });

  it('shows the error when the overview fails', async () => {
    server.use(overviewHandler({ status: 500, message: 'index not ready' }));
    await render();
    expect(
      await screen.findByText(/Could not load the platform overview/),
    ).toBeInTheDocument();
    // The panel's message; its JSON details (a lazily loaded code block)
    // hold the words too.
    expect(
      screen.getByText(/index not ready/, { selector: 'p' }),
    ).toBeInTheDocument();
  });

  it('names the permission when reading is denied', async () => {
    server.use(overviewHandler({ status: 403, message: 'Forbidden' }));
    await render();
    expect(
      await screen.findByText('You may not see the platform overview'),
    ).toBeInTheDocument();
    expect(
      screen.getByText(/streaming-platform\.pipeline\.read permission/),
    ).toBeInTheDocument();
  });

  it('degrades only the charts when the time series fails', async () => {
    server.use(
      overviewHandler(platformOverview()),
      timeSeriesHandler({ status: 500, message: 'database unavailable' }),
    );
    await render();
    const prod = await section('eks-prod');
    expect(
      await within(prod).findByText(/Could not load the time series/),
    ).toBeInTheDocument();
    expect(
      within(prod).getAllByText(/database unavailable/)[0],
    ).toBeInTheDocument();
    expect(within(prod).queryByRole('img')).toBeNull();
    // The figures and the table stay.
    expect(within(prod).getByLabelText('eks-prod now')).toHaveTextContent(
      '$12.40',
    );
    expect(rowOf(prod, 'flink-spot')).toHaveTextContent('$9.30');
  });

  it('shows a stale source with its error and the age of its data', async () => {
    const overview = platformOverview();
    overview.sources[0] = {
      kind: 'kubernetes',
      id: 'eks-prod',
      state: 'stale',
      message:
        "Cluster 'eks-prod': the watch is reconnecting; showing the last data seen.",
      lastSuccessAt: minutesAgo(5),
      error: { name: 'FetchError', message: 'connect ECONNREFUSED 10.0.0.1' },
    };
    overview.sources[2] = {
      kind: 'prices',
      id: 'spot-price-history',
      state: 'error',
      message: 'Spot prices cannot be read.',
      lastSuccessAt: minutesAgo(180),
      error: { name: 'AccessDenied', message: 'not authorized' },
    };
    server.use(overviewHandler(overview), timeSeriesHandler());
    await render();
    const prod = await section('eks-prod');
    const watch = within(prod).getByTestId('source-problem');
    expect(watch).toHaveTextContent('connect ECONNREFUSED 10.0.0.1');
    expect(watch).toHaveTextContent('Last good data: 5 min ago.');
    // The other cluster's watch is fine: its section says nothing.
    expect(
      within(await section('eks-staging')).queryByTestId('source-problem'),
    ).toBeNull();

    const prices = screen
      .getAllByTestId('source-problem')
      .find(p => p.textContent?.includes('spot-price-history'))!;
    expect(prices).toHaveTextContent('AccessDenied: not authorized');
    expect(prices).toHaveTextContent('Last good data: 3 h ago.');
  });

  it('hides cost without leaving a gap or a figure when it is withheld', async () => {
    server.use(
      overviewHandler(withoutCost(platformOverview())),
      timeSeriesHandler(query => {
        const series = timeSeries(query);
        return {
          ...series,
          points: series.points.map(
            ({
              costPerHourUsd,
              onDemandEquivalentPerHourUsd,
              idleCostPerHourUsd,
              ...rest
            }) => rest,
          ),
        };
      }),
    );
    const { container } = await render();
    const prod = await section('eks-prod');
    await within(prod).findByRole('img', { name: /^Nodes by capacity type/ });
    const figures = within(prod).getByLabelText('eks-prod now');
    expect(within(figures).getAllByText('hidden')).toHaveLength(3);
    expect(rowOf(prod, 'flink-spot')).toHaveTextContent(
      'flink-spotKarpenter NodePool16 spot2 on-demand89 %hiddenhiddenhidden',
    );
    expect(within(prod).getByText('Cost is hidden')).toBeInTheDocument();
    expect(
      within(prod).queryByRole('img', { name: /^Cost per hour/ }),
    ).toBeNull();
    // recharts measures text in a span of its own on document.body: look
    // only at what the overview rendered.
    expect(container.textContent).not.toContain('$');
  });
});
