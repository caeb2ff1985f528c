import { registerMswTestHooks } from '@backstage/frontend-test-utils';
import { screen, within } from '@testing-library/react';
import { setupServer } from 'msw/node';
import {
  groupEntity,
  notConnected,
  pipelineEntity,
  pipelinesHandler,
  renderWithApis,
} from '../../__testUtils__/fixtures';
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
  pipelineEntity({
    name: 'card-authorizations',
    title: 'Card authorizations',
    owner: 'team-payments',
  }),
];

describe('EntityStreamingTeamContent', () => {
  const server = setupServer();
  registerMswTestHooks(server);

  it('lists only the pipelines the team owns', async () => {
    server.use(pipelinesHandler(notConnected));
    await renderWithApis(<EntityStreamingTeamContent />, {
      entities,
      entity: groupEntity('team-risk', 'Risk'),
    });
    expect(
      await screen.findByText('Streaming pipelines owned by Risk'),
    ).toBeInTheDocument();
    const table = screen.getByRole('table');
    expect(within(table).getByText('AML screening')).toBeInTheDocument();
    expect(within(table).getByText('Fraud scoring')).toBeInTheDocument();
    expect(
      within(table).queryByText('Card authorizations'),
    ).not.toBeInTheDocument();
  });

  it('tells how a pipeline comes to belong to the team when it owns none', async () => {
    server.use(pipelinesHandler(notConnected));
    await renderWithApis(<EntityStreamingTeamContent />, {
      entities,
      entity: groupEntity('team-growth'),
    });
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
