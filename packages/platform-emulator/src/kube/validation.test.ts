import {
  CustomResourceSchema,
  pathSegmentNameProblem,
  validateObjectMeta,
} from './validation';

const schema = new CustomResourceSchema({
  type: 'object',
  properties: {
    spec: {
      type: 'object',
      required: ['jarURI'],
      properties: {
        jarURI: { type: 'string' },
        port: {
          anyOf: [{ type: 'integer' }, { type: 'string' }],
          'x-kubernetes-int-or-string': true,
        },
        labels: { type: 'object', additionalProperties: { type: 'string' } },
        args: { type: 'array', items: { type: 'string' } },
        volumes: {
          type: 'array',
          items: { type: 'object', properties: { name: { type: 'string' } } },
        },
        config: {
          type: 'object',
          'x-kubernetes-preserve-unknown-fields': true,
        },
        note: { type: 'string', nullable: true },
        replicas: { type: 'integer', minimum: 1 },
      },
    },
  },
});

describe('CustomResourceSchema', () => {
  it('prunes undeclared fields and non-nullable nulls, keeping preserved ones', () => {
    const { pruned, unknownFields } = schema.prune({
      apiVersion: 'example.com/v1',
      kind: 'Thing',
      metadata: { name: 'a', selfLink: '/x', color: 'blue' },
      spec: {
        jarURI: 'local:///a.jar',
        extra: 1,
        args: null,
        note: null,
        volumes: [{ name: 'v', size: 3 }],
        config: { 'any.key': { nested: true } },
      },
      spare: {},
    });
    expect(pruned).toEqual({
      apiVersion: 'example.com/v1',
      kind: 'Thing',
      metadata: { name: 'a', selfLink: '/x' },
      spec: {
        jarURI: 'local:///a.jar',
        note: null,
        volumes: [{ name: 'v' }],
        config: { 'any.key': { nested: true } },
      },
    });
    expect(unknownFields).toEqual([
      'metadata.color',
      'spec.extra',
      'spec.volumes[0].size',
      'spare',
    ]);
  });

  it('reports violations with Kubernetes field paths and reasons', () => {
    const errors = schema.validate({
      spec: {
        port: true,
        labels: { team: 7 },
        args: ['ok', 2],
        replicas: 0,
      },
    });
    expect(errors).toEqual(
      expect.arrayContaining([
        { reason: 'FieldValueRequired', field: 'spec.jarURI' },
        expect.objectContaining({
          reason: 'FieldValueTypeInvalid',
          field: 'spec.port',
          value: 'boolean',
          detail:
            'spec.port in body must be of type integer or string: "boolean"',
        }),
        expect.objectContaining({
          reason: 'FieldValueTypeInvalid',
          field: 'spec.labels[team]',
        }),
        expect.objectContaining({
          reason: 'FieldValueTypeInvalid',
          field: 'spec.args[1]',
        }),
        expect.objectContaining({
          reason: 'FieldValueInvalid',
          field: 'spec.replicas',
          detail: 'spec.replicas in body should be greater than or equal to 1',
        }),
      ]),
    );
    expect(errors).toHaveLength(5);
    expect(schema.validate({ spec: { jarURI: 'x', port: 'http' } })).toEqual(
      [],
    );
  });
});

describe('CustomResourceSchema defaults', () => {
  const defaulting = new CustomResourceSchema({
    type: 'object',
    properties: {
      spec: {
        type: 'object',
        properties: {
          interval: { type: 'string', default: '1h' },
          target: {
            type: 'object',
            default: { policy: 'Owner' },
            properties: {
              policy: { type: 'string' },
              deletion: { type: 'string', default: 'Retain' },
            },
          },
          items: {
            type: 'array',
            items: {
              type: 'object',
              properties: { mode: { type: 'string', default: 'None' } },
            },
          },
        },
      },
    },
  });

  it('fills in missing fields, inside defaulted ones and list items too, without touching the input', () => {
    const object = { spec: { items: [{}, { mode: 'Auto' }] } };
    expect(defaulting.withDefaults(object)).toEqual({
      spec: {
        interval: '1h',
        target: { policy: 'Owner', deletion: 'Retain' },
        items: [{ mode: 'None' }, { mode: 'Auto' }],
      },
    });
    expect(object).toEqual({ spec: { items: [{}, { mode: 'Auto' }] } });
    expect(
      defaulting.withDefaults({ spec: { interval: '5m', target: {} } }),
    ).toEqual({
      spec: { interval: '5m', target: { deletion: 'Retain' } },
    });
  });
});

describe('validateObjectMeta', () => {
  it('holds names, labels and annotations to the ObjectMeta rules', () => {
    expect(
      validateObjectMeta({
        name: 'orders.v2',
        labels: { 'app.kubernetes.io/name': 'orders' },
        annotations: { 'streaming-platform.io/owner': 'team-payments' },
      }),
    ).toEqual([]);
    expect(
      validateObjectMeta({
        name: 'Orders',
        labels: { 'bad key': 'x', ok: 'not ok!' },
      }).map(e => `${e.field} ${e.reason} ${String(e.value)}`),
    ).toEqual([
      'metadata.name FieldValueInvalid Orders',
      'metadata.labels FieldValueInvalid bad key',
      'metadata.labels FieldValueInvalid not ok!',
    ]);
    expect(validateObjectMeta({ name: 'a'.repeat(254) })[0].detail).toBe(
      'must be no more than 253 characters',
    );
  });

  it('holds names to the kind’s own rule', () => {
    expect(
      validateObjectMeta({ name: 'Fraud_Scorer' }, pathSegmentNameProblem),
    ).toEqual([]);
    expect(
      validateObjectMeta({ name: 'a/b' }, pathSegmentNameProblem)[0].detail,
    ).toBe("may not contain '/'");
  });
});
