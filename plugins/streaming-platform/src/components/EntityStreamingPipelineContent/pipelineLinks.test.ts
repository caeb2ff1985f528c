import { mockApis } from '@backstage/frontend-test-utils';
import { fillLinkTemplate, pipelineLinks } from './pipelineLinks';

const ref = { cluster: 'eks-prod', namespace: 'risk', name: 'fraud-scoring' };

describe('pipelineLinks', () => {
  it('fills every placeholder, encoded', () => {
    expect(
      fillLinkTemplate(
        'https://grafana.example.com/d/flink?var-cluster={cluster}&var-ns={namespace}&var-job={name}&again={name}',
        ref,
      ),
    ).toBe(
      'https://grafana.example.com/d/flink?var-cluster=eks-prod&var-ns=risk&var-job=fraud-scoring&again=fraud-scoring',
    );
    expect(
      fillLinkTemplate('https://x/{name}', { ...ref, name: 'a b&c' }),
    ).toBe('https://x/a%20b%26c');
  });

  it('lists only the configured tools, in a fixed order', () => {
    const config = mockApis.config({
      data: {
        streamingPlatform: {
          links: {
            splunk: 'https://splunk.example.com/search?q=index%3D{namespace}',
            flinkUi: 'https://flink.{cluster}.example.com/{namespace}/{name}/',
          },
        },
      },
    });
    expect(pipelineLinks(config, ref)).toEqual([
      {
        key: 'flinkUi',
        title: 'Flink UI',
        url: 'https://flink.eks-prod.example.com/risk/fraud-scoring/',
      },
      {
        key: 'splunk',
        title: 'Splunk',
        url: 'https://splunk.example.com/search?q=index%3Drisk',
      },
    ]);
  });

  it('lists nothing when nothing is configured', () => {
    expect(pipelineLinks(mockApis.config(), ref)).toEqual([]);
  });
});
