import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { FIXTURES, ndjson, runCli, tempDir } from './_cli.js';

let dir: string;
let keys: string;
let record: string;
beforeAll(async () => {
  dir = tempDir();
  keys = join(dir, 'keys.json');
  expect((await runCli(['keygen', '-o', keys])).code).toBe(0);
  record = join(dir, 'protected.ndjson');
  expect((await runCli(['protect', join(FIXTURES, 'plain.csv'), '--keys', keys, '-o', record, '-q'])).code).toBe(0);
});

const common = (audit: string) => ['--keys', keys, '--waybill', 'VN-P-0001', '--audit', audit];

describe('token issue / redeem and verify-audit', () => {
  it('issues a grouped token; the assigned courier redeems it and sees the phone; another courier is refused (exit 4)', async () => {
    const audit = join(dir, 'audit.jsonl');
    const issued = await runCli(['token', 'issue', ...common(audit), '--courier', 'courier-042', '--assignment', '1', '--valid-hours', '4']);
    expect(issued.code).toBe(0);
    const token = issued.stdout.trim();
    expect(token).toMatch(/^[0-9A-Z]{5}(-[0-9A-Z]{5}){3}$/);

    const wrong = await runCli(['token', 'redeem', token, ...common(audit), '--courier', 'courier-999', '--record', record]);
    expect(wrong.code).toBe(4);
    expect(wrong.stdout).toBe('');
    expect(wrong.stderr).toBe('waybill-shield token: TOKEN_REJECTED: the reveal token was not accepted. Hint: check the waybill id, courier id, assignment number and validity window\n');

    const ok = await runCli(['token', 'redeem', '-', ...common(audit), '--courier', 'courier-042', '--record', record], { input: `${token.toLowerCase()}\n` });
    expect(ok.code).toBe(0);
    expect(JSON.parse(ok.stdout)).toEqual({ 'recipient.phone': '+84901234567' });

    const records = ndjson(readFileSync(audit, 'utf8'));
    expect(records.map((r) => [r.action, r.outcome, r.actor])).toEqual([
      ['token.issue', 'ok', 'system'],
      ['token.redeem', 'denied', 'courier-999'],
      ['token.redeem', 'ok', 'courier-042'],
      ['reveal', 'ok', 'courier-042'],
    ]);
    expect(readFileSync(audit, 'utf8')).not.toContain('0901234567');
    expect(readFileSync(audit, 'utf8')).not.toContain(token.replaceAll('-', ''));

    const v = await runCli(['verify-audit', audit]);
    expect(v.code).toBe(0);
    const result = JSON.parse(v.stdout) as { ok: boolean; count: number; head: { seq: number; hash: string } };
    expect(result).toMatchObject({ ok: true, count: 4, head: { seq: 3 } });
    expect((await runCli(['verify-audit', audit, '--head', result.head.hash])).code).toBe(0);

    // Tampering with any record breaks the chain from there: exit 4, the line named.
    const lines = readFileSync(audit, 'utf8').split('\n');
    const tampered = join(dir, 'tampered.jsonl');
    writeFileSync(tampered, [lines[0], lines[1]!.replace('courier-999', 'courier-998'), ...lines.slice(2)].join('\n'));
    const bad = await runCli(['verify-audit', tampered]);
    expect(bad.code).toBe(4);
    expect(bad.stderr).toMatch(/^waybill-shield verify-audit: AUDIT_FAILED: broken record at line 2 \(expected seq 1\)/);

    // Dropping the last record is caught only against a head kept elsewhere.
    const truncated = join(dir, 'truncated.jsonl');
    writeFileSync(truncated, `${lines.slice(0, 3).join('\n')}\n`);
    expect((await runCli(['verify-audit', truncated])).code).toBe(0);
    const t = await runCli(['verify-audit', truncated, '--head', result.head.hash]);
    expect(t.code).toBe(4);
    expect(t.stderr).toContain('AUDIT_FAILED: the chain does not pass through --head');
  });

  it('redeem without --record reports the granted fields; --fields chooses them', async () => {
    const issued = await runCli(['token', 'issue', '--keys', keys, '--waybill', 'VN-P-0002', '--courier', 'courier-017', '--assignment', '2', '--fields', 'recipient.phone,recipient.address']);
    const token = issued.stdout.trim();
    const r = await runCli(['token', 'redeem', token, '--keys', keys, '--waybill', 'VN-P-0002', '--courier', 'courier-017', '--assignment', '2']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual({ accepted: true, fields: ['recipient.phone', 'recipient.address'] });
    // The record's own assignment number is used when --assignment is left out.
    const withRecord = await runCli(['token', 'redeem', token, '--keys', keys, '--waybill', 'VN-P-0002', '--courier', 'courier-017', '--record', record]);
    expect(withRecord.code).toBe(0);
    expect(Object.keys(JSON.parse(withRecord.stdout) as object).sort()).toEqual(['recipient.address', 'recipient.phone']);
  });

  it('usage errors: missing subcommand options, bad fields, bad ids', async () => {
    expect((await runCli(['token', 'issue', '--keys', keys, '--waybill', 'VN-P-0001'])).code).toBe(2);
    expect((await runCli(['token', 'issue', '--keys', keys, '--waybill', 'VN 1', '--courier', 'c'])).code).toBe(2);
    expect((await runCli(['token', 'issue', '--keys', keys, '--waybill', 'VN1', '--courier', 'c', '--fields', 'password'])).code).toBe(2);
    expect((await runCli(['token', 'frobnicate'])).code).toBe(2);
    const garbage = await runCli(['token', 'redeem', 'not-a-token-0901234567', '--keys', keys, '--waybill', 'VN-P-0001', '--courier', 'courier-042']);
    expect(garbage.code).toBe(4);
    expect(garbage.stderr).not.toContain('0901234567');
  });

  it('verify-audit reports a malformed line', async () => {
    const audit = join(dir, 'audit2.jsonl');
    await runCli(['token', 'issue', '--keys', keys, '--waybill', 'VN-P-0001', '--courier', 'courier-042', '--audit', audit]);
    writeFileSync(audit, `${readFileSync(audit, 'utf8')}{"seq":1,"broken\n`);
    const r = await runCli(['verify-audit', audit]);
    expect(r.code).toBe(4);
    expect(r.stderr).toMatch(/AUDIT_FAILED: malformed record at line 2/);
  });
});
