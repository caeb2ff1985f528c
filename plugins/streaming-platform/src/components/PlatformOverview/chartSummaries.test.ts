import { NodePoolSeriesPoint } from '@internal/backstage-plugin-streaming-platform-common';
import { costSummary, formatNodes, nodesSummary } from './chartSummaries';

const point = (
  at: string,
  spot: number,
  onDemand: number,
  cost?: number,
): NodePoolSeriesPoint => ({
  at,
  nodesByCapacityType: { spot, 'on-demand': onDemand, reserved: 0 },
  vcpuByCapacityType: { spot: 0, 'on-demand': 0, reserved: 0 },
  ...(cost === undefined
    ? {}
    : {
        costPerHourUsd: cost,
        onDemandEquivalentPerHourUsd: cost * 2,
        idleCostPerHourUsd: cost / 4,
      }),
});

describe('chart summaries', () => {
  it('shows whole node counts whole and step means to one decimal', () => {
    expect(formatNodes(12)).toBe('12');
    expect(formatNodes(12.333)).toBe('12.3');
  });

  it('reads the latest and the peak of the nodes', () => {
    const text = nodesSummary(
      [
        point('2026-11-28T10:00:00Z', 10, 2),
        point('2026-11-28T10:05:00Z', 14.5, 6),
        point('2026-11-28T10:10:00Z', 12, 1),
      ],
      'eks-prod',
      '1 h',
    );
    expect(text).toMatch(
      /^Nodes by capacity type in eks-prod over the last 1 h: latest 12 spot, 1 on-demand, 0 reserved; at most 20.5 nodes \(.+\)\.$/,
    );
  });

  it('reads the latest and the mean cost, skipping points without cost', () => {
    expect(
      costSummary(
        [
          point('2026-11-28T10:00:00Z', 1, 1, 10),
          point('2026-11-28T10:05:00Z', 1, 1, 20),
          point('2026-11-28T10:10:00Z', 1, 1),
        ],
        'eks-prod',
        '1 h',
      ),
    ).toBe(
      'Cost per hour in eks-prod over the last 1 h, estimated: latest $20.00 actual, $40.00 on-demand equivalent, $5.00 idle; on average $15.00 actual against $30.00 on-demand equivalent.',
    );
  });

  it('says when there is nothing to read', () => {
    expect(nodesSummary([], 'eks-prod', '1 h')).toBe(
      'Nodes by capacity type in eks-prod over the last 1 h: no samples.',
    );
    expect(costSummary([], 'eks-prod', '1 h')).toBe(
      'Cost per hour in eks-prod over the last 1 h, estimated: no samples.',
    );
  });
});
