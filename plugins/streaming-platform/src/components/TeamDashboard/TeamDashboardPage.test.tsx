import { registerMswTestHooks } from '@backstage/frontend-test-utils';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { setupServer } from 'msw/node';
import { pipelineEntity } from '../../__testUtils__/fixtures';
import {
  LocationProbe,
  groupEntityOf,
  renderTeamApp,
  teamSummary,
  teamSummaryHandler,
} from '../../__testUtils__/teamFixtures';
import { TeamDashboardPage } from './TeamDashboardPage';

const RISK = 'group:default/team-risk';
const PAYMENTS = 'group:default/team-payments';

const entities = [
  groupEntityOf('team-risk', 'Risk'),
  groupEntityOf('team-payments', 'Payments'),
  groupEntityOf('team-growth'),
  pipelineEntity({
    name: 'fraud-scoring',
    title: 'Fraud scoring',
    owner: 'team-risk',
  }),
  pipelineEntity({
    name: 'card-authorizations',
    title: 'Card authorizations',
    owner: 'team-payments',
  }),
];

const summaries: Record<string, ReturnType<typeof teamSummary>> = {
  [RISK]: teamSummary(RISK, [
    {
      ref: 'eks-test/team-risk/fraud-scoring',
      cost: { usd: 5, onDemandUsd: 8 },
    },
  ]),
  [PAYMENTS]: teamSummary(PAYMENTS, [
    {
      ref: 'eks-test/team-payments/card-authorizations',
      cost: { usd: 7, onDemandUsd: 9 },
    },
  ]),
};

const page = (
  <>
    <TeamDashboardPage />
    <LocationProbe />
  </>
);

function groupInUrl() {
  return new URLSearchParams(screen.getByTestId('location').textContent!).get(
    'group',
  );
}

describe('TeamDashboardPage', () => {
  const server = setupServer();
  registerMswTestHooks(server);

  it("defaults to the user's team, puts it in the URL, and follows a change of team", async () => {
    const asked: string[] = [];
    server.use(teamSummaryHandler(group => summaries[group], asked));
    await renderTeamApp(page, {
      entities,
      ownership: ['user:default/lead', RISK],
    });

    expect(
      await screen.findByRole('link', { name: 'Fraud scoring' }),
    ).toBeInTheDocument();
    expect(asked).toEqual([RISK]);
    expect(groupInUrl()).toBe(RISK);
    const selector = screen.getByRole('combobox', { name: 'Team' });
    expect(selector).toHaveValue(RISK);
    // The user's own teams come first.
    expect(
      within(selector)
        .getAllByRole('group')
        .map(g => g.getAttribute('label')),
    ).toEqual(['Your teams', 'Other teams']);
    expect(
      screen.getByRole('table', { name: 'Streaming pipelines owned by Risk' }),
    ).toBeInTheDocument();

    await userEvent.selectOptions(selector, PAYMENTS);
    expect(
      await screen.findByRole('link', { name: 'Card authorizations' }),
    ).toBeInTheDocument();
    expect(groupInUrl()).toBe(PAYMENTS);
    expect(asked).toContain(PAYMENTS);
    expect(
      screen.getByRole('table', {
        name: 'Streaming pipelines owned by Payments',
      }),
    ).toHaveTextContent('$7.00');
    expect(screen.queryByText('Fraud scoring')).not.toBeInTheDocument();
  });

  it('shows the team the URL names, over the user’s own', async () => {
    const asked: string[] = [];
    server.use(teamSummaryHandler(group => summaries[group], asked));
    await renderTeamApp(page, {
      entities,
      ownership: [RISK],
      route: `/?group=${encodeURIComponent(PAYMENTS)}`,
    });
    expect(
      await screen.findByRole('link', { name: 'Card authorizations' }),
    ).toBeInTheDocument();
    expect(asked).toEqual([PAYMENTS]);
    expect(screen.getByRole('combobox', { name: 'Team' })).toHaveValue(
      PAYMENTS,
    );
  });

  it('asks to choose a team when the user belongs to none', async () => {
    const asked: string[] = [];
    server.use(teamSummaryHandler(group => summaries[group], asked));
    await renderTeamApp(page, { entities });
    expect(await screen.findByText('Choose a team')).toBeInTheDocument();
    await waitFor(() =>
      expect(
        within(screen.getByRole('combobox', { name: 'Team' })).getAllByRole(
          'option',
        ),
      ).toHaveLength(4),
    );
    expect(asked).toEqual([]);
    await userEvent.selectOptions(
      screen.getByRole('combobox', { name: 'Team' }),
      RISK,
    );
    expect(
      await screen.findByRole('link', { name: 'Fraud scoring' }),
    ).toBeInTheDocument();
    expect(groupInUrl()).toBe(RISK);
  });
});
