import { registerMswTestHooks } from '@backstage/frontend-test-utils';
import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { setupServer } from 'msw/node';
import { pipelineEntity } from '../../__testUtils__/fixtures';
import {
  TeamPipelineFixture,
  renderTeamApp,
  teamSummary,
  teamSummaryHandler,
} from '../../__testUtils__/teamFixtures';
import { TeamDashboard } from './TeamDashboard';

const GROUP = 'group:default/team-risk';

const FRAUD: TeamPipelineFixture = {
  ref: 'eks-test/team-risk/fraud-scoring',
  lagSeconds: 30,
  lagTargetSeconds: 60,
  breaches24h: 2,
  breachSeconds24h: 600,
  parallelism: 4,
  spotNow: 0.75,
  vcpuNow: 8,
  spot24h: 0.5,
  vcpuHours24h: 192,
  cost: { usd: 30, onDemandUsd: 40 },
  costPerDay7d: [20, 22, 25, 27, 28, 29, 30],
};
const AML: TeamPipelineFixture = {
  ref: 'eks-test/team-risk/aml-screening',
  jobState: 'RESTARTING',
  lagSeconds: 120,
  lagTargetSeconds: 60,
  breaches24h: 3,
  breachSeconds24h: 1800,
  parallelism: 2,
  spotNow: 1,
  vcpuNow: 4,
  spot24h: 1,
  vcpuHours24h: 96,
  cost: { usd: 10, onDemandUsd: 20 },
};
const CHARGEBACKS: TeamPipelineFixture = {
  ref: 'eks-test/team-risk/chargebacks',
  breaches24h: 0,
  parallelism: 1,
  spotNow: 0,
  vcpuNow: 2,
  spot24h: 0,
  vcpuHours24h: 48,
  cost: { usd: 12, onDemandUsd: 12 },
};

// Fraud and AML have catalog entities; chargebacks' entity is unknown.
const entities = [
  pipelineEntity({
    name: 'fraud-scoring',
    title: 'Fraud scoring',
    owner: 'team-risk',
  }),
  pipelineEntity({
    name: 'aml-screening',
    title: 'AML screening',
    owner: 'team-risk',
  }),
];

function bodyRows() {
  const table = screen.getByRole('table', {
    name: 'Streaming pipelines owned by Risk',
  });
  const [, body] = within(table).getAllByRole('rowgroup');
  return within(body).getAllByRole('row');
}

function totalsRow() {
  return screen.getByTestId('totals-row');
}

function cells(row: HTMLElement) {
  return [...row.querySelectorAll('th, td')].map(c => c.textContent);
}

