import { registerMswTestHooks } from '@backstage/frontend-test-utils';
import { screen } from '@testing-library/react';
import { setupServer } from 'msw/node';
import { pipelineEntity } from '../../__testUtils__/fixtures';
import {
  groupEntityOf,
  renderTeamApp,
  teamSummary,
  teamSummaryHandler,
} from '../../__testUtils__/teamFixtures';
import { StreamingPlatformPageContent } from './StreamingPlatformPage';

const RISK = 'group:default/team-risk';

describe('StreamingPlatformPageContent', () => {
  const server = setupServer();
  registerMswTestHooks(server);

  it("is the team dashboard of the user's team, with the sources behind it", async () => {
    server.use(
      teamSummaryHandler(() =>
        teamSummary(RISK, [{ ref: 'eks-test/team-risk/fraud-scoring' }]),
      ),
    );
    await renderTeamApp(<StreamingPlatformPageContent />, {
      entities: [
        groupEntityOf('team-risk', 'Risk'),
        pipelineEntity({
          name: 'fraud-scoring',
          title: 'Fraud scoring',
          owner: 'team-risk',
        }),
      ],
      ownership: [RISK],
    });
    expect(
      await screen.findByRole('table', {
        name: 'Streaming pipelines owned by Risk',
      }),
    ).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Fraud scoring' })).toHaveAttribute(
      'href',
      '/catalog/default/component/fraud-scoring',
    );
    expect(
      screen.getByRole('list', { name: 'Data sources' }),
    ).toHaveTextContent('Watching; data is current.');
    // The platform overview is the page's second tab.
    expect(screen.getByRole('tab', { name: 'Teams' })).toHaveAttribute(
      'aria-selected',
      'true',
    );
    expect(screen.getByRole('tab', { name: 'Platform' })).toHaveAttribute(
      'href',
      '/platform',
    );
  });
});
