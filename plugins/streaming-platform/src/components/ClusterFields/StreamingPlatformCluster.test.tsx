import { ResponseError } from '@backstage/errors';
import { act, screen, waitFor } from '@testing-library/react';
import { StreamingPlatformCluster } from './StreamingPlatformCluster';
import {
  FieldOptions,
  OPTIONS,
  pick,
  renderField,
  select,
} from './__testUtils__/renderField';

const field = {
  name: 'cluster',
  title: 'Cluster',
  component: StreamingPlatformCluster,
};
const render = (options?: FieldOptions) => renderField(field, options);
const cluster = () => select('Cluster');

describe('StreamingPlatformCluster', () => {
  it('offers the configured clusters with their regions, the first picked', async () => {
    const { onFieldChange, getSelfServiceOptions } = await render();
    await waitFor(() =>
      expect(cluster()).toHaveTextContent('eks-demo-eu-west-1 (eu-west-1)'),
    );
    expect(onFieldChange).toHaveBeenCalledWith('eks-demo-eu-west-1');
    expect(screen.getByText('*')).toBeInTheDocument();
    expect(cluster()).toHaveAccessibleDescription(
      'The Cluster of the pipeline.',
    );

    await pick('Cluster', 'eks-prod-us-east-1 (us-east-1)');
    expect(cluster()).toHaveTextContent('eks-prod-us-east-1 (us-east-1)');
    expect(onFieldChange).toHaveBeenLastCalledWith('eks-prod-us-east-1');
    expect(getSelfServiceOptions).toHaveBeenCalledTimes(1);
  });

  it('keeps a cluster the form already has', async () => {
    const { onFieldChange } = await render({ value: 'eks-prod-us-east-1' });
    await waitFor(() =>
      expect(cluster()).toHaveTextContent('eks-prod-us-east-1 (us-east-1)'),
    );
    expect(onFieldChange).not.toHaveBeenCalled();
  });

  it('is disabled, with a progress, until the options arrive', async () => {
    let answer: (value: typeof OPTIONS) => void = () => {};
    await render({ answer: new Promise(resolve => (answer = resolve)) });
    expect(cluster()).toHaveAttribute('aria-disabled', 'true');
    expect(screen.getByRole('progressbar')).toBeInTheDocument();

    await act(async () => answer(OPTIONS));
    await waitFor(() => expect(cluster()).not.toHaveAttribute('aria-disabled'));
    expect(screen.queryByRole('progressbar')).not.toBeInTheDocument();
  });

  it('names the field when the value is not a configured cluster', async () => {
    await render({ value: 'eks-gone' });
    await waitFor(() =>
      expect(cluster()).toHaveAccessibleDescription(
        "cluster 'eks-gone' is not one of the configured clusters (eks-demo-eu-west-1, eks-prod-us-east-1)",
      ),
    );
    expect(cluster()).toHaveAttribute('aria-invalid', 'true');
    expect(cluster()).toHaveTextContent('eks-gone');
  });

  it('says why the options could not be loaded, and stays on the form', async () => {
    const error = await ResponseError.fromResponse(
      new Response(
        JSON.stringify({
          error: { name: 'Error', message: 'Self-service is not configured' },
          request: { method: 'GET', url: '/self-service/options' },
          response: { statusCode: 503 },
        }),
        {
          status: 503,
          statusText: 'Service Unavailable',
          headers: { 'Content-Type': 'application/json' },
        },
      ),
    );
    const { onFieldChange } = await render({ answer: Promise.reject(error) });
    await waitFor(() =>
      expect(cluster()).toHaveAccessibleDescription(
        'Could not load the options: Request failed with 503 Service Unavailable: Self-service is not configured',
      ),
    );
    expect(cluster()).toHaveAttribute('aria-invalid', 'true');
    expect(onFieldChange).not.toHaveBeenCalled();
  });
});
