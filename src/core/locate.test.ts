import { locate, locationText, pathSegments } from './locate';

const TEXT = `apiVersion: candor/v1
scorecard:
  id: s
  title: S
  version: 1.0
metrics:
  - id: availability
    owner: Head of SRE
  - id: error-rate
    owner: ''
    thresholds:
      green: 1
`;

describe('locate', () => {
  it('splits a path into keys and indexes', () => {
    expect(pathSegments('metrics[3].thresholds.green')).toEqual(['metrics', 3, 'thresholds', 'green']);
  });

  it.each<[string, string]>([
    ['metrics[1].owner', ' (metric error-rate, line 10)'],
    ['metrics[1].thresholds.green', ' (metric error-rate, line 12)'],
    // A missing field: the line of the mapping that lacks it.
    ['metrics[0].unit', ' (metric availability, line 7)'],
    ['scorecard.version', ' (line 5)'],
    ['pillars', ''],
  ])('%s is told by metric id and line', (path, text) => {
    expect(locationText(locate(TEXT, path))).toBe(text);
  });
});
