/**
 * The shared hostile-input table (test/helpers/hostile.ts) fed to every CLI command through the
 * built binary: as CSV cells and NDJSON values for `protect`, as input lines for `label` and
 * `verify-audit`, as tokens and ids for `token`. Every run ends with a documented exit code,
 * stdout stays machine-readable, and no output names an input value.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { stringify } from 'csv-stringify/sync';
import { beforeAll, describe, expect, it } from 'vitest';
import { HOSTILE_STRINGS } from '../helpers/hostile.js';
import { runCli, tempDir } from './_cli.js';

let dir: string;
let keys: string;
beforeAll(async () => {
  dir = tempDir();
  keys = join(dir, 'keys.json');
  expect((await runCli(['keygen', '-o', keys])).code).toBe(0);
});

/** Distinctive pieces of each hostile string that must never be echoed in diagnostics. */
const PROBES = HOSTILE_STRINGS.map(([, s]) => s)
  .filter((s) => s.trim().length >= 6)
  .map((s) => s.slice(0, 12))
  .filter((p) => !/^(a+|0901234567|__proto__)$/.test(p));

function noEcho(text: string): void {
  for (const p of PROBES) expect(text.includes(p), `echoed ${JSON.stringify(p)}`).toBe(false);
}

const COLUMNS = ['id', 'recipient.name', 'recipient.phone', 'recipient.address', 'sender.name', 'sender.phone', 'sender.address', 'goods.description', 'codAmount', 'notes'];
const GOOD = ['VN-H-0', 'Lê Thị Lan', '0901234567', 'Số 5 ngõ 3, Phường Láng, Hà Nội', 'Shop Mai', '0912345678', 'Phường Bến Nghé, Quận 1, TP.HCM', 'Sách', '150000', 'Giao giờ hành chính'];

describe('CLI commands under hostile input', () => {
  it('protect: every hostile string in every CSV column gives protected rows or value-free rejects', async () => {
    const rows: string[][] = [];
    let n = 0;
    for (const [, s] of HOSTILE_STRINGS) {
      for (let c = 1; c < COLUMNS.length; c++) {
        const row = [...GOOD];
        row[0] = `VN-H-${n++}`;
        row[c] = s;
        rows.push(row);
      }
    }
    const csv = join(dir, 'hostile.csv');
    writeFileSync(csv, stringify([COLUMNS, ...rows]));
    const out = join(dir, 'hostile.ndjson');
    const rej = join(dir, 'hostile.rejects.ndjson');
    const r = await runCli(['protect', csv, '--keys', keys, '-o', out, '--rejects', rej, '--workers', '0']);
    expect([0, 3]).toContain(r.code);
    const protectedLines = readFileSync(out, 'utf8').split('\n').filter(Boolean);
    const rejectLines = readFileSync(rej, 'utf8').split('\n').filter(Boolean);
    expect(protectedLines.length + rejectLines.length).toBe(rows.length);
    for (const l of protectedLines) expect((JSON.parse(l) as { v: number }).v).toBe(1);
    for (const l of rejectLines) expect(Object.keys(JSON.parse(l) as object).sort()).toEqual(expect.arrayContaining(['code', 'issues', 'row']));
    noEcho(rejectLines.join('\n') + r.stderr);
    // The label view of accepted rows carries no hostile text either (names become initials, etc.).
    for (const l of protectedLines) noEcho(JSON.stringify((JSON.parse(l) as { label: unknown }).label));
  });

  it('protect: hostile NDJSON lines (non-objects, __proto__ keys, wrong types) are rejected by line, never echoed', async () => {
    const lines = [
      ...HOSTILE_STRINGS.map(([, s]) => JSON.stringify(s)),
      '{"__proto__":{"polluted":true},"id":"X1"}',
      '{"constructor":{"prototype":{"x":1}}}',
      '[1,2,3]',
      'NaN',
      '{"id":{"toString":"0901234567"}}',
      '{not json 0901234567',
    ];
    const file = join(dir, 'hostile.jsonl');
    writeFileSync(file, lines.join('\n') + '\n');
    const r = await runCli(['protect', file, '--format', 'ndjson', '--keys', keys, '-q', '--workers', '0']);
    expect(r.code).toBe(3);
    expect(r.stdout.trim()).toBe('');
    noEcho(r.stderr);
    expect(r.stderr).not.toContain('0901234567');
  });

  it('label: hostile input lines are rejected without values; stdout holds only labels', async () => {
    const file = join(dir, 'hostile-records.ndjson');
    writeFileSync(file, HOSTILE_STRINGS.map(([, s]) => JSON.stringify({ v: 1, id: 'X1', label: { recipient: { name: s } } })).join('\n') + '\n');
    const r = await runCli(['label', file, '--format', 'zpl', '-q']);
    expect(r.code).toBe(3);
    noEcho(r.stderr + r.stdout);
  });

  it('token redeem: hostile tokens and ids are refused with one line and a documented code', async () => {
    for (const [, s] of HOSTILE_STRINGS) {
      if (s.length > 4096 || s.includes('\u0000')) continue; // argv cannot carry NUL or megabytes; stdin below does
      const r = await runCli(['token', 'redeem', s, '--keys', keys, '--waybill', 'VN-H-1', '--courier', 'courier-1']);
      expect([2, 4]).toContain(r.code);
      noEcho(r.stderr + r.stdout);
    }
    for (const [, s] of HOSTILE_STRINGS) {
      const r = await runCli(['token', 'redeem', '-', '--keys', keys, '--waybill', 'VN-H-1', '--courier', 'courier-1'], { input: s });
      expect([1, 2, 4]).toContain(r.code);
      noEcho(r.stderr + r.stdout);
    }
    const bad = await runCli(['token', 'issue', '--keys', keys, '--waybill', '</text><script>', '--courier', 'courier-1']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).not.toContain('<script>');
  }, 120_000);

  it('verify-audit: a file of hostile lines is reported malformed without echoing them', async () => {
    const file = join(dir, 'hostile-audit.jsonl');
    writeFileSync(file, HOSTILE_STRINGS.map(([, s]) => JSON.stringify({ seq: 0, actor: s })).join('\n') + '\n');
    const r = await runCli(['verify-audit', file]);
    expect(r.code).toBe(4);
    noEcho(r.stderr + r.stdout);
  });
});
