import { ConfigReader } from '@backstage/config';
import path from 'node:path';
import { localRepositoryLocationRefs } from './register';

describe('localRepositoryLocationRefs', () => {
  it('names the configured file locations inside the folder as the catalog names them', () => {
    const config = new ConfigReader({
      catalog: {
        locations: [
          { type: 'file', target: '../../examples/org.yaml' },
          { type: 'file', target: '../../data/pipelines/*/catalog-info.yaml' },
          { type: 'url', target: 'https://example.com/catalog-info.yaml' },
        ],
      },
    });
    const refs = localRepositoryLocationRefs(config, '../../data/pipelines');
    expect(refs).toHaveLength(1);
    // The catalog's ConfigLocationEntityProvider: generated-<sha1 of the
    // absolute file location ref>.
    expect(refs[0]).toMatch(/^location:default\/generated-[0-9a-f]{40}$/);
    const again = localRepositoryLocationRefs(
      new ConfigReader({
        catalog: {
          locations: [
            {
              type: 'file',
              target: path.resolve('../../data/pipelines/*/catalog-info.yaml'),
            },
          ],
        },
      }),
      path.resolve('../../data/pipelines'),
    );
    expect(again).toEqual(refs);
  });

  it('finds none when no location reads the folder', () => {
    const config = new ConfigReader({
      catalog: {
        locations: [{ type: 'file', target: '../../examples/org.yaml' }],
      },
    });
    expect(localRepositoryLocationRefs(config, '../../data/pipelines')).toEqual(
      [],
    );
  });
});
