import { validateNewPipeline } from '@internal/backstage-plugin-streaming-platform-common';
import { parse } from 'yaml';
import { EXAMPLE_PARAMETERS } from './__testUtils__/parameterSets';
import { renderPipeline } from './__testUtils__/renderPipeline';

const yamlFiles = (files: Map<string, string>) =>
  [...files].filter(([path]) => /\.ya?ml$/.test(path));

describe('values in the generated files', () => {
  it('keep quotes and ": " in a description that validateNewPipeline accepts', async () => {
    const description = `Scores "risky" payments: 'fast' & {cheap}, no.1 in [risk]; \\ included`;
    const parameters = { ...EXAMPLE_PARAMETERS, description };
    expect(validateNewPipeline(parameters)).toEqual([]);

    const files = await renderPipeline(parameters);
    expect(parse(files.get('catalog-info.yaml')!).metadata.description).toBe(
      description,
    );
    expect(parse(files.get('mkdocs.yml')!).site_description).toBe(description);
  });

  // Answers that validateNewPipeline rejects still must not turn into YAML
  // structure: the templates quote every value, they do not rely on the
  // validation having run.
  const HOSTILE = [
    'x\nspec:\n  owner: someone-else',
    'x" \nkind: Secret',
    "x' # comment",
    '- a\n- b',
    '{ "owner": "someone-else" }',
    '*alias',
    '!!binary aGk=',
    '${{ parameters.name }}',
    '\u2028line separator',
  ];

  it.each(HOSTILE)('cannot add structure through %j', async hostile => {
    const parameters = {
      ...EXAMPLE_PARAMETERS,
      name: hostile,
      namespace: hostile,
      cluster: hostile,
      mskCluster: hostile,
      image: hostile,
      description: hostile,
      consumerGroup: hostile,
      topics: [hostile, 'second'],
      splunkIndex: hostile,
      splunkSourcetype: hostile,
      hecEndpoint: hostile,
      hecTokenSecret: hostile,
      checkpointS3Path: hostile,
      jarUri: hostile,
      entryClass: hostile,
      args: [hostile],
    };
    const files = await renderPipeline(parameters);
    for (const [, text] of yamlFiles(files)) {
      // Duplicate keys and bad syntax throw.
      expect(() => parse(text)).not.toThrow();
    }
    const catalog = parse(files.get('catalog-info.yaml')!);
    expect(catalog.metadata).toMatchObject({
      name: hostile,
      description: hostile,
      annotations: {
        'streaming-platform.io/pipeline': `${hostile}/${hostile}/${hostile}`,
      },
    });
    expect(catalog.spec.owner).toBe(EXAMPLE_PARAMETERS.owner);
    expect(catalog.kind).toBe('Component');

    const deployment = parse(files.get('deploy/flinkdeployment.yaml')!);
    expect(deployment).toMatchObject({
      kind: 'FlinkDeployment',
      metadata: {
        name: hostile,
        namespace: hostile,
        annotations: {
          'streaming-platform.io/msk-cluster': hostile,
          'streaming-platform.io/source-topic': hostile,
        },
      },
      spec: { image: hostile, serviceAccount: hostile },
    });
    expect(deployment.spec.flinkConfiguration).toMatchObject({
      'kafka.source.group-id': hostile,
      'kafka.source.topic': `${hostile};second`,
      'splunk.hec.index': hostile,
      'splunk.hec.sourcetype': hostile,
      'splunk.hec.endpoint': hostile,
    });
    expect(deployment.spec.job).toMatchObject({
      jarURI: hostile,
      entryClass: hostile,
      args: [hostile],
    });
    const secret = parse(files.get('deploy/externalsecret.yaml')!);
    expect(secret.kind).toBe('ExternalSecret');
    expect(secret.spec.data).toEqual([
      { secretKey: 'hec-token', remoteRef: { key: hostile } },
    ]);
  });
});

describe('the HEC token', () => {
  const secretName = 'streaming/payments/splunk-hec-7Qx';

  it('is referenced by its secret only, from the ExternalSecret', async () => {
    const files = await renderPipeline({
      ...EXAMPLE_PARAMETERS,
      hecTokenSecret: secretName,
    });
    for (const [path, text] of files) {
      const occurrences = text.split(secretName).length - 1;
      expect([path, occurrences]).toEqual([
        path,
        path === 'deploy/externalsecret.yaml' ? 1 : 0,
      ]);
    }
    const secret = parse(files.get('deploy/externalsecret.yaml')!);
    expect(secret.spec.data[0].remoteRef.key).toBe(secretName);
  });

  it('appears nowhere as a value: only an environment reference and a secretKeyRef', async () => {
    const files = await renderPipeline(EXAMPLE_PARAMETERS);
    // Splunk HEC tokens are GUIDs.
    const GUID =
      /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i;
    for (const [path, text] of files) {
      expect([path, GUID.test(text)]).toEqual([path, false]);
    }
    const deployment = parse(files.get('deploy/flinkdeployment.yaml')!);
    expect(deployment.spec.flinkConfiguration['splunk.hec.token']).toBe(
      '${SPLUNK_HEC_TOKEN}',
    );
    const env = deployment.spec.taskManager.podTemplate.spec.containers.flatMap(
      (c: { env?: unknown[] }) => c.env ?? [],
    );
    expect(env).toEqual([
      {
        name: 'SPLUNK_HEC_TOKEN',
        valueFrom: { secretKeyRef: expect.any(Object) },
      },
    ]);
  });
});
