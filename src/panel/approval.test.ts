import { checkFingerprint } from './approval';

const FULL = 'ab12cd34ef56'.padEnd(64, '7');
const SHORT = 'sha256:ab12cd34ef56';
const OTHER = 'ffeeddccbbaa'.padEnd(64, '1');

describe('checkFingerprint', () => {
  it.each([undefined, '', '   '])('is unset for %j', (approved) => {
    expect(checkFingerprint({ approved, full: FULL, short: SHORT })).toEqual({ state: 'unset' });
  });

  it.each([FULL, `sha256:${FULL}`, FULL.toUpperCase(), SHORT, ` ${SHORT} `, 'SHA256:AB12CD34EF56'])(
    'matches %j',
    (approved) => {
      expect(checkFingerprint({ approved, full: FULL, short: SHORT }).state).toBe('match');
    }
  );

  it('reports a different fingerprint with both, in short form', () => {
    expect(checkFingerprint({ approved: OTHER, full: FULL, short: SHORT })).toEqual({
      state: 'mismatch',
      approved: 'sha256:ffeeddccbbaa',
      actual: SHORT,
      approvedFull: OTHER,
      actualFull: FULL,
    });
  });

  it.each(['ab12', 'sha256:ab12cd34ef5', 'not a fingerprint', `${FULL}0`])(
    'never accepts a value that is not a fingerprint (%j)',
    (approved) => {
      const check = checkFingerprint({ approved, full: FULL, short: SHORT });
      expect(check.state).toBe('mismatch');
      expect(check.state === 'mismatch' && check.approved).toBe(approved);
    }
  );

  it('does not match when the frame has no valid fingerprint', () => {
    expect(checkFingerprint({ approved: SHORT, full: '', short: '' }).state).toBe('mismatch');
  });
});
