import { registerMswTestHooks } from '@backstage/frontend-test-utils';
import { act, screen } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { BACKEND, pipelineEntity } from '../../__testUtils__/fixtures';
import {
  REF,
  pipelineDetail,
  pipelineHandlers,
  staleCloudWatch,
} from '../EntityStreamingPipelineContent/__testUtils__/fixtures';
import { renderPipeline } from '../EntityStreamingPipelineContent/__testUtils__/render';
import { EntityStreamingPipelineOverviewCard } from './EntityStreamingPipelineOverviewCard';

describe('EntityStreamingPipelineOverviewCard', () => {
  const server = setupServer();
  registerMswTestHooks(server);

  it('shows the pipeline now, with its figures', async () => {
    server.use(...pipelineHandlers());
    await renderPipeline(<EntityStreamingPipelineOverviewCard />);
    expect(
      await screen.findByRole('row', { name: 'Job State RUNNING' }),
    ).toBeVisible();
    expect(
      screen.getByText('FlinkDeployment eks-prod/risk/fraud-scoring'),
    ).toBeVisible();
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
      /\$10\.08 estimated at the current rate, 62 % below on-demand/,
    );
    expect(
      screen.getByRole('row', { name: /^Last Scaling/ }),
    ).toHaveTextContent(/Scale-up 4 → 8, 39 min( \d+ s)? ago, response 6 min$/);
  });

  it('says when nothing scaled, when lag is unknown, and when cost is withheld', async () => {
    const detail = pipelineDetail({ lastEpisode: undefined });
    delete detail.pipeline.costPerHour;
    detail.pipeline.lag = { targetSeconds: 60, breached: false };
    server.use(...pipelineHandlers({ detail }));
    await renderPipeline(<EntityStreamingPipelineOverviewCard />);
    expect(
      await screen.findByRole('row', {
        name: 'Last Scaling none in the last 24 h',
      }),
    ).toBeVisible();
    expect(
      screen.getByRole('row', { name: 'Lag no reading yet (target 60 s)' }),
    ).toBeVisible();
    expect(
      screen.getByRole('row', { name: /^Cost Per Day/ }),
    ).toHaveTextContent(/^Cost Per Dayhidden$/);
    expect(screen.getByLabelText('Cost hidden: no permission')).toBeVisible();
  });

  it('names a source that is behind, and how old its data is', async () => {
    server.use(
      ...pipelineHandlers({
        detail: pipelineDetail({ sources: [staleCloudWatch] }),
      }),
    );
    await renderPipeline(<EntityStreamingPipelineOverviewCard />);
    expect(
      await screen.findByText(/ThrottlingException: Rate exceeded/),
    ).toHaveTextContent(/Last good data: 12 min( \d+ s)? ago\.$/);
    expect(
      screen.getByRole('row', { name: 'Job State RUNNING' }),
    ).toBeVisible();
  });

  it('refreshes every 30 s, keeping the figures when a refresh fails', async () => {
    jest.useFakeTimers({ advanceTimers: true });
    try {
      const answers = [
        () => HttpResponse.json(pipelineDetail()),
        () =>
          HttpResponse.json(
            {
              error: { name: 'Error', message: 'backend restarting' },
              request: { method: 'GET', url: `/pipelines/${REF}` },
              response: { statusCode: 503 },
            },
            { status: 503 },
          ),
        () =>
          HttpResponse.json(
            pipelineDetail({
              pipeline: { ...pipelineDetail().pipeline, parallelism: 12 },
            }),
          ),
      ];
      let call = 0;
      server.use(
        http.get(`${BACKEND}/pipelines/${REF}`, () => answers[call++]()),
      );
      await renderPipeline(<EntityStreamingPipelineOverviewCard />);
      expect(
        await screen.findByRole('row', { name: 'Parallelism 8' }),
      ).toBeVisible();

      await act(async () => {
        jest.advanceTimersByTime(30_000);
      });
      expect(
        await screen.findByText('Warning: Could not refresh the pipeline'),
      ).toBeInTheDocument();
      expect(screen.getByText(/Showing data from/)).toHaveTextContent(
        'Request failed with 503 Service Unavailable. Showing data from 30 s ago.',
      );
      expect(screen.getByRole('row', { name: 'Parallelism 8' })).toBeVisible();
      expect(screen.queryByRole('progressbar')).not.toBeInTheDocument();

      await act(async () => {
        jest.advanceTimersByTime(30_000);
      });
      expect(
        await screen.findByRole('row', { name: 'Parallelism 12' }),
      ).toBeVisible();
      expect(
        screen.queryByText('Warning: Could not refresh the pipeline'),
      ).not.toBeInTheDocument();
    } finally {
      jest.useRealTimers();
    }
  });

  it('shows progress until the backend answers', async () => {
    server.use(...pipelineHandlers({ detail: 'pending' }));
    await renderPipeline(<EntityStreamingPipelineOverviewCard />);
    expect(await screen.findByRole('progressbar')).toBeInTheDocument();
  });

  it.each([
    [
      404,
      'No live data for this pipeline yet',
      /knows no FlinkDeployment eks-prod\/risk\/fraud-scoring/,
    ],
    [
      403,
      'You may not see this pipeline',
      /streaming-platform\.pipeline\.read/,
    ],
  ])('explains a %p', async (status, title, description) => {
    server.use(...pipelineHandlers({ detail: { status, message: 'nope' } }));
    await renderPipeline(<EntityStreamingPipelineOverviewCard />);
    expect(await screen.findByText(title)).toBeInTheDocument();
    expect(screen.getByText(description)).toBeInTheDocument();
  });

  it('shows other failures as errors', async () => {
    server.use(
      ...pipelineHandlers({
        detail: { status: 500, message: 'database unavailable' },
      }),
    );
    await renderPipeline(<EntityStreamingPipelineOverviewCard />);
    expect(
      await screen.findByText('Error: Could not load the pipeline'),
    ).toBeInTheDocument();
  });

  it('names the missing annotation', async () => {
    await renderPipeline(<EntityStreamingPipelineOverviewCard />, {
      entity: pipelineEntity({
        name: 'x',
        owner: 'team-risk',
        annotation: null,
      }),
    });
    expect(await screen.findByText('Missing Annotation')).toBeInTheDocument();
  });
});
