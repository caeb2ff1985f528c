import { registerMswTestHooks } from '@backstage/frontend-test-utils';
import { screen } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import {
  BACKEND,
  notConnected,
  pipelineEntity,
  pipelinesHandler,
  renderWithApis,
  pipelineSummary,
} from '../../__testUtils__/fixtures';
import { EntityStreamingPipelineContent } from './EntityStreamingPipelineContent';

const fraudScoring = pipelineEntity({
  name: 'fraud-scoring',
  owner: 'team-risk',
  annotation: 'eks-prod/risk/fraud-scoring',
});

describe('EntityStreamingPipelineContent', () => {
  const server = setupServer();
  registerMswTestHooks(server);

  it('shows the FlinkDeployment the annotation names, and why there is no live data', async () => {
    let askedCluster: string | null = null;
    server.use(
      http.get(`${BACKEND}/pipelines`, ({ request }) => {
        askedCluster = new URL(request.url).searchParams.get('cluster');
        return HttpResponse.json(notConnected);
      }),
    );
    await renderWithApis(<EntityStreamingPipelineContent />, {
      entity: fraudScoring,
    });
    expect(
      await screen.findByText('No live data for this pipeline yet'),
    ).toBeInTheDocument();
    expect(
      screen.getByRole('row', { name: /Cluster\s*eks-prod/ }),
    ).toBeInTheDocument();
    expect(
      screen.getByRole('row', { name: /Namespace\s*risk/ }),
    ).toBeInTheDocument();
    expect(
      screen.getByRole('row', { name: /Flink Deployment\s*fraud-scoring/ }),
    ).toBeInTheDocument();
    expect(
      screen.getByRole('list', { name: 'Data sources' }),
    ).toHaveTextContent('not connected');
    expect(askedCluster).toBe('eks-prod');
  });

  it('says when the backend reports the pipeline', async () => {
    server.use(
      pipelinesHandler({
        items: [pipelineSummary('eks-prod/risk/fraud-scoring')],
        sources: [],
      }),
    );
    await renderWithApis(<EntityStreamingPipelineContent />, {
      entity: fraudScoring,
    });
    expect(await screen.findByText('RUNNING')).toBeInTheDocument();
    expect(screen.getByText('100 % of requested vCPU')).toBeInTheDocument();
    expect(
      screen.getByText('no reading yet (target 60 s)'),
    ).toBeInTheDocument();
  });

  it('shows the backend error in its panel and keeps the pipeline card', async () => {
    server.use(
      pipelinesHandler({ status: 500, message: 'database unavailable' }),
    );
    await renderWithApis(<EntityStreamingPipelineContent />, {
      entity: fraudScoring,
    });
    expect(
      await screen.findByText(/Could not reach the streaming-platform backend/),
    ).toBeInTheDocument();
    expect(screen.getAllByText(/database unavailable/).length).toBeGreaterThan(
      0,
    );
    expect(
      screen.getByRole('row', { name: /Flink Deployment\s*fraud-scoring/ }),
    ).toBeInTheDocument();
  });

  it('names the missing annotation', async () => {
    await renderWithApis(<EntityStreamingPipelineContent />, {
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
    await renderWithApis(<EntityStreamingPipelineContent />, {
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
