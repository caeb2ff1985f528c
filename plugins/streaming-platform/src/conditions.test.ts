import { entityOfKind as entity } from './__testUtils__/fixtures';
import {
  isStreamingPipelineAvailable,
  isStreamingTeamAvailable,
} from './conditions';

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
