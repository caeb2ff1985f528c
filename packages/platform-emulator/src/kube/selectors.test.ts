import {
  matchesFields,
  matchesLabels,
  parseFieldSelector,
  parseLabelSelector,
} from './selectors';

const TASK_MANAGER = {
  app: 'payments-enricher',
  component: 'taskmanager',
  'karpenter.sh/capacity-type': 'spot',
  tier: '3',
};

function matches(
  selector: string,
  labels: Record<string, string> = TASK_MANAGER,
) {
  return matchesLabels(parseLabelSelector(selector), labels);
}

describe('label selectors', () => {
  it.each([
    ['', true],
    ['app=payments-enricher', true],
    ['app==payments-enricher,component=taskmanager', true],
    ['app = payments-enricher , component = jobmanager', false],
    ['component!=jobmanager', true],
    ['missing!=x', true],
    ['component in (taskmanager, jobmanager)', true],
    ['component notin (taskmanager)', false],
    ['missing notin (a,b)', true],
    ['karpenter.sh/capacity-type', true],
    ['!karpenter.sh/capacity-type', false],
    ['!missing', true],
    ['tier>2', true],
    ['tier<3', false],
    ['missing<3', false],
    ['app=', false],
  ])('%s → %s', (selector, expected) => {
    expect(matches(selector)).toBe(expected);
  });

  it('matches an empty value against a label set to empty', () => {
    expect(matches('owner=', { owner: '' })).toBe(true);
  });

  it.each([
    'app=a b',
    'component in taskmanager',
    'component in (a',
    '=x',
    'tier>two',
    'Bad Key=x',
    'app=x,',
  ])('rejects %s with a 400', selector => {
    expect(() => parseLabelSelector(selector)).toThrow(
      expect.objectContaining({ code: 400 }),
    );
  });
});

describe('field selectors', () => {
  const supported = new Set(['metadata.name', 'involvedObject.name', 'reason']);
  const values: Record<string, string> = {
    'metadata.name': 'x.1',
    'involvedObject.name': 'a,b=c',
    reason: 'ScalingReport',
  };

  it('parses =, == and != terms with escapes', () => {
    const selector = parseFieldSelector(
      'involvedObject.name=a\\,b\\=c,reason!=Killing,metadata.name==x.1',
      supported,
    );
    expect(selector).toEqual([
      { field: 'involvedObject.name', operator: 'equals', value: 'a,b=c' },
      { field: 'reason', operator: 'notEquals', value: 'Killing' },
      { field: 'metadata.name', operator: 'equals', value: 'x.1' },
    ]);
    expect(matchesFields(selector, field => values[field])).toBe(true);
    expect(
      matchesFields(
        parseFieldSelector('reason=Killing', supported),
        f => values[f],
      ),
    ).toBe(false);
  });

  it('answers 400 "field label not supported" like the real server', () => {
    expect(() => parseFieldSelector('spec.nodeName=n1', supported)).toThrow(
      expect.objectContaining({
        code: 400,
        message: 'field label not supported: spec.nodeName',
      }),
    );
    expect(() => parseFieldSelector('reason', supported)).toThrow(
      expect.objectContaining({ code: 400 }),
    );
  });
});
