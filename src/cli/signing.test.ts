/**
 * Signed approvals with throwaway SSH keys made here (ssh-keygen -t ed25519, no passphrase) in a temporary
 * project: never a committed private key.
 */
import { execFileSync } from 'child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import path from 'path';
import { parse, stringify } from 'yaml';

import { DEFAULT_VERSION, editCatalog, run, tempProject } from './testing/run';

const text = async (...argv: string[]) => {
  const r = await run(...argv);
  return { code: r.code, err: r.err.join('\n'), out: r.out.join('\n') };
};

function keyPair(name: string): { priv: string; pub: string } {
  const dir = mkdtempSync(path.join(tmpdir(), 'candor-key-'));
  const priv = path.join(dir, name);
  execFileSync('ssh-keygen', ['-q', '-t', 'ed25519', '-N', '', '-C', '', '-f', priv]);
  return { priv, pub: readFileSync(`${priv}.pub`, 'utf8').trim().split(/\s+/).slice(0, 2).join(' ') };
}

function signedProject(bump = true) {
  const p = tempProject();
  const cfo = keyPair('cfo');
  const approvers = {
    apiVersion: 'candor/approvers-v1',
    approvers: [
      { name: 'Dana Whitfield', role: 'CFO', principal: 'dana@example.com', key: cfo.pub, handle: '@dana-w' },
    ],
  };
  writeFileSync(path.join(p.root, 'provisioning/approvers.yaml'), stringify(approvers));
  if (bump) {
    editCatalog(p.catalog, (c) => (c.scorecard.version = '2027.1.1'));
  }
  return { ...p, cfo };
}

describe('signed approvals (ssh-keygen -Y)', () => {
  it('approve --sign-with signs; check verifies and says whose signature it is; --require-signatures passes', async () => {
    const p = signedProject();
    const signed = await text('approve', '--by', 'Dana Whitfield', '--sign-with', p.cfo.priv, '--root', p.root);
    expect(signed.code).toBe(0);
    expect(readFileSync(p.lock, 'utf8')).toContain('-----BEGIN SSH SIGNATURE-----');
    const r = await text('check', '--root', p.root, '--require-signatures');
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/: approved and signed: v2027\.1\.1 .* signature of Dana Whitfield \(CFO\) verified/);
  });

  it('--require-signatures fails on an unsigned approval and on the pending baseline', async () => {
    const p = signedProject(false);
    const pending = await text('check', '--root', p.root, '--require-signatures');
    expect(pending.code).toBe(1);
    expect(pending.err).toContain(`--require-signatures: sign-off pending, not yet approved: v${DEFAULT_VERSION}`);
    editCatalog(p.catalog, (c) => (c.scorecard.version = '2027.1.1'));
    await text('approve', '--by', 'Dana Whitfield', '--root', p.root);
    const unsigned = await text('check', '--root', p.root, '--require-signatures');
    expect(unsigned.code).toBe(1);
    expect(unsigned.err).toContain('--require-signatures: approved (unsigned): v2027.1.1');
  });

  it('a signature moved to other words (an approver added by hand) does not verify, and check fails without the flag', async () => {
    const p = signedProject();
    await text('approve', '--by', 'Dana Whitfield', '--sign-with', p.cfo.priv, '--root', p.root);
    const lock = parse(readFileSync(p.lock, 'utf8'));
    lock.approvals.at(-1).approvedBy.push('Board');
    writeFileSync(p.lock, stringify(lock));
    const r = await text('check', '--root', p.root);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/: signature does not verify \(.+\): v2027\.1\.1/);
  });

  it("a key that is not an approver's cannot sign, and the signer must be named in --by", async () => {
    const p = signedProject();
    const stranger = keyPair('stranger');
    const r = await text('approve', '--by', 'Dana Whitfield', '--sign-with', stranger.priv, '--root', p.root);
    expect(r.code).toBe(1);
    expect(r.err).toContain("this key is not any approver's in provisioning/approvers.yaml");
    const wrongName = await text('approve', '--by', 'Someone', '--sign-with', p.cfo.priv, '--root', p.root);
    expect(wrongName.code).toBe(1);
    expect(wrongName.err).toContain('name them with --by "Dana Whitfield"');
  });

  it('provision writes CODEOWNERS from the approvers handles', async () => {
    const p = signedProject();
    await text('approve', '--by', 'Dana Whitfield', '--sign-with', p.cfo.priv, '--root', p.root);
    const r = await text('provision', '--root', p.root);
    expect(r.code).toBe(0);
    expect(readFileSync(path.join(p.root, '.github/CODEOWNERS'), 'utf8')).toContain('/provisioning/ @dana-w\n');
  });
});
