import { parseScalingReport, ScalingReport } from './scalingReport';

const A = '0a448493b4782967b150582570326227';
const B = 'ea632d67b7d595e5b851708ae9ad79d6';

describe('parseScalingReport', () => {
  it.each<[string, string, ScalingReport | undefined]>([
    [
      'executed, two vertices (upstream docs example)',
      `Scaling execution enabled, begin scaling vertices:{ Vertex ID ${A} | Parallelism 2 -> 4 | Processing capacity 812.50 -> 1625.00 | Target data rate 1300.00}{ Vertex ID ${B} | Parallelism 4 -> 6 | Processing capacity 2400.00 -> 3600.00 | Target data rate 3100.00}`,
      {
        executed: true,
        vertices: [
          { vertex: A, from: 2, to: 4 },
          { vertex: B, from: 4, to: 6 },
        ],
      },
    ],
    [
      'disabled by scaling.enabled',
      `Scaling execution disabled by config job.autoscaler.scaling.enabled:false, recommended parallelism change:{ Vertex ID ${A} | Parallelism 8 -> 4 | Processing capacity 3000.00 -> 1500.00 | Target data rate 900.00}`,
      { executed: false, vertices: [{ vertex: A, from: 8, to: 4 }] },
    ],
    [
      'disabled in an excluded period',
      `Scaling execution disabled by config job.autoscaler.excluded.periods:[* * 9-11 * * ?], recommended parallelism change:{ Vertex ID ${A} | Parallelism 3 -> 5 | Processing capacity 1,00 -> 2,00 | Target data rate 1,50}`,
      { executed: false, vertices: [{ vertex: A, from: 3, to: 5 }] },
    ],
    [
      'extra whitespace, newlines and fields in another order',
      `  Scaling execution enabled, begin scaling vertices:\n{Vertex ID   ${A}|Target data rate 1.00 |  Parallelism   12->16 | Something new 7 }\n\n{ Vertex ID ${B} | Parallelism 1 -> 1 | Processing capacity 1.00 -> 1.00 | Target data rate 1.00}  `,
      {
        executed: true,
        vertices: [
          { vertex: A, from: 12, to: 16 },
          { vertex: B, from: 1, to: 1 },
        ],
      },
    ],
    [
      'a message truncated inside the last block',
      `Scaling execution enabled, begin scaling vertices:{ Vertex ID ${A} | Parallelism 2 -> 4 | Processing capacity 1.00 -> 2.00 | Target data rate 1.00}{ Vertex ID ${B} | Parallelism 4 -> 6 | Processing capac`,
      {
        executed: true,
        vertices: [
          { vertex: A, from: 2, to: 4 },
          { vertex: B, from: 4, to: 6 },
        ],
      },
    ],
    [
      'a block without a parallelism is skipped',
      `Scaling execution enabled, begin scaling vertices:{ Vertex ID ${A} | Processing capacity 1.00 -> 2.00}{ Vertex ID ${B} | Parallelism 4 -> 2 }`,
      { executed: true, vertices: [{ vertex: B, from: 4, to: 2 }] },
    ],
    [
      'a header with no blocks',
      'Scaling execution enabled, begin scaling vertices:',
      { executed: true, vertices: [] },
    ],
    [
      'blocks under an unknown header',
      `Begin scaling vertices:{ Vertex ID ${A} | Parallelism 2 -> 3 }`,
      { executed: true, vertices: [{ vertex: A, from: 2, to: 3 }] },
    ],
    ['another event', 'In-place scaling triggered', undefined],
    [
      'a JobStatusChanged message',
      'Job status changed from RUNNING to RESTARTING',
      undefined,
    ],
    ['braces without vertices', '{ not | a report }', undefined],
    ['empty', '', undefined],
  ])('%s', (_, message, expected) => {
    expect(parseScalingReport(message)).toEqual(expected);
  });

  it.each([[undefined], [null], [42], [{}]])('does not throw on %j', value => {
    expect(parseScalingReport(value as unknown as string)).toBeUndefined();
  });
});