describe('TeamDashboard', () => {
  const server = setupServer();
  registerMswTestHooks(server);

  it('shows each pipeline’s figures and totals them exactly', async () => {
    server.use(
      teamSummaryHandler(() =>
        teamSummary(GROUP, [FRAUD, AML, CHARGEBACKS], {
          unmatched: [
            {
              entityRef: 'component:default/refunds',
              pipelineRef: 'eks-test/team-risk/refunds',
            },
          ],
          scalingResponse: { count: 4, p50: 95, p95: 240 },
          recentEpisodes: [
            {
              id: 'e1',
              pipelineRef: FRAUD.ref,
              direction: 'up',
              triggerAt: '2026-11-28T11:00:00Z',
              decidedAt: '2026-11-28T11:01:00Z',
              parallelismBefore: 2,
              parallelismAfter: 4,
              taskManagerDelta: 1,
              nodesLaunched: { spot: 2, 'on-demand': 1, reserved: 0 },
              phases: {},
              responseSeconds: 125,
              state: 'complete',
            },
          ],
        }),
      ),
    );
    await renderTeamApp(<TeamDashboard group={GROUP} name="Risk" />, {
      entities,
    });

    expect(
      await screen.findByRole('table', {
        name: 'Streaming pipelines owned by Risk',
      }),
    ).toBeInTheDocument();
    const rows = bodyRows();
    expect(rows.map(r => within(r).getByRole('rowheader').textContent)).toEqual(
      [
        `AML screening${AML.ref}`,
        `chargebacks${CHARGEBACKS.ref}`,
        `Fraud scoring${FRAUD.ref}`,
      ],
    );
    // Pipeline, state, lag, breaches, parallelism, spot now, spot 24 h, cost, savings.
    expect(cells(rows[2])).toEqual([
      `Fraud scoring${FRAUD.ref}`,
      'RUNNINGSTABLE',
      expect.stringMatching(/^.*30 starget 1 min$/),
      '210 min above',
      '4TM 1/1',
      '75 %',
      '50 %',
      expect.stringMatching(/\$30\.00$/),
      '25 %$10.00 saved',
    ]);
    expect(cells(rows[0])[1]).toBe('RESTARTINGSTABLE');
    expect(cells(rows[0])[2]).toMatch(/2 mintarget 1 min$/);
    expect(cells(rows[1])[2]).toMatch(/no readingtarget 1 min$/);

    // Each row links to its catalog entity when there is one.
    expect(
      within(rows[2]).getByRole('link', { name: 'Fraud scoring' }),
    ).toHaveAttribute('href', '/catalog/default/component/fraud-scoring');
    expect(within(rows[1]).queryByRole('link')).not.toBeInTheDocument();
    expect(
      within(rows[2]).getByRole('img', {
        name: 'Cost per day, last 7 days: $20.00, $22.00, $25.00, $27.00, $28.00, $29.00, $30.00',
      }),
    ).toBeInTheDocument();

    // Breaches 2 + 3 + 0; spot now (0.75·8 + 1·4 + 0·2) / 14 = 71 %;
    // spot 24 h (0.5·192 + 1·96 + 0·48) / 336 = 57 %; cost 30 + 10 + 12;
    // savings 1 − 52 / 72 = 28 %, $20 a day.
    expect(cells(totalsRow())).toEqual([
      'Total: 3 pipelines',
      '',
      '1 above target',
      '5',
      '',
      '71 %',
      '57 %',
      '$52.00',
      '28 %$20.00 saved',
    ]);

    expect(
      screen.getByRole('group', { name: 'Scaling response, last 24 h' }),
    ).toHaveTextContent('p50 1 min 35 s · p95 4 min');
    const episodes = screen.getByRole('list', {
      name: 'Recent scaling episodes',
    });
    expect(episodes).toHaveTextContent(
      'parallelism 2 → 4 · response 2 min 5 s · nodes launched: 2 spot, 1 on-demand',
    );
    expect(
      within(episodes).getByRole('link', { name: 'Fraud scoring' }),
    ).toBeInTheDocument();

    const unmatched = screen.getByRole('list', {
      name: 'Pipelines without a FlinkDeployment',
    });
    expect(unmatched).toHaveTextContent('names eks-test/team-risk/refunds');
    expect(
      screen.getByText(/1 catalog pipeline has no live FlinkDeployment/),
    ).toBeInTheDocument();
    expect(
      screen.getByText(/Costs are estimates: .*AWS Price List/),
    ).toBeInTheDocument();
  });

  it('sorts by a column, both ways, and keeps unknown values last', async () => {
    server.use(
      teamSummaryHandler(() => teamSummary(GROUP, [FRAUD, AML, CHARGEBACKS])),
    );
    await renderTeamApp(<TeamDashboard group={GROUP} name="Risk" />, {
      entities,
    });
    await screen.findByRole('table', {
      name: 'Streaming pipelines owned by Risk',
    });
    const titles = () =>
      bodyRows().map(
        r => within(r).getByRole('rowheader').firstChild!.textContent,
      );

    await userEvent.click(screen.getByRole('button', { name: 'Cost / day' }));
    expect(titles()).toEqual(['Fraud scoring', 'chargebacks', 'AML screening']);
    expect(
      screen.getByRole('columnheader', { name: /Cost \/ day/ }),
    ).toHaveAttribute('aria-sort', 'descending');

    await userEvent.click(screen.getByRole('button', { name: 'Cost / day' }));
    expect(titles()).toEqual(['AML screening', 'chargebacks', 'Fraud scoring']);

    // chargebacks has no lag reading: last, whichever way.
    await userEvent.click(screen.getByRole('button', { name: 'Lag now' }));
    expect(titles()).toEqual(['AML screening', 'Fraud scoring', 'chargebacks']);
    await userEvent.click(screen.getByRole('button', { name: 'Lag now' }));
    expect(titles()).toEqual(['Fraud scoring', 'AML screening', 'chargebacks']);
  });

  it('filters by text, state and breaches, and totals what it shows', async () => {
    server.use(
      teamSummaryHandler(() => teamSummary(GROUP, [FRAUD, AML, CHARGEBACKS])),
    );
    await renderTeamApp(<TeamDashboard group={GROUP} name="Risk" />, {
      entities,
    });
    await screen.findByRole('table', {
      name: 'Streaming pipelines owned by Risk',
    });

    await userEvent.type(
      screen.getByRole('textbox', { name: 'Filter pipelines by text' }),
      'fraud',
    );
    await waitFor(() => expect(bodyRows()).toHaveLength(1));
    expect(bodyRows()[0]).toHaveTextContent('Fraud scoring');
    expect(totalsRow()).toHaveTextContent('Total: 1 of 3 pipelines');
    expect(totalsRow()).toHaveTextContent('$30.00');
    expect(screen.getByText('Showing 1 of 3 pipelines')).toBeInTheDocument();

    await userEvent.clear(
      screen.getByRole('textbox', { name: 'Filter pipelines by text' }),
    );
    await userEvent.selectOptions(
      screen.getByRole('combobox', { name: 'Job state' }),
      'not-running',
    );
    await waitFor(() => expect(bodyRows()).toHaveLength(1));
    expect(bodyRows()[0]).toHaveTextContent('AML screening');

    await userEvent.selectOptions(
      screen.getByRole('combobox', { name: 'Job state' }),
      'all',
    );
    await userEvent.click(
      screen.getByRole('checkbox', { name: 'Above lag target now or in 24 h' }),
    );
    await waitFor(() => expect(bodyRows()).toHaveLength(2));
    expect(totalsRow()).toHaveTextContent('Total: 2 of 3 pipelines');
  });

  it('renders the rows in view of a large team, counting and totalling all', async () => {
    const many = Array.from({ length: 300 }, (_, i) => ({
      ref: `eks-test/team-risk/p-${String(i).padStart(3, '0')}`,
      breaches24h: 1,
      cost: { usd: 2, onDemandUsd: 4 },
    }));
    server.use(teamSummaryHandler(() => teamSummary(GROUP, many)));
    await renderTeamApp(<TeamDashboard group={GROUP} name="Risk" />);
    const table = await screen.findByRole('table', {
      name: 'Streaming pipelines owned by Risk',
    });
    expect(table).toHaveAttribute('aria-rowcount', '302');
    const rendered = bodyRows();
    expect(rendered.length).toBeGreaterThan(10);
    expect(rendered.length).toBeLessThan(60);
    expect(rendered[0]).toHaveAttribute('aria-rowindex', '2');
    expect(totalsRow()).toHaveAttribute('aria-rowindex', '302');
    expect(cells(totalsRow())).toEqual([
      'Total: 300 pipelines',
      '',
      '0 above target',
      '300',
      '',
      '100 %',
      '100 %',
      '$600.00',
      '50 %$600.00 saved',
    ]);
  });

  describe('every 30 s', () => {
    // Only the polling interval is faked: msw and React keep real time.
    beforeEach(() =>
      jest.useFakeTimers({
        doNotFake: [
          'Date',
          'hrtime',
          'nextTick',
          'performance',
          'queueMicrotask',
          'requestAnimationFrame',
          'cancelAnimationFrame',
          'requestIdleCallback',
          'cancelIdleCallback',
          'setImmediate',
          'clearImmediate',
          'setTimeout',
          'clearTimeout',
        ],
      }),
    );
    afterEach(() => jest.useRealTimers());

    it('refreshes in place, keeping the figures through a failed refresh', async () => {
      const answers = [
        () => teamSummary(GROUP, [FRAUD]),
        () => ({ status: 503, message: 'backend is restarting' }),
        () =>
          teamSummary(GROUP, [
            { ...FRAUD, cost: { usd: 45, onDemandUsd: 60 } },
          ]),
      ];
      let call = 0;
      server.use(teamSummaryHandler(() => answers[call++]()));
      await renderTeamApp(<TeamDashboard group={GROUP} name="Risk" />, {
        entities,
      });
      await screen.findByRole('table', {
        name: 'Streaming pipelines owned by Risk',
      });
      expect(totalsRow()).toHaveTextContent('$30.00');

      await act(async () => {
        jest.advanceTimersByTime(30_000);
      });
      expect(
        await screen.findByText(/Could not refresh the team's pipelines/),
      ).toBeInTheDocument();
      expect(totalsRow()).toHaveTextContent('$30.00');
      expect(screen.queryByTestId('progress')).not.toBeInTheDocument();

      await act(async () => {
        jest.advanceTimersByTime(30_000);
      });
      await waitFor(() => expect(totalsRow()).toHaveTextContent('$45.00'));
      expect(screen.queryByText(/Could not refresh/)).not.toBeInTheDocument();
      expect(screen.queryByTestId('progress')).not.toBeInTheDocument();
    });
  });

  it('shows progress while the first answer is on its way', async () => {
    let answer: (() => void) | undefined;
    server.use(
      teamSummaryHandler(
        () =>
          new Promise(resolve => {
            answer = () => resolve(teamSummary(GROUP, [FRAUD]));
          }),
      ),
    );
    await renderTeamApp(<TeamDashboard group={GROUP} name="Risk" />, {
      entities,
    });
    await waitFor(() => expect(answer).toBeDefined());
    expect(screen.getByTestId('progress')).toBeInTheDocument();
    answer!();
    expect(
      await screen.findByRole('table', {
        name: 'Streaming pipelines owned by Risk',
      }),
    ).toBeInTheDocument();
    expect(screen.queryByTestId('progress')).not.toBeInTheDocument();
  });

  it('tells a team without pipelines how to annotate one', async () => {
    server.use(teamSummaryHandler(() => teamSummary(GROUP, [])));
    await renderTeamApp(<TeamDashboard group={GROUP} name="Risk" />);
    expect(
      await screen.findByText('Risk owns no streaming pipelines'),
    ).toBeInTheDocument();
    const example = screen.getByLabelText('Example catalog entity');
    expect(example).toHaveTextContent(
      'streaming-platform.io/pipeline: eks-prod/payments/card-authorizations',
    );
    expect(example).toHaveTextContent('type: streaming-pipeline');
    expect(example).toHaveTextContent('owner: team-risk');
    expect(screen.queryByRole('table')).not.toBeInTheDocument();
    // Where the data would come from is still shown.
    expect(
      screen.getByRole('list', { name: 'Data sources' }),
    ).toHaveTextContent('Watching; data is current.');
  });

  it('shows the error when the backend fails', async () => {
    server.use(
      teamSummaryHandler(() => ({
        status: 500,
        message: 'database is unreachable',
      })),
    );
    await renderTeamApp(<TeamDashboard group={GROUP} name="Risk" />);
    // The panel's message; its JSON details (a lazily loaded code block)
    // hold the words too.
    expect(
      await screen.findByText(/database is unreachable/, { selector: 'p' }),
    ).toBeInTheDocument();
    expect(screen.getByText(/the team's pipelines/)).toBeInTheDocument();
    expect(screen.queryByRole('table')).not.toBeInTheDocument();
  });

  it('says which permission is missing when reading is denied', async () => {
    server.use(
      teamSummaryHandler(() => ({ status: 403, message: 'Forbidden' })),
    );
    await renderTeamApp(<TeamDashboard group={GROUP} name="Risk" />);
    expect(
      await screen.findByText(/You may not see these pipelines/),
    ).toBeInTheDocument();
    expect(
      screen.getByText(/streaming-platform\.pipeline\.read permission/),
    ).toBeInTheDocument();
  });

  it('shows a stale source with its error and the age of its last good data', async () => {
    const fiveMinutesAgo = new Date(Date.now() - 5 * 60_000).toISOString();
    server.use(
      teamSummaryHandler(() =>
        teamSummary(GROUP, [FRAUD], {
          sources: [
            {
              kind: 'cloudwatch',
              id: 'eu-west-1',
              state: 'stale',
              message: 'CloudWatch did not answer; showing the last readings.',
              lastSuccessAt: fiveMinutesAgo,
              error: { name: 'TimeoutError', message: 'socket hang up' },
            },
            {
              kind: 'kubernetes',
              id: 'eks-test',
              state: 'ok',
              message: 'Watching; data is current.',
              lastSuccessAt: new Date().toISOString(),
              emulated: true,
            },
          ],
        }),
      ),
    );
    await renderTeamApp(<TeamDashboard group={GROUP} name="Risk" />, {
      entities,
    });
    const problem = await screen.findByTestId('source-problem');
    expect(problem).toHaveTextContent('cloudwatch · eu-west-1');
    expect(problem).toHaveTextContent('TimeoutError: socket hang up');
    expect(problem).toHaveTextContent('Last good data: 5 min ago.');
    // The figures stay, and the emulator says it is the emulator.
    expect(bodyRows()).toHaveLength(1);
    expect(
      screen.getByRole('status', { name: 'Data from the platform emulator' }),
    ).toHaveTextContent('eks-test');
  });

  it('hides cost, per row and in the totals, when the backend withholds it', async () => {
    const { cost: _a, ...fraud } = FRAUD;
    const { cost: _b, ...aml } = AML;
    server.use(teamSummaryHandler(() => teamSummary(GROUP, [fraud, aml])));
    await renderTeamApp(<TeamDashboard group={GROUP} name="Risk" />, {
      entities,
    });
    await screen.findByRole('table', {
      name: 'Streaming pipelines owned by Risk',
    });
    for (const row of [...bodyRows(), totalsRow()]) {
      const [cost, savings] = cells(row).slice(-2);
      expect(cost).toBe('hidden');
      expect(savings).toBe('hidden');
    }
    expect(
      screen.getByRole('group', { name: 'Cost, last 24 h (estimate)' }),
    ).toHaveTextContent('hidden');
    // The other totals are still there.
    expect(totalsRow()).toHaveTextContent('5');
  });
});
