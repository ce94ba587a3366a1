/**
 * How an approval is shown, everywhere (`candor check`, docs/metrics.md, the panel, the report): truthfully.
 * Standing, in the order it is decided:
 *   invalid     a signature is present and does not verify: shown as such, `candor check` fails;
 *   verified    signed by a listed approver (provisioning/approvers.yaml) and verified with ssh-keygen -Y verify;
 *   pending     unsigned, and its approvers say sign-off is pending (the baseline "…; executive sign-off pending"):
 *               never shown as approved, only as recorded;
 *   unsigned    an approval by name only: shown as "approved (unsigned)";
 *   unverified  signed, but the signature could not be checked here (no ssh-keygen, no approvers file entry).
 */
export type Verification =
  | { state: 'verified'; name: string; role: string }
  | { state: 'unsigned' }
  | { state: 'invalid'; why: string }
  | { state: 'unverifiable'; why: string };

export type Standing = 'invalid' | 'verified' | 'pending' | 'unsigned' | 'unverified';

export interface ApprovalShown {
  version: string;
  fingerprint: string;
  approvedBy: string[];
  date: string;
  verified?: Verification;
}

/** Approver text that says the sign-off has not happened yet. */
export const isPendingText = (approvedBy: string[]) => approvedBy.some((n) => /\bpending\b/i.test(n));

export function approvalStanding(a: ApprovalShown): Standing {
  const v = a.verified ?? { state: 'unsigned' };
  if (v.state === 'invalid') {
    return 'invalid';
  }
  if (v.state === 'verified') {
    return 'verified';
  }
  if (v.state === 'unverifiable') {
    return 'unverified';
  }
  return isPendingText(a.approvedBy) ? 'pending' : 'unsigned';
}

/** One line: what the record is, whose, and how far it can be trusted. */
export function describeApproval(a: ApprovalShown): { standing: Standing; text: string } {
  const what = `v${a.version} (sha256:${a.fingerprint.slice(0, 12)})`;
  const by = a.approvedBy.join(', ');
  const standing = approvalStanding(a);
  const v = a.verified;
  const texts: Record<Standing, () => string> = {
    invalid: () => `signature does not verify (${v?.state === 'invalid' ? v.why : ''}): ${what} by ${by} on ${a.date}`,
    verified: () =>
      `approved and signed: ${what} by ${by} on ${a.date}; signature of ${v?.state === 'verified' ? `${v.name} (${v.role})` : ''} verified`,
    pending: () => `sign-off pending, not yet approved: ${what} recorded by ${by} on ${a.date}`,
    unsigned: () => `approved (unsigned): ${what} by ${by} on ${a.date}`,
    unverified: () =>
      `approved, signature not verified here (${v?.state === 'unverifiable' ? v.why : ''}): ${what} by ${by} on ${a.date}`,
  };
  return { standing, text: texts[standing]() };
}

const STANDING_LABEL: Record<Standing, string> = {
  verified: 'approved and signed',
  unsigned: 'approved (unsigned)',
  pending: 'sign-off pending',
  unverified: 'approved, signature not verified',
  invalid: 'signature does not verify',
};

/** A standing in a few words (the panel header), or undefined for a text that is no standing. */
export function standingLabel(standing: string | undefined): string | undefined {
  return standing !== undefined && Object.hasOwn(STANDING_LABEL, standing)
    ? STANDING_LABEL[standing as Standing]
    : undefined;
}
