/**
 * Signed approvals with `ssh-keygen -Y sign` / `-Y verify` (OpenSSH, the mechanism git uses for signed commits),
 * namespace `candor-approval`. The signed text (`approvalPayload`) names the catalog file, version, fingerprint, the
 * approved metric ids, the approvers, the date and the hash of the previous entry, so a signature cannot be moved
 * to another approval, another catalog or another place in the record. Keys are never read by Candor itself: the
 * private key stays with ssh-keygen (and its agent); only public keys are committed, in provisioning/approvers.yaml.
 */
import { execFileSync } from 'child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import path from 'path';

import type { Verification } from '../core/approval';
import { canonicalJson } from '../core/fingerprint';
import {
  allowedSigners,
  type Approver,
  APPROVERS_FILE,
  parseApprovers,
  SIGNATURE_NAMESPACE,
} from '../provision/approvers';
import type { Approval, Lock } from '../provision/lock';
import { CliError, read } from './common';

/**
 * The exact text an approval's signature covers: a version line, then the canonical JSON (keys sorted, src/core/
 * fingerprint.ts) of the catalog file name and every field of the entry but the signature. JSON, so no two
 * different entries can ever give the same text.
 */
export function approvalPayload(lock: Pick<Lock, 'catalog'>, a: Approval): string {
  const { signature: _signature, ...signed } = a;
  return `candor-approval-v1\n${canonicalJson({ catalog: lock.catalog, ...signed })}\n`;
}

/** The approvers file of the project, or undefined when there is none; a CliError (exit 2) when it is broken. */
export function loadApprovers(root: string): Approver[] | undefined {
  const file = path.join(root, APPROVERS_FILE);
  if (!existsSync(file)) {
    return undefined;
  }
  const { approvers, problems } = parseApprovers(read(file));
  if (!approvers) {
    throw new CliError(problems.map((p) => `${file}: ${p.path}: ${p.message}`).join('\n'), 2);
  }
  return approvers;
}

function inTemp<T>(work: (dir: string) => T): T {
  const dir = mkdtempSync(path.join(tmpdir(), 'candor-sign-'));
  try {
    return work(dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function sshKeygen(args: string[], input?: string): { ok: boolean; out: string; missing?: boolean } {
  try {
    const out = execFileSync('ssh-keygen', args, { input, encoding: 'utf8', stdio: ['pipe', 'pipe', 'pipe'] });
    return { ok: true, out };
  } catch (e) {
    const err = e as { code?: string; stderr?: string; stdout?: string; message: string };
    if (err.code === 'ENOENT') {
      return { ok: false, out: 'ssh-keygen is not installed (Debian package openssh-client)', missing: true };
    }
    return {
      ok: false,
      out: (`${err.stderr ?? ''}${err.stdout ?? ''}`.trim().split('\n')[0] || err.message).replace(/\s+/g, ' ').trim(),
    };
  }
}

/** Verifies the approval's signature against the approvers file; `unsigned` when it carries none. */
export function verifyApproval(input: { root: string; lock: Lock; approval: Approval }): Verification {
  const { root, lock, approval } = input;
  const sig = approval.signature;
  if (!sig) {
    return { state: 'unsigned' };
  }
  const approvers = loadApprovers(root) ?? [];
  const signer = approvers.find((a) => a.principal === sig.signer);
  if (!signer) {
    return { state: 'invalid', why: `signer "${sig.signer}" is not in ${APPROVERS_FILE}` };
  }
  if (!approval.approvedBy.includes(signer.name)) {
    return { state: 'invalid', why: `signer ${signer.name} is not among the approvers named in the entry` };
  }
  return inTemp((dir) => {
    const allowed = path.join(dir, 'allowed_signers');
    const sigFile = path.join(dir, 'approval.sig');
    writeFileSync(allowed, allowedSigners(approvers));
    writeFileSync(sigFile, sig.sig.endsWith('\n') ? sig.sig : `${sig.sig}\n`);
    const r = sshKeygen(
      ['-Y', 'verify', '-f', allowed, '-I', signer.principal, '-n', SIGNATURE_NAMESPACE, '-s', sigFile],
      approvalPayload(lock, approval)
    );
    if (r.missing) {
      return { state: 'unverifiable', why: r.out };
    }
    return r.ok ? { state: 'verified', name: signer.name, role: signer.role } : { state: 'invalid', why: r.out };
  });
}

/**
 * Signs an approval with the private key file KEY (ssh-keygen may ask for its passphrase or use the agent). The
 * key's public half must be a listed approver's, and that approver must be named in --by.
 */
export function signApproval(input: { root: string; lock: Lock; approval: Approval; keyFile: string }): Approval {
  const { root, lock, approval, keyFile } = input;
  const approvers = loadApprovers(root);
  if (!approvers || approvers.length === 0) {
    throw new CliError(
      `--sign-with: no approvers in ${APPROVERS_FILE}: list the approver and their public key first`,
      1
    );
  }
  const pub = sshKeygen(['-y', '-f', keyFile]);
  if (!pub.ok) {
    throw new CliError(`--sign-with: ${keyFile}: cannot read the key: ${pub.out}`, pub.missing ? 1 : 2);
  }
  const [type, body] = pub.out.trim().split(/\s+/);
  const signer = approvers.find((a) => a.key.trim().split(/\s+/).slice(0, 2).join(' ') === `${type} ${body}`);
  if (!signer) {
    throw new CliError(`--sign-with: ${keyFile}: this key is not any approver's in ${APPROVERS_FILE}`, 1);
  }
  if (!approval.approvedBy.includes(signer.name)) {
    throw new CliError(
      `--sign-with: the key is ${signer.name}'s (${signer.role}): name them with --by "${signer.name}"`,
      1
    );
  }
  return inTemp((dir) => {
    const payload = path.join(dir, 'approval');
    writeFileSync(payload, approvalPayload(lock, approval));
    const r = sshKeygen(['-Y', 'sign', '-f', keyFile, '-n', SIGNATURE_NAMESPACE, payload]);
    if (!r.ok) {
      throw new CliError(`--sign-with: ssh-keygen could not sign: ${r.out}`, 1);
    }
    const sig = readFileSync(`${payload}.sig`, 'utf8').trim();
    return { ...approval, signature: { signer: signer.principal, sig } };
  });
}
