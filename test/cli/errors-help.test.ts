import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FIXTURES, runCli, tempDir } from './_cli.js';

describe('errors: one line, a code and a hint, never a value', () => {
  it('unknown command and unknown option exit 2 without echoing them', async () => {
    const a = await runCli(['0901234567']);
    expect(a.code).toBe(2);
    expect(a.stderr).toBe('waybill-shield: USAGE: unknown command. Hint: run waybill-shield --help for the list\n');
    const b = await runCli(['protect', 'x.csv', '--recipient-phone=0901234567']);
    expect(b.code).toBe(2);
    expect(b.stderr).toBe('waybill-shield protect: USAGE: unknown option. Hint: see --help\n');
  });

  it('missing input file: IO_ERROR with the errno, not the path', async () => {
    const dir = tempDir();
    const keys = join(dir, 'keys.json');
    await runCli(['keygen', '-o', keys]);
    const r = await runCli(['protect', join(dir, 'Nguyen-Van-An-0901234567.csv'), '--keys', keys]);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe('waybill-shield protect: IO_ERROR: cannot open the input file (ENOENT). Hint: check the path\n');
  });

  it('a bad keyring file is INVALID_KEYRING, exit 1, and does not quote the file', async () => {
    const dir = tempDir();
    const bad = join(dir, 'bad.json');
    writeFileSync(bad, '{"v":1,"primary":1,"keys":[{"id":1,"key":"c2VjcmV0LXZhbHVl","created":"x"}]}', { mode: 0o600 });
    const r = await runCli(['protect', join(FIXTURES, 'plain.csv'), '--keys', bad]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^waybill-shield protect: INVALID_KEYRING: .*Hint: the --keys file must be a keyring written by `waybill-shield keygen`\n$/);
    expect(r.stderr).not.toContain('c2VjcmV0');
    const notJson = join(dir, 'notjson.json');
    writeFileSync(notJson, 'secret-0901234567', { mode: 0o600 });
    const n = await runCli(['protect', join(FIXTURES, 'plain.csv'), '--keys', notJson]);
    expect(n.stderr).toBe('waybill-shield protect: INVALID_KEYRING: the keyring file is not JSON. Hint: the --keys file must be a keyring written by `waybill-shield keygen`\n');
  });

  it('--debug adds stack frames but still no message text', async () => {
    const r = await runCli(['protect', 'missing-0901234567.csv', '--keys', 'nope-0901234567.json', '--debug']);
    expect(r.code).toBe(1);
    const lines = r.stderr.trim().split('\n');
    expect(lines[0]).toMatch(/^waybill-shield protect: IO_ERROR: cannot read the keyring file \(ENOENT\)/);
    expect(lines.length).toBeGreaterThan(2);
    expect(lines.slice(2).every((l) => /^\s+at /.test(l))).toBe(true);
    expect(r.stderr).not.toContain('0901234567');
    const plain = await runCli(['protect', 'missing.csv', '--keys', 'nope.json']);
    expect(plain.stderr.trim().split('\n')).toHaveLength(1);
  });

  it('usage errors name the option and the rule', async () => {
    const r = await runCli(['protect', 'a.csv', 'b.csv', '--keys', 'k']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('give exactly one input');
    expect((await runCli(['protect', 'a.csv', '--keys', 'k', '--workers', '65'])).stderr).toContain('--workers must be a whole number from 0 to 64');
    expect((await runCli(['protect', 'a.csv', '--keys', 'k', '--format', 'xml'])).stderr).toContain('--format must be one of csv, ndjson, json');
    expect((await runCli(['protect', 'a.csv'])).stderr).toContain('--keys is required');
  });
});

describe('--help for every command, with examples', () => {
  it.each([['keygen'], ['protect'], ['label'], ['token'], ['verify-audit'], ['demo']])('%s --help', async (cmd) => {
    const r = await runCli([cmd, '--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^Usage: waybill-shield /);
    expect(r.stdout).toMatch(/Examples?:\n/);
    expect(r.stderr).toBe('');
  });

  it('top-level --help lists the commands and exit codes; no arguments is a usage error', async () => {
    const r = await runCli(['--help']);
    expect(r.code).toBe(0);
    for (const c of ['keygen', 'protect', 'label', 'token', 'verify-audit', 'demo', 'Exit codes']) expect(r.stdout).toContain(c);
    const none = await runCli([]);
    expect(none.code).toBe(2);
    expect(none.stdout).toBe('');
    expect((await runCli(['--version'])).stdout).toMatch(/^\d+\.\d+\.\d+\n$/);
  });
});

describe('demo', () => {
  it('walks intake → record → labels → reveal → refusal → audit, with a notice, and exits 0', async () => {
    const r = await runCli(['demo']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^NOTICE: demo mode\. A throwaway key/);
    for (const s of ['1. Intake', '2. Protected record', '3. Label', '^XA', '<svg', '4. Courier reveal', '"recipient.phone":"+84', '5. Wrong courier', 'refused: TOKEN_REJECTED', '7. Audit', 'chain verified: 5 records', 'Demo complete']) {
      expect(r.stdout).toContain(s);
    }
    expect(r.stderr).toBe('');
  });
});
