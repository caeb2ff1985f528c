import { Entity } from '@backstage/catalog-model';
import {
  isStreamingPipelineAvailable,
  isStreamingTeamAvailable,
} from './conditions';

const entity = (kind: string, type?: string): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind,
  metadata: { name: 'x' },
  spec: type ? { type } : {},
});

describe('entity conditions', () => {
  it.each([
    [entity('Component', 'streaming-pipeline'), true],
    [entity('component', 'streaming-pipeline'), true],
    [entity('Component', 'service'), false],
    [entity('Component'), false],
    [entity('Resource', 'streaming-pipeline'), false],
  ])('isStreamingPipelineAvailable(%j) is %s', (e, expected) => {
    expect(isStreamingPipelineAvailable(e)).toBe(expected);
  });

  it.each([
    [entity('Group', 'team'), true],
    [entity('group'), true],
    [entity('User'), false],
  ])('isStreamingTeamAvailable(%j) is %s', (e, expected) => {
    expect(isStreamingTeamAvailable(e)).toBe(expected);
  });
});
