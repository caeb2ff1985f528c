import { registerMswTestHooks } from '@backstage/frontend-test-utils';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { BACKEND, pipelineEntity } from '../../__testUtils__/fixtures';
import { EntityStreamingPipelineContent } from './EntityStreamingPipelineContent';
import {
  REF,
  okSources,
  pipelineDetail,
  pipelineHandlers,
  pipelineNodes,
  pipelineEvents,
  staleCloudWatch,
  timeSeries,
  timeSeriesWithoutCost,
} from './__testUtils__/fixtures';
import { renderPipeline } from './__testUtils__/render';

/** The card or panel (an InfoCard) whose heading is `title`. */
async function panel(title: string) {
  const heading = await screen.findByRole('heading', { name: title });
  return heading.closest('.MuiCard-root') as HTMLElement;
}

describe('EntityStreamingPipelineContent', () => {
  const server = setupServer();
  registerMswTestHooks(server);

  it('shows the pipeline now and over the last 6 hours, with real figures', async () => {
    server.use(...pipelineHandlers());
    await renderPipeline(<EntityStreamingPipelineContent />);

    // The overview card: the rows the portal's end-to-end test reads.
    expect(
      await screen.findByRole('row', { name: 'Job State RUNNING' }),
    ).toBeInTheDocument();
    expect(screen.getByRole('row', { name: 'Parallelism 8' })).toBeVisible();
    expect(
      screen.getByRole('row', { name: 'Task Managers 4 ready of 4' }),
    ).toBeVisible();
    expect(
      screen.getByRole('row', {
        name: 'Lag 164 s (target 120 s, above target)',
      }),
    ).toBeVisible();
    expect(
      screen.getByRole('row', {
        name: 'Spot Share Now 96 % of requested vCPU',
      }),
    ).toBeVisible();
    expect(
      screen.getByRole('row', { name: /^Cost Per Day/ }),
    ).toHaveTextContent(
      '$10.08 estimated at the current rate, 62 % below on-demand; prices: EC2 spot price history, AWS Price List (on-demand)',
    );
    expect(
      screen.getByRole('row', { name: /^Last Scaling/ }),
    ).toHaveTextContent(/Scale-up 4 → 8, 39 min( \d+ s)? ago, response 6 min$/);
    // Which FlinkDeployment, even before the backend answers.
    expect(
      screen.getByRole('row', { name: 'Flink Deployment fraud-scoring' }),
    ).toBeVisible();
    expect(screen.getByRole('row', { name: 'Cluster eks-prod' })).toBeVisible();

    // Each chart is drawn, and says in words what it shows.
    const lag = await screen.findByRole('img', {
      name: 'Lag over the last 6 h: max 164 s, target 120 s, above target 12 min',
    });
    expect(lag.querySelector('svg.recharts-surface')).not.toBeNull();
    expect(lag.querySelectorAll('.recharts-reference-area')).toHaveLength(1);
    expect(
      screen.getByText(
        'In this window: max 164 s · target 120 s · above target 12 min',
      ),
    ).toBeInTheDocument();
    const scaling = screen.getByRole('img', {
      name: 'Parallelism and TaskManagers over the last 6 h: parallelism 4 to 8, TaskManagers 2 to 4, 2 scaling decisions (1 up, 1 down)',
    });
    expect(scaling.querySelectorAll('.recharts-reference-line')).toHaveLength(
      2,
    );
    const spot = screen.getByRole('img', {
      name: 'Requested vCPU by capacity type over the last 6 h: 93 % Spot, 7 % On-demand of 45.8 requested vCPU-hours',
    });
    expect(spot.querySelectorAll('.recharts-area')).toHaveLength(2);
    const cost = screen.getByRole('img', {
      name: 'Cost over the last 6 h: $1.59 estimated against $4.17 at on-demand prices, saved $2.58 (62 %)',
    });
    expect(cost.querySelector('svg.recharts-surface')).not.toBeNull();
    expect(
      within(await panel('Cost')).getByText(/^Source: an estimate/),
    ).toHaveTextContent('EC2 spot price history, AWS Price List (on-demand)');
    expect(within(await panel('Lag')).getByText(/^Source:/)).toHaveTextContent(
      'AWS/Kafka EstimatedMaxTimeLag',
    );

    // Episodes, newest first; nodes with their prices.
    const episodes = within(await panel('Scaling episodes')).getAllByRole(
      'button',
      { expanded: false },
    );
    expect(episodes.map(b => b.textContent)).toEqual([
      expect.stringMatching(
        /^Scale-up 4 → 8 · .* · response 6 min · 1 node launched \(1 Spot\) · 6 events$/,
      ),
      expect.stringMatching(/^Scale-down 6 → 4 · .* · 1 event$/),
    ]);
    const nodes = await panel('Nodes and NodeClaims');
    expect(
      await within(nodes).findByText(
        'ip-10-12-3-41.eu-west-1.compute.internal',
      ),
    ).toBeInTheDocument();
    expect(within(nodes).getByText('$0.0594/h')).toBeInTheDocument();
    expect(within(nodes).getByText('NodeClaim flink-spot-x7k2p')).toBeVisible();
    expect(within(nodes).getAllByText('m6g.xlarge')).toHaveLength(2);

    expect(
      screen.getByRole('list', { name: 'Data sources' }),
    ).toHaveTextContent('watching; data is current');
    // A whole page of charts takes a while to draw in jsdom.
  }, 20_000);

  it('shows progress in each panel while the first answers are on their way', async () => {
    server.use(
      ...pipelineHandlers({
        detail: 'pending',
        series: 'pending',
        events: 'pending',
        nodes: 'pending',
      }),
    );
    await renderPipeline(<EntityStreamingPipelineContent />);
    await waitFor(() =>
      // Overview, lag, parallelism, spot mix, cost, episodes, nodes.
      expect(screen.getAllByRole('progressbar')).toHaveLength(7),
    );
    expect(screen.getByRole('row', { name: 'Namespace risk' })).toBeVisible();
  });

  it('says what to do when nothing is recorded in the window yet', async () => {
    const empty = timeSeries().points.map(p => ({ at: p.at }));
    server.use(
      ...pipelineHandlers({
        series: timeSeries({ points: empty }),
        events: pipelineEvents({ events: [], episodes: [] }),
        nodes: pipelineNodes({ nodes: [] }),
      }),
    );
    await renderPipeline(<EntityStreamingPipelineContent />);
    expect(
      await screen.findByText('No lag readings in this window yet'),
    ).toBeInTheDocument();
    expect(screen.getAllByText('No samples in this window yet')).toHaveLength(
      3,
    );
    expect(
      screen.getAllByText(/The backend records one sample per minute/),
    ).toHaveLength(3);
    expect(screen.getByText('No scaling in the last 6 h')).toBeInTheDocument();
    expect(
      await screen.findByText('No nodes in the last 6 h'),
    ).toBeInTheDocument();
    expect(screen.queryByRole('img')).not.toBeInTheDocument();
  });

  it('keeps the other panels when the series request fails', async () => {
    server.use(
      ...pipelineHandlers({
        series: { status: 500, message: 'database unavailable' },
      }),
    );
    await renderPipeline(<EntityStreamingPipelineContent />);
    for (const [title, what] of [
      ['Lag', 'lag'],
      ['Parallelism and TaskManagers', 'parallelism and TaskManagers'],
      ['Spot mix', 'spot mix'],
      ['Cost', 'cost'],
    ]) {
      const card = await panel(title);
      await within(card).findByText(`Error: Could not load ${what}`);
      expect(card).toHaveTextContent('database unavailable');
    }
    expect(
      screen.getByRole('row', { name: 'Job State RUNNING' }),
    ).toBeVisible();
    expect(
      await within(await panel('Scaling episodes')).findByRole('button', {
        name: /^Scale-up 4 → 8/,
      }),
    ).toBeVisible();
    expect(
      await screen.findByText('ip-10-12-3-41.eu-west-1.compute.internal'),
    ).toBeVisible();
  });

  it("shows a stale source's error and the age of its data in the panel it feeds", async () => {
    server.use(
      ...pipelineHandlers({
        series: timeSeries({
          sources: [...okSources.slice(0, 1), staleCloudWatch, okSources[2]],
        }),
      }),
    );
    await renderPipeline(<EntityStreamingPipelineContent />);
    const lag = await panel('Lag');
    expect(
      await within(lag).findByText('Warning: Lag: showing the last good data'),
    ).toBeInTheDocument();
    expect(
      within(lag).getByText(/ThrottlingException: Rate exceeded/),
    ).toHaveTextContent(/Last good data: 12 min( \d+ s)? ago\.$/);
    // The chart is still drawn from the last readings.
    expect(within(lag).getByRole('img')).toBeInTheDocument();
    // Spot mix does not read CloudWatch, so it has no warning.
    expect(
      within(await panel('Spot mix')).queryByText(/showing the last good data/),
    ).not.toBeInTheDocument();
  });

  it('says when the figures come from the platform emulator', async () => {
    server.use(
      ...pipelineHandlers({
        detail: pipelineDetail({
          sources: [{ ...okSources[0], id: 'eks-demo', emulated: true }],
        }),
      }),
    );
    await renderPipeline(<EntityStreamingPipelineContent />);
    expect(
      await screen.findByRole('status', {
        name: 'Data from the platform emulator',
      }),
    ).toHaveTextContent(/from the platform emulator \(eks-demo\)/);
  });

  it('hides cost, and only cost, without the cost permission', async () => {
    const detail = pipelineDetail();
    delete detail.pipeline.costPerHour;
    const nodes = pipelineNodes();
    nodes.nodes = nodes.nodes.map(({ usdPerHour, ...node }) => node);
    server.use(
      ...pipelineHandlers({
        detail,
        series: timeSeriesWithoutCost(),
        nodes,
      }),
    );
    const { container } = await renderPipeline(
      <EntityStreamingPipelineContent />,
    );
    expect(
      await screen.findByRole('row', { name: /^Cost Per Day/ }),
    ).toHaveTextContent(/^Cost Per Dayhidden$/);
    const cost = await panel('Cost');
    expect(await within(cost).findByText('Cost is hidden')).toBeVisible();
    expect(
      within(cost).getByText(/streaming-platform\.pipeline\.cost\.read/),
    ).toBeVisible();
    expect(within(cost).queryByRole('img')).not.toBeInTheDocument();
    await screen.findByText('ip-10-12-3-41.eu-west-1.compute.internal');
    // Not a dollar anywhere on the page.
    expect(container.textContent).not.toMatch(/\$/);
    // The rest is there.
    expect(
      screen.getByRole('img', { name: /^Lag over the last 6 h/ }),
    ).toBeVisible();
  });

  it('explains a denied permission once, instead of failing every panel', async () => {
    server.use(
      ...pipelineHandlers({
        detail: { status: 403, message: 'Forbidden' },
        series: { status: 403, message: 'Forbidden' },
        events: { status: 403, message: 'Forbidden' },
        nodes: { status: 403, message: 'Forbidden' },
      }),
    );
    await renderPipeline(<EntityStreamingPipelineContent />);
    expect(
      await screen.findByText('You may not see this pipeline'),
    ).toBeInTheDocument();
    expect(
      screen.getByText(
        /needs the streaming-platform\.pipeline\.read permission/,
      ),
    ).toBeInTheDocument();
    expect(
      screen.queryByRole('heading', { name: 'Lag' }),
    ).not.toBeInTheDocument();
    expect(screen.getByRole('row', { name: 'Namespace risk' })).toBeVisible();
  });

  it('says when the backend knows no such FlinkDeployment', async () => {
    server.use(
      ...pipelineHandlers({
        detail: { status: 404, message: 'Pipeline not found' },
        series: { status: 404, message: 'Pipeline not found' },
        events: { status: 404, message: 'Pipeline not found' },
        nodes: { status: 404, message: 'Pipeline not found' },
      }),
    );
    await renderPipeline(<EntityStreamingPipelineContent />);
    expect(
      await screen.findByText('No live data for this pipeline yet'),
    ).toBeInTheDocument();
    expect(
      screen.getByText(
        /knows no FlinkDeployment eks-prod\/risk\/fraud-scoring\. Check that the entity's streaming-platform\.io\/pipeline annotation/,
      ),
    ).toBeInTheDocument();
  });

  it('expands an episode from the keyboard to its phases and the events behind it', async () => {
    server.use(...pipelineHandlers());
    await renderPipeline(<EntityStreamingPipelineContent />);
    const toggle = await within(await panel('Scaling episodes')).findByRole(
      'button',
      { name: /^Scale-up 4 → 8/ },
    );
    expect(toggle).toHaveAttribute('aria-expanded', 'false');
    toggle.focus();
    await userEvent.keyboard('{Enter}');
    expect(toggle).toHaveAttribute('aria-expanded', 'true');
    const details = document.getElementById(
      toggle.getAttribute('aria-controls')!,
    )!;
    const phases = within(details).getByRole('table', { name: 'Phases' });
    expect(
      within(phases).getByRole('row', { name: /^Decision 2 min/ }),
    ).toBeVisible();
    expect(
      within(phases).getByRole('row', { name: /^Capacity 3 min/ }),
    ).toBeVisible();
    expect(
      within(phases).getByRole('row', { name: /^Start-up 2 min/ }),
    ).toBeVisible();
    expect(
      within(phases).getByRole('row', { name: /^Recovery 6 min/ }),
    ).toBeVisible();
    const flink = within(details).getByRole('list', { name: 'Flink events' });
    expect(flink).toHaveTextContent('ScalingReport');
    expect(flink).toHaveTextContent('JobStatusChanged');
    expect(
      within(details).getByRole('list', { name: 'Pods events' }),
    ).toHaveTextContent('FailedScheduling');
    const karpenter = within(details).getByRole('list', {
      name: 'Karpenter events',
    });
    expect(karpenter).toHaveTextContent('Launched');
    expect(karpenter).toHaveTextContent('NodeClaim/flink-spot-x7k2p');
    // After recovery: not part of the episode.
    expect(details).not.toHaveTextContent('SpotInterrupted');

    await userEvent.keyboard('{Enter}');
    expect(toggle).toHaveAttribute('aria-expanded', 'false');
    expect(
      document.getElementById(toggle.getAttribute('aria-controls')!),
    ).toBeNull();
  });

  it('asks for the chosen range', async () => {
    const asked: string[] = [];
    server.use(
      http.get(`${BACKEND}/pipelines/${REF}/timeseries`, ({ request }) => {
        const url = new URL(request.url);
        const hours =
          (Date.parse(url.searchParams.get('to')!) -
            Date.parse(url.searchParams.get('from')!)) /
          3600_000;
        asked.push(`${hours} h`);
        return HttpResponse.json(timeSeries());
      }),
      ...pipelineHandlers(),
    );
    await renderPipeline(<EntityStreamingPipelineContent />);
    await screen.findByRole('img', { name: /^Lag over the last 6 h/ });
    await userEvent.click(screen.getByRole('button', { name: '24 h' }));
    expect(screen.getByRole('button', { name: '24 h' })).toHaveAttribute(
      'aria-pressed',
      'true',
    );
    expect(
      await screen.findByRole('img', { name: /^Lag over the last 24 h/ }),
    ).toBeInTheDocument();
    expect(asked).toEqual(['6 h', '24 h']);
  });

  it('links to the tools configured for the pipeline, and only those', async () => {
    server.use(...pipelineHandlers());
    await renderPipeline(<EntityStreamingPipelineContent />, {
      links: {
        flinkUi: 'https://flink.{cluster}.example.com/{namespace}/{name}/',
        grafana: 'https://grafana.example.com/d/flink?var-job={name}',
      },
    });
    const nav = await screen.findByRole('navigation', {
      name: 'Open the pipeline in',
    });
    expect(within(nav).getByRole('link', { name: /Flink UI/ })).toHaveAttribute(
      'href',
      'https://flink.eks-prod.example.com/risk/fraud-scoring/',
    );
    expect(within(nav).getByRole('link', { name: /Grafana/ })).toHaveAttribute(
      'href',
      'https://grafana.example.com/d/flink?var-job=fraud-scoring',
    );
    expect(within(nav).queryByRole('link', { name: /Splunk/ })).toBeNull();
  });

  it('shows no links when none is configured', async () => {
    server.use(...pipelineHandlers());
    await renderPipeline(<EntityStreamingPipelineContent />);
    await screen.findByRole('row', { name: 'Job State RUNNING' });
    expect(
      screen.queryByRole('navigation', { name: 'Open the pipeline in' }),
    ).not.toBeInTheDocument();
  });

  it('names the missing annotation', async () => {
    await renderPipeline(<EntityStreamingPipelineContent />, {
      entity: pipelineEntity({
        name: 'x',
        owner: 'team-risk',
        annotation: null,
      }),
    });
    expect(await screen.findByText('Missing Annotation')).toBeInTheDocument();
    expect(
      screen.getByText('streaming-platform.io/pipeline', { selector: 'code' }),
    ).toBeInTheDocument();
  });

  it('explains a malformed annotation', async () => {
    await renderPipeline(<EntityStreamingPipelineContent />, {
      entity: pipelineEntity({
        name: 'x',
        owner: 'team-risk',
        annotation: 'eks/Risk/x',
      }),
    });
    expect(
      await screen.findByText(
        /The streaming-platform.io\/pipeline annotation is malformed/,
      ),
    ).toBeInTheDocument();
    expect(screen.getByText(/invalid namespace 'Risk'/)).toBeInTheDocument();
  });
});
