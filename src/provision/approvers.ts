/**
 * The approvers file, `provisioning/approvers.yaml`: who may sign a catalog approval, with their role and SSH public
 * key, and (optionally) their git host handle for CODEOWNERS. From it come the allowed-signers list that
 * `ssh-keygen -Y verify` reads and `.github/CODEOWNERS`. Pure: text in, data or problems out.
 *
 *   apiVersion: candor/approvers-v1
 *   approvers:
 *     - name: Dana Whitfield          # as written in `candor approve --by`
 *       role: CFO
 *       principal: dana@example.com   # the signer identity (ssh-keygen -Y … -I)
 *       key: ssh-ed25519 AAAAC3Nza…   # the public key, one line
 *       handle: "@dana-w"             # optional: git host user or @org/team for CODEOWNERS
 */
import { parseYaml } from '../core/parse';
import type { Problem } from '../core/types';
import { APPROVER_NAME_RULE, isApproverName } from './lock';

export const APPROVERS_API_VERSION = 'candor/approvers-v1';
export const APPROVERS_FILE = 'provisioning/approvers.yaml';
/** The ssh-keygen -Y namespace: a Candor approval signature is never valid as a git commit or file signature. */
export const SIGNATURE_NAMESPACE = 'candor-approval';

export interface Approver {
  name: string;
  role: string;
  principal: string;
  key: string;
  handle?: string;
}

const FIELDS = ['name', 'role', 'principal', 'key', 'handle'];
const text = (v: unknown): v is string => typeof v === 'string' && v.trim() !== '';

function approverProblems(a: unknown, at: string): Problem[] {
  if (a === null || typeof a !== 'object' || Array.isArray(a)) {
    return [{ path: at, message: 'must be a mapping with name, role, principal and key' }];
  }
  const r = a as Record<string, unknown>;
  const problems: Problem[] = Object.keys(r)
    .filter((k) => !FIELDS.includes(k))
    .map((k) => ({ path: `${at}.${k}`, message: 'is not an approvers field' }));
  for (const f of ['name', 'role', 'principal', 'key']) {
    if (!text(r[f])) {
      problems.push({ path: `${at}.${f}`, message: 'is required (not empty)' });
    }
  }
  if (text(r.principal) && !/^[A-Za-z0-9_][\w.+@-]*$/.test(r.principal)) {
    problems.push({
      path: `${at}.principal`,
      message:
        'must be one word of letters, digits and . _ + @ - (an e-mail address or a login), not starting with a symbol',
    });
  }
  if (text(r.name) && !isApproverName(r.name)) {
    problems.push({ path: `${at}.name`, message: APPROVER_NAME_RULE });
  }
  if (
    text(r.key) &&
    !/^(ssh-ed25519|ssh-rsa|ecdsa-sha2-nistp(256|384|521)|sk-ssh-ed25519@openssh\.com) [A-Za-z0-9+/=]+$/.test(
      r.key.trim()
    )
  ) {
    problems.push({
      path: `${at}.key`,
      message: 'must be an SSH public key line: TYPE BASE64 (no comment, no private key)',
    });
  }
  if (r.handle !== undefined && (!text(r.handle) || !/^@[A-Za-z0-9][\w.-]*(\/[\w.-]+)?$/.test(r.handle))) {
    problems.push({ path: `${at}.handle`, message: 'must be a git host handle such as @user or @org/team' });
  }
  return problems;
}

export function parseApprovers(source: string): { approvers?: Approver[]; problems: Problem[] } {
  const parsed = parseYaml(source);
  if (parsed.syntaxErrors.length > 0) {
    return { problems: parsed.syntaxErrors };
  }
  const d = parsed.data as Record<string, unknown> | null;
  if (d === null || typeof d !== 'object') {
    return { problems: [{ path: '', message: 'an approvers file is a mapping (apiVersion, approvers)' }] };
  }
  const problems: Problem[] = [];
  if (d.apiVersion !== APPROVERS_API_VERSION) {
    problems.push({ path: 'apiVersion', message: `must be ${APPROVERS_API_VERSION}` });
  }
  Object.keys(d)
    .filter((k) => k !== 'apiVersion' && k !== 'approvers')
    .forEach((k) => problems.push({ path: k, message: 'is not an approvers field' }));
  const list = d.approvers ?? [];
  if (!Array.isArray(list)) {
    problems.push({ path: 'approvers', message: 'must be a list' });
  } else {
    list.forEach((a, i) => problems.push(...approverProblems(a, `approvers[${i}]`)));
    for (const field of ['principal', 'name', 'key'] as const) {
      const seen = new Map<string, number>();
      (list as Approver[]).forEach((a, i) => {
        const key = typeof a?.[field] === 'string' ? a[field].trim() : '';
        if (key && seen.has(key)) {
          problems.push({ path: `approvers[${i}].${field}`, message: `duplicate (also approvers[${seen.get(key)}])` });
        }
        seen.set(key, i);
      });
    }
  }
  return problems.length > 0 ? { problems } : { approvers: list as Approver[], problems };
}

/** The allowed-signers file `ssh-keygen -Y verify -f` reads, limited to the Candor namespace. */
export function allowedSigners(approvers: Approver[]): string {
  return approvers.map((a) => `${a.principal} namespaces="${SIGNATURE_NAMESPACE}" ${a.key.trim()}\n`).join('');
}
