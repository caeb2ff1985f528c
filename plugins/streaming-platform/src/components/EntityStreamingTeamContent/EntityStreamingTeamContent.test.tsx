import { registerMswTestHooks } from '@backstage/frontend-test-utils';
import { EntityProvider } from '@backstage/plugin-catalog-react';
import { screen, within } from '@testing-library/react';
import { setupServer } from 'msw/node';
import { groupEntity, pipelineEntity } from '../../__testUtils__/fixtures';
import {
  renderTeamApp,
  teamSummary,
  teamSummaryHandler,
} from '../../__testUtils__/teamFixtures';
import { EntityStreamingTeamContent } from './EntityStreamingTeamContent';

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

describe('EntityStreamingTeamContent', () => {
  const server = setupServer();
  registerMswTestHooks(server);

  it('is the team dashboard of the Group it is on, whoever looks at it', async () => {
    const asked: string[] = [];
    server.use(
      teamSummaryHandler(
        group =>
          teamSummary(group, [
            { ref: 'eks-test/team-risk/aml-screening' },
            { ref: 'eks-test/team-risk/fraud-scoring' },
          ]),
        asked,
      ),
    );
    await renderTeamApp(
      <EntityProvider entity={groupEntity('team-risk', 'Risk')}>
        <EntityStreamingTeamContent />
      </EntityProvider>,
      { entities, ownership: ['group:default/team-other'] },
    );
    const table = await screen.findByRole('table', {
      name: 'Streaming pipelines owned by Risk',
    });
    expect(asked).toEqual(['group:default/team-risk']);
    expect(within(table).getByText('AML screening')).toBeInTheDocument();
    expect(within(table).getByText('Fraud scoring')).toBeInTheDocument();
  });

  it('tells how a pipeline comes to belong to the team when it owns none', async () => {
    server.use(teamSummaryHandler(group => teamSummary(group, [])));
    await renderTeamApp(
      <EntityProvider entity={groupEntity('team-growth')}>
        <EntityStreamingTeamContent />
      </EntityProvider>,
    );
    expect(
      await screen.findByText('team-growth owns no streaming pipelines'),
    ).toBeInTheDocument();
    expect(
      screen.getByText(
        /names this team in spec.owner \(group:default\/team-growth\)/,
      ),
    ).toBeInTheDocument();
  });
});
