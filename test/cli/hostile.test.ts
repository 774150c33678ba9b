/**
 * The shared hostile-input table (test/helpers/hostile.ts) fed to every CLI command through the
 * built binary: as CSV cells and NDJSON values for `protect` (in every `--encoding`), as input
 * lines and ids for `label` (also as file names under `-o DIR`), as audit lines and `--head`
 * for `verify-audit`, as tokens (argument, stdin, `WAYBILL_SHIELD_TOKEN`) and ids for `token`,
 * as paths for `keygen`, and as stray arguments for `demo`. Every run ends with a documented exit code,
 * stdout stays machine-readable, and no output names an input value.
 */
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
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
  }, 120_000);

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

  it('protect --encoding: hostile NDJSON in UTF-16LE and Windows-1258 is decoded or refused with an offset, never echoed', async () => {
    const lines = HOSTILE_STRINGS.map(([, v]) => JSON.stringify({ id: 'VN-E-1', notes: v })).join('\n');
    const le = join(dir, 'hostile-le.ndjson');
    writeFileSync(le, Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(lines, 'utf16le')]));
    const w = join(dir, 'hostile-1258.ndjson');
    writeFileSync(w, Buffer.from(lines, 'latin1'));
    for (const args of [[le], [w, '--encoding', 'windows-1258'], [w], [le, '--encoding', 'utf-16le', '--workers', '2']]) {
      const r = await runCli(['protect', ...args, '--keys', keys, '--format', 'ndjson']);
      expect([2, 3]).toContain(r.code);
      noEcho(r.stderr);
      expect(r.stderr).not.toContain('0901234567');
    }
  });

  it('label -o DIR: hostile ids never become paths outside DIR; every record is written or rejected', async () => {
    const outDir = join(dir, 'hostile-labels');
    mkdirSync(outDir);
    const record = (readFileSync(join(dir, 'hostile.ndjson'), 'utf8').split('\n')[0] ?? '{}').trim();
    const base = JSON.parse(record) as Record<string, unknown>;
    const ids = [...HOSTILE_STRINGS.map(([, v]) => v), '../escape', '/etc/passwd', '..', 'a/b'];
    writeFileSync(join(dir, 'hostile-ids.ndjson'), ids.map((id) => JSON.stringify({ ...base, id })).join('\n') + '\n');
    const r = await runCli(['label', join(dir, 'hostile-ids.ndjson'), '--format', 'svg', '-o', outDir]);
    expect([0, 3]).toContain(r.code);
    const m = /label: (\d+) read, (\d+) labels, (\d+) rejected/.exec(r.stderr);
    expect(m).not.toBeNull();
    expect(Number(m![2]) + Number(m![3])).toBe(Number(m![1]));
    for (const f of readdirSync(outDir)) expect(f).toMatch(/^[A-Za-z0-9][A-Za-z0-9._-]*\.svg$/);
    expect(readdirSync(dir).some((f) => f === 'escape.svg')).toBe(false);
    noEcho(r.stderr);
  });

  it('token redeem from WAYBILL_SHIELD_TOKEN: hostile tokens are refused with a documented code, never echoed', async () => {
    for (const [, s] of HOSTILE_STRINGS) {
      if (s.includes('\u0000') || s.length > 100_000) continue; // the environment cannot carry NUL
      const r = await runCli(['token', 'redeem', '--keys', keys, '--waybill', 'VN-H-1', '--courier', 'courier-1'], { env: { WAYBILL_SHIELD_TOKEN: s } });
      expect([1, 2, 4]).toContain(r.code);
      noEcho(r.stderr + r.stdout);
    }
  }, 120_000);

  it('verify-audit --head, keygen -o and demo: hostile arguments give usage or IO errors, never echoed', async () => {
    const audit = join(dir, 'hostile-audit.jsonl');
    for (const [, s] of HOSTILE_STRINGS) {
      if (s.includes('\u0000') || s.length > 4096) continue;
      const v = await runCli(['verify-audit', audit, '--head', s]);
      expect([2, 4]).toContain(v.code);
      noEcho(v.stderr + v.stdout);
      const k = await runCli(['keygen', '-o', join(dir, 'nope-dir', s.replace(/\//g, '_') || 'x')]);
      expect(k.code).toBe(1);
      expect(k.stdout).toBe('');
      noEcho(k.stderr);
      const d = await runCli(['demo', s]);
      expect(d.code).toBe(2);
      noEcho(d.stderr + d.stdout);
    }
  }, 240_000);
});
