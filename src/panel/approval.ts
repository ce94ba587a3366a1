/**
 * Frozen definitions: the provisioned dashboard pins the approved catalog fingerprint in the panel option
 * `approvedFingerprint`; when the datasource reports another one, the panel says so across the whole scorecard.
 */
import { standingLabel } from '../core/approval';

export type FingerprintCheck =
  | { state: 'unset' }
  | { state: 'match' }
  | {
      state: 'mismatch';
      /** The approved fingerprint as shown: `sha256:` + 12 hex, or the option's text when it is not a fingerprint. */
      approved: string;
      /** The frame's fingerprint as shown: `sha256:` + 12 hex. */
      actual: string;
      approvedFull: string;
      actualFull: string;
    };

const FULL_HEX = /^[0-9a-f]{64}$/;
const SHORT_HEX = /^[0-9a-f]{12}$/;

function normalise(text: string): string {
  const lower = text.trim().toLowerCase();
  return lower.startsWith('sha256:') ? lower.slice('sha256:'.length) : lower;
}

const shortForm = (hex: string) => (FULL_HEX.test(hex) || SHORT_HEX.test(hex) ? `sha256:${hex.slice(0, 12)}` : hex);

/**
 * Compares the pinned fingerprint with the frame's. The option accepts the full hex (with or without `sha256:`) or
 * the short form `sha256:` + 12 hex. An option that is neither never matches: a typo must not pass as approval.
 */
export function checkFingerprint(input: { approved?: string; full: string; short: string }): FingerprintCheck {
  const approvedText = (input.approved ?? '').trim();
  if (approvedText === '') {
    return { state: 'unset' };
  }
  const approved = normalise(approvedText);
  const actual = normalise(input.full);
  const matches =
    FULL_HEX.test(actual) &&
    ((FULL_HEX.test(approved) && approved === actual) || (SHORT_HEX.test(approved) && actual.startsWith(approved)));
  if (matches) {
    return { state: 'match' };
  }
  return {
    state: 'mismatch',
    approved: shortForm(approved) === approved ? approvedText : shortForm(approved),
    actual: input.short.trim() !== '' ? input.short : shortForm(actual),
    approvedFull: approvedText,
    actualFull: input.full,
  };
}

/** The approval record the datasource passes on (meta.custom.candor.approval), as far as the panel shows it. */
export interface ApprovalNote {
  standing?: string;
  text?: string;
}

/**
 * What the header says about approval, after the catalog line: only when the pinned fingerprint matches (a
 * mismatch is the banner's; nothing pinned claims nothing), and then exactly as the record stands (src/core/approval.ts):
 * a pending sign-off never reads as approved; without a record it says only that the fingerprint is the pinned one.
 */
export function approvalLabel(check: FingerprintCheck, approval?: ApprovalNote): string | undefined {
  if (check.state !== 'match') {
    return undefined;
  }
  return standingLabel(approval?.standing) ?? 'pinned fingerprint';
}
