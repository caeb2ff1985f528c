import { registerMswTestHooks } from '@backstage/frontend-test-utils';
import { screen, within } from '@testing-library/react';
import { setupServer } from 'msw/node';
import {
  notConnected,
  pipelineEntity,
  pipelinesHandler,
  renderWithApis,
  pipelineSummary,
} from '../../__testUtils__/fixtures';
import { StreamingPlatformPageContent } from './StreamingPlatformPage';

const entities = [
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
  pipelineEntity({
    name: 'no-annotation',
    owner: 'team-growth',
    annotation: null,
  }),
  pipelineEntity({
    name: 'bad-annotation',
    owner: 'team-growth',
    annotation: 'just-a-name',
  }),
];

describe('StreamingPlatformPageContent', () => {
  const server = setupServer();
  registerMswTestHooks(server);

  it('lists every catalog pipeline with its FlinkDeployment and the sources behind the live data', async () => {
    server.use(pipelinesHandler(notConnected));
    await renderWithApis(<StreamingPlatformPageContent />, {
      entities: entities,
    });

    const table = await screen.findByRole('table');
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows.map(r => r.textContent)).toEqual([
      expect.stringContaining('bad-annotation'),
      expect.stringContaining('card-authorizations'),
      expect.stringContaining('fraud-scoring'),
      expect.stringContaining('no-annotation'),
    ]);
    expect(rows[2]).toHaveTextContent('eks-test');
    expect(rows[2]).toHaveTextContent('team-risk');
    expect(rows[2]).toHaveTextContent('No live data yet');
    expect(rows[0]).toHaveTextContent(
      'must have the form <cluster>/<namespace>/<flinkdeployment-name>',
    );
    expect(rows[3]).toHaveTextContent(
      'No streaming-platform.io/pipeline annotation',
    );

    const sources = await screen.findByRole('list', { name: 'Data sources' });
    expect(sources).toHaveTextContent('not connected');
    expect(sources).toHaveTextContent('so the backend knows no pipelines');
  });

  it('marks the pipelines the backend reports', async () => {
    server.use(
      pipelinesHandler({
        items: [pipelineSummary('eks-test/team-risk/fraud-scoring')],
        sources: [
          {
            kind: 'kubernetes',
            id: 'eks-test',
            state: 'ok',
            message: 'Watching.',
            lastSuccessAt: '2026-11-28T10:00:00Z',
          },
        ],
      }),
    );
    await renderWithApis(<StreamingPlatformPageContent />, {
      entities: entities.slice(0, 2),
    });
    const fraud = (await screen.findByText('Fraud scoring')).closest('tr')!;
    expect(fraud).toHaveTextContent('Reported by the backend');
    const card = screen.getByText('Card authorizations').closest('tr')!;
    expect(card).toHaveTextContent('No live data yet');
    expect(
      await screen.findByRole('list', { name: 'Data sources' }),
    ).toHaveTextContent('current');
  });

  it('keeps the catalog table when the backend fails, and shows its error', async () => {
    server.use(
      pipelinesHandler({ status: 503, message: 'backend is restarting' }),
    );
    await renderWithApis(<StreamingPlatformPageContent />, {
      entities: entities.slice(0, 1),
    });
    expect(
      await screen.findByText(/Could not reach the streaming-platform backend/),
    ).toBeInTheDocument();
    expect(screen.getByText(/backend is restarting/)).toBeInTheDocument();
    const row = (await screen.findByText('Fraud scoring')).closest('tr')!;
    expect(row).toHaveTextContent('Backend unavailable');
  });

  it('shows the catalog error and still the sources when the catalog fails', async () => {
    server.use(pipelinesHandler(notConnected));
    await renderWithApis(<StreamingPlatformPageContent />, {
      catalogError: new Error('catalog is down'),
    });
    expect(
      await screen.findByText(/Could not read pipelines from the catalog/),
    ).toBeInTheDocument();
    expect(
      await screen.findByRole('list', { name: 'Data sources' }),
    ).toBeInTheDocument();
  });

  it('tells how to register a pipeline when the catalog has none', async () => {
    server.use(pipelinesHandler(notConnected));
    await renderWithApis(<StreamingPlatformPageContent />, { entities: [] });
    expect(
      await screen.findByText('No streaming pipelines in the catalog'),
    ).toBeInTheDocument();
    expect(
      screen.getByText(
        /streaming-platform.io\/pipeline: eks-prod\/payments\/card-authorizations/,
      ),
    ).toBeInTheDocument();
  });
});
