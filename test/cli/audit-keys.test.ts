/**
 * The audit file and the key material through the built CLI: concurrent `--audit` writers, a
 * torn tail, verify-audit's canonical records and kept heads; `keygen > file`, the keyring
 * warning on every command that reads one, and tokens kept off the command line.
 */
import { spawn } from 'node:child_process';
import { chmodSync, closeSync, copyFileSync, openSync, readdirSync, readFileSync, statSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { Keyring } from '../../src/keys/keyring.js';
import { builtCli, FIXTURES, ndjson, runCli, tempDir } from './_cli.js';

let dir: string;
let keys: string;
beforeAll(async () => {
  dir = tempDir();
  keys = join(dir, 'keys.json');
  expect((await runCli(['keygen', '-o', keys])).code).toBe(0);
});

const issue = (audit: string, waybill = 'VN-A-1') => runCli(['token', 'issue', '--keys', keys, '--waybill', waybill, '--courier', 'courier-042', '--audit', audit]);

describe('token --audit and verify-audit', () => {
  it('concurrent CLI writers on one audit file: each writes or is refused with AUDIT_LOCKED, and the chain verifies', async () => {
    const audit = join(dir, 'concurrent.jsonl');
    const runs = await Promise.all(Array.from({ length: 8 }, (_, i) => issue(audit, `VN-A-${i}`)));
    const ok = runs.filter((r) => r.code === 0).length;
    for (const r of runs) {
      if (r.code !== 0) {
        expect(r.code).toBe(1);
        expect(r.stderr).toMatch(/^waybill-shield token: AUDIT_LOCKED: the audit file is open in another writer\. Hint: another process is writing this audit file/);
        expect(r.stderr).not.toContain(audit);
        expect(r.stdout).toBe('');
      }
    }
    expect(ok).toBeGreaterThanOrEqual(1);
    const v = await runCli(['verify-audit', audit]);
    expect(v.code, v.stderr).toBe(0);
    expect(JSON.parse(v.stdout)).toMatchObject({ ok: true, count: ok, repairs: 0 });
  }, 120_000);

  it('a writer that holds the file refuses the CLI; once it is gone the CLI continues the chain', async () => {
    const audit = join(dir, 'held.jsonl');
    const writer = fileURLToPath(new URL('../audit/_writer.ts', import.meta.url));
    const child = spawn(process.execPath, ['--import', 'tsx', writer, audit, '2', 'hold'], { stdio: ['pipe', 'pipe', 'inherit'] });
    await new Promise<void>((resolve) => child.stdout.once('data', () => resolve()));
    const refused = await issue(audit);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('AUDIT_LOCKED');
    child.stdin.end();
    await new Promise((resolve) => child.on('close', resolve));
    expect((await issue(audit)).code).toBe(0);
    const v = await runCli(['verify-audit', audit]);
    expect(JSON.parse(v.stdout)).toMatchObject({ ok: true, count: 3 });
  }, 60_000);

  it('a torn last line: the next run moves it aside, writes audit-repair, and verify-audit still catches the lost record against a kept head', async () => {
    const audit = join(dir, 'torn.jsonl');
    for (let i = 0; i < 4; i++) expect((await issue(audit, `VN-T-${i}`)).code).toBe(0);
    const full = readFileSync(audit, 'utf8');
    const last = ndjson(full).at(-1) as { hash: string };
    const keptHead = last.hash; // the operator stored the head after the 4th write
    // The 4th record is torn: a crash (kill -9, power loss) mid-write.
    truncateSync(audit, Buffer.byteLength(full) - 40);
    const tornBytes = Buffer.byteLength(full.trimEnd().split('\n').at(-1)!) - 39;

    const next = await issue(audit, 'VN-T-9');
    expect(next.code, next.stderr).toBe(0);
    const aside = readdirSync(dir).filter((f) => f.startsWith('torn.jsonl.torn-'));
    expect(aside).toHaveLength(1);
    expect(statSync(join(dir, aside[0]!)).size).toBe(tornBytes);
    const records = ndjson(readFileSync(audit, 'utf8'));
    expect(records.map((r) => r.action)).toEqual(['token.issue', 'token.issue', 'token.issue', 'audit-repair', 'token.issue']);
    expect(records[3]).toMatchObject({ seq: 3, reason: `torn-bytes-${tornBytes}` });

    const v = await runCli(['verify-audit', audit]);
    expect(v.code).toBe(0);
    expect(JSON.parse(v.stdout)).toMatchObject({ ok: true, count: 5, repairs: 1 });
    const against = await runCli(['verify-audit', audit, '--head', keptHead]);
    expect(against.code).toBe(4);
    expect(against.stderr).toContain('AUDIT_FAILED: the chain does not pass through --head');
    // A head kept before the tear is still in the chain.
    expect((await runCli(['verify-audit', audit, '--head', records[2]!.hash as string])).code).toBe(0);
  }, 60_000);

  it('verify-audit: a record with an extra field or a duplicated key is malformed, at its line', async () => {
    const audit = join(dir, 'canon.jsonl');
    for (let i = 0; i < 3; i++) await issue(audit, `VN-C-${i}`);
    const lines = readFileSync(audit, 'utf8').trimEnd().split('\n');
    const cases = [
      lines[1]!.replace('}', ',"phone":"0901234567"}'),
      lines[1]!.replace('"actor":"system"', '"actor":"0901234567","actor":"system"'),
    ];
    for (const bad of cases) {
      const file = join(dir, 'canon-bad.jsonl');
      writeFileSync(file, `${[lines[0], bad, lines[2]].join('\n')}\n`);
      const r = await runCli(['verify-audit', file]);
      expect(r.code).toBe(4);
      expect(r.stderr).toMatch(/AUDIT_FAILED: malformed record at line 2 \(expected seq 1\)/);
      expect(r.stderr + r.stdout).not.toContain('0901234567');
    }
  });

  it('an actor that is a phone number, however punctuated, is refused', async () => {
    const audit = join(dir, 'actor.jsonl');
    for (const actor of ['0901-234-567', '0901.234.567', '0901:234:567']) {
      const r = await runCli(['token', 'issue', '--keys', keys, '--waybill', 'VN-A-1', '--courier', 'courier-042', '--audit', audit, '--actor', actor]);
      expect(r.code, actor).not.toBe(0);
      expect(r.stdout).toBe('');
      expect(r.stderr).not.toContain('234');
    }
  });
});

describe('keys and tokens on the command line', () => {
  it('keygen > file: a regular-file stdout is made 0600 before the key is written', async () => {
    const file = join(dir, 'redirected.json');
    writeFileSync(file, '', { mode: 0o644 });
    chmodSync(file, 0o644);
    const fd = openSync(file, 'w');
    const code = await new Promise<number | null>((resolve, reject) => {
      const child = spawn(process.execPath, [builtCli(), 'keygen'], { stdio: ['ignore', fd, 'pipe'] });
      child.on('error', reject);
      child.on('close', resolve);
    });
    closeSync(fd);
    expect(code).toBe(0);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(Keyring.fromJSON(readFileSync(file, 'utf8')).keyIds).toEqual([1]);
  });

  it('token issue and redeem warn about a world-readable keyring, as protect and label do', async () => {
    const open = join(dir, 'open-keys.json');
    copyFileSync(keys, open);
    chmodSync(open, 0o644);
    const issued = await runCli(['token', 'issue', '--keys', open, '--waybill', 'VN-W-1', '--courier', 'courier-042']);
    expect(issued.code).toBe(0);
    expect(issued.stderr).toBe('waybill-shield token: warning: the keyring file can be read by other users; chmod 600 it\n');
    const redeemed = await runCli(['token', 'redeem', '-', '--keys', open, '--waybill', 'VN-W-1', '--courier', 'courier-042'], { input: issued.stdout });
    expect(redeemed.code).toBe(0);
    expect(redeemed.stderr).toContain('warning: the keyring file can be read by other users');
    const quiet = await runCli(['token', 'issue', '--keys', keys, '--waybill', 'VN-W-1', '--courier', 'courier-042']);
    expect(quiet.stderr).toBe('');
  });

  it('token redeem reads the token from WAYBILL_SHIELD_TOKEN when none is given, and says so in --help', async () => {
    const record = join(dir, 'rec.ndjson');
    expect((await runCli(['protect', join(FIXTURES, 'plain.csv'), '--keys', keys, '-o', record, '-q'])).code).toBe(0);
    const issued = await runCli(['token', 'issue', '--keys', keys, '--waybill', 'VN-P-0001', '--courier', 'courier-042', '--assignment', '1']);
    const token = issued.stdout.trim();
    const r = await runCli(['token', 'redeem', '--keys', keys, '--waybill', 'VN-P-0001', '--courier', 'courier-042', '--record', record], { env: { WAYBILL_SHIELD_TOKEN: token } });
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual({ 'recipient.phone': '+84901234567' });
    const none = await runCli(['token', 'redeem', '--keys', keys, '--waybill', 'VN-P-0001', '--courier', 'courier-042'], { env: { WAYBILL_SHIELD_TOKEN: '' } });
    expect(none.code).toBe(2);
    expect(none.stderr).toContain('WAYBILL_SHIELD_TOKEN');
    const help = await runCli(['token', '--help']);
    expect(help.stdout).toContain('WAYBILL_SHIELD_TOKEN');
    expect(help.stdout).toContain('- reads it from stdin');
  });
});
