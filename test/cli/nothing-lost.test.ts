/**
 * Nothing lost: every row read by `protect` and `label` is written or rejected, for every input
 * format and worker count, through the built CLI. Each case here lost rows silently before:
 * a stray CSV quote, a deeply nested JSON value, a batch of huge rows, an output that is the
 * input, a null assignment, duplicate ids, and a Windows-1258 export read as UTF-8.
 */
import { existsSync, linkSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { stringify } from 'csv-stringify/sync';
import { beforeAll, describe, expect, it } from 'vitest';
import { FIXTURES, ndjson, runCli, tempDir } from './_cli.js';
import { encodeWindows1258 } from './_vn1258.js';

let dir: string;
let keys: string;
beforeAll(async () => {
  dir = tempDir();
  keys = join(dir, 'keys.json');
  expect((await runCli(['keygen', '-o', keys])).code).toBe(0);
});

const HEADER = ['id', 'recipient.name', 'recipient.phone', 'recipient.address', 'sender.name', 'sender.phone', 'sender.address', 'goods.description', 'codAmount'];
const row = (i: number, goods = 'Sách'): string[] => [
  `VN-L-${i}`,
  'Nguyễn Thị Minh Khai',
  `090${String(1_000_000 + i).slice(-7)}`,
  'Số 12 ngõ 34 Nguyễn Trãi, Phường Thượng Đình, Hà Nội',
  'Shop Mai',
  '0912345678',
  'Phường Bến Nghé, Quận 1, TP.HCM',
  goods,
  '150000',
];
const waybill = (i: number, extra: Record<string, unknown> = {}) => ({
  id: `VN-J-${i}`,
  recipient: { name: 'Lê Thị Lan', phone: '0901234567', address: 'Phường Láng, Hà Nội' },
  sender: { name: 'Shop Mai', phone: '0912345678', address: 'Phường Bến Nghé, Quận 1, TP.HCM' },
  goods: { description: 'Sách' },
  ...extra,
});

function summary(stderr: string): { read: number; ok: number; rejected: number } {
  const m = /protect: (\d+) read, (\d+) protected, (\d+) rejected/.exec(stderr);
  expect(m, stderr).not.toBeNull();
  return { read: Number(m![1]), ok: Number(m![2]), rejected: Number(m![3]) };
}

describe('protect: the row-accounting invariant', () => {
  it('a stray opening quote in one cell of a 20,000-row CSV costs that line only, with any --workers', async () => {
    const make = (n: number, name: string) => {
      const csv = stringify([HEADER, ...Array.from({ length: n }, (_, i) => row(i))]).split('\n');
      // Row 3 (line 4): `"áo thun size L` with no closing quote, as a customer typed it.
      csv[3] = csv[3]!.replace(',Sách,', ',"áo thun size L,');
      const file = join(dir, name);
      writeFileSync(file, csv.join('\n'));
      return file;
    };
    const big = make(20_000, 'stray.csv');
    const small = make(2_000, 'stray-small.csv');
    for (const [file, n, workers] of [[big, 20_000, []], [small, 2_000, ['--workers', '0']], [small, 2_000, ['--workers', '3']]] as const) {
      const out = join(dir, 'stray.ndjson');
      const rej = join(dir, 'stray.rejects');
      const r = await runCli(['protect', file, '--keys', keys, '-o', out, '--rejects', rej, ...workers]);
      expect(r.code, r.stderr).toBe(3);
      expect(summary(r.stderr)).toEqual({ read: n, ok: n - 1, rejected: 1 });
      expect(ndjson(readFileSync(rej, 'utf8'))).toEqual([{ row: 3, line: 4, code: 'INVALID_INPUT', issues: [{ path: '', rule: 'csv' }] }]);
      expect(r.stderr).toContain('CSV line 4 could not be read');
      const ids = ndjson(readFileSync(out, 'utf8')).map((p) => p.id);
      expect(ids).toHaveLength(n - 1);
      expect(ids[2]).toBe('VN-L-3');
      expect(ids.at(-1)).toBe(`VN-L-${n - 1}`);
    }
  }, 300_000);

  it('a stray quote at the end of the file, and one that would swallow a quoted multi-line cell, still cost one line each', async () => {
    const rows = Array.from({ length: 6 }, (_, i) => row(i));
    rows[1]![7] = 'Áo khoác\nmàu đỏ'; // a real multi-line cell, quoted by the writer
    const lines = stringify([HEADER, ...rows]).split('\n');
    lines.push(`VN-L-9,"Lê Văn Tám,0901234567,Phường Láng,Shop,0912345678,Phường Láng,Sách,0`);
    lines[1] = lines[1]!.replace(',Sách,', ',"Sách nói,');
    const file = join(dir, 'stray2.csv');
    writeFileSync(file, lines.join('\n'));
    const r = await runCli(['protect', file, '--keys', keys, '--workers', '0']);
    expect(r.code).toBe(3);
    expect(summary(r.stderr)).toEqual({ read: 7, ok: 5, rejected: 2 });
    const protectedIds = ndjson(r.stdout).map((p) => p.id);
    expect(protectedIds).toEqual(['VN-L-1', 'VN-L-2', 'VN-L-3', 'VN-L-4', 'VN-L-5']);
  });

  it('a ~10 KB deeply nested JSON value is one reject on every path (NDJSON and JSON array, workers 0, default, 2)', async () => {
    const deep = `${'['.repeat(5000)}${']'.repeat(5000)}`;
    const deepObj = `{"id":"VN-J-X","notes":${'{"a":'.repeat(2000)}1${'}'.repeat(2000)}}`;
    const nd = join(dir, 'deep.ndjson');
    writeFileSync(nd, [JSON.stringify(waybill(1)), deep, JSON.stringify(waybill(2)), deepObj, JSON.stringify(waybill(3))].join('\n'));
    const arr = join(dir, 'deep.json');
    writeFileSync(arr, `[${[JSON.stringify(waybill(1)), deep, JSON.stringify(waybill(2)), deepObj, JSON.stringify(waybill(3))].join(',\n')}]`);
    for (const file of [nd, arr]) {
      for (const workers of [[], ['--workers', '0'], ['--workers', '2']]) {
        const r = await runCli(['protect', file, '--keys', keys, ...workers]);
        expect(r.code, r.stderr).toBe(3);
        expect(summary(r.stderr)).toEqual({ read: 5, ok: 3, rejected: 2 });
        expect(ndjson(r.stdout).map((p) => p.id)).toEqual(['VN-J-1', 'VN-J-2', 'VN-J-3']);
        const rejects = r.stderr.split('\n').filter((l) => l.startsWith('{')).map((l) => JSON.parse(l) as { row: number; issues: unknown });
        expect(rejects.map((x) => [x.row, x.issues])).toEqual([
          [2, [{ path: '', rule: 'too_deep' }]],
          [4, [{ path: '', rule: 'too_deep' }]],
        ]);
      }
    }
  }, 120_000);

  it('80 rows of ~900 KB each (under the 1 MiB record limit) are rejected before any worker, and the valid rows around them are protected', async () => {
    const big = 'x'.repeat(900 * 1024);
    const lines: string[] = [];
    for (let i = 0; i < 80; i++) {
      lines.push(JSON.stringify(waybill(i, { notes: big })));
      if (i % 10 === 0) lines.push(JSON.stringify(waybill(1000 + i)));
    }
    const file = join(dir, 'big.ndjson');
    writeFileSync(file, lines.join('\n'));
    for (const workers of [[], ['--workers', '2'], ['--workers', '0']]) {
      const r = await runCli(['protect', file, '--keys', keys, '--rejects', join(dir, 'big.rejects'), ...workers]);
      expect(r.code, r.stderr).toBe(3);
      expect(summary(r.stderr)).toEqual({ read: 88, ok: 8, rejected: 80 });
      const rejects = ndjson(readFileSync(join(dir, 'big.rejects'), 'utf8'));
      expect(new Set(rejects.map((x) => JSON.stringify(x.issues)))).toEqual(new Set([JSON.stringify([{ path: '', rule: 'too_long' }])]));
      expect(r.stderr).not.toContain('worker thread stopped');
    }
    // The same as CSV: the huge cells are rejected unparsed, the rows between them protected.
    const csvFile = join(dir, 'big.csv');
    const csvRows = Array.from({ length: 80 }, (_, i) => [...row(i), big]);
    csvRows.push([...row(999), '']);
    writeFileSync(csvFile, stringify([[...HEADER, 'notes'], ...csvRows]));
    const c = await runCli(['protect', csvFile, '--keys', keys, '-q', '--rejects', join(dir, 'big-csv.rejects')]);
    expect(c.code, c.stderr).toBe(3);
    expect(ndjson(c.stdout).map((p) => p.id)).toEqual(['VN-L-999']);
    expect(ndjson(readFileSync(join(dir, 'big-csv.rejects'), 'utf8'))).toHaveLength(80);
  }, 180_000);

  it('a worker that dies has its batch protected on the main thread: nothing lost, exit 0, a warning', async () => {
    const file = join(dir, 'small.ndjson');
    writeFileSync(file, Array.from({ length: 600 }, (_, i) => JSON.stringify(waybill(i))).join('\n'));
    // A 16 MB heap cannot hold the gazetteer: every worker dies on its first batch.
    const r = await runCli(['protect', file, '--keys', keys, '--workers', '2'], { env: { WAYBILL_SHIELD_WORKER_HEAP_MB: '16' } });
    expect(r.code, r.stderr).toBe(0);
    expect(summary(r.stderr)).toEqual({ read: 600, ok: 600, rejected: 0 });
    expect(r.stderr).toMatch(/warning: \d+ batch(es were| was) protected on the main thread after a worker thread stopped/);
    expect(ndjson(r.stdout).map((p) => p.id)).toEqual(Array.from({ length: 600 }, (_, i) => `VN-J-${i}`));
  }, 120_000);

  it('-o or --rejects naming the input file (by any name) is a usage error, and the input is untouched', async () => {
    const file = join(dir, 'same.csv');
    const body = stringify([HEADER, ...Array.from({ length: 50 }, (_, i) => row(i))]);
    writeFileSync(file, body);
    const alias = join(dir, 'alias.csv');
    linkSync(file, alias);
    for (const args of [
      ['-o', file],
      ['--rejects', file],
      ['-o', alias],
      ['-o', join(dir, '.', 'same.csv')],
      ['-o', join(dir, 'o.ndjson'), '--rejects', join(dir, 'o.ndjson')],
    ]) {
      const r = await runCli(['protect', file, '--keys', keys, ...args]);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr).toMatch(/USAGE: (-o|--rejects) names the same file as/);
      expect(readFileSync(file, 'utf8')).toBe(body);
    }
    writeFileSync(join(dir, 'p.ndjson'), '{}\n');
    const lab = await runCli(['label', join(dir, 'p.ndjson'), '--format', 'zpl', '-o', join(dir, 'p.ndjson')]);
    expect(lab.code).toBe(2);
    expect(readFileSync(join(dir, 'p.ndjson'), 'utf8')).toBe('{}\n');
  }, 120_000);
});

describe('protect: encodings', () => {
  const rows = [row(1, 'Thuốc điều trị tiểu đường'), row(2, 'Áo dài lụa'), row(3, 'Sách giáo khoa')];
  const text = stringify([HEADER, ...rows]);

  it('a Windows-1258 export: refused without --encoding (byte offset, hint, nothing written); with it, the same records as UTF-8', async () => {
    const fixture = join(FIXTURES, 'orders-windows-1258.csv');
    const bytes = encodeWindows1258(text);
    // The committed fixture is exactly what the encoder makes (regenerate it from this test).
    if (process.env.WRITE_FIXTURES === '1') writeFileSync(fixture, bytes);
    expect(readFileSync(fixture).equals(bytes)).toBe(true);
    // It really is not UTF-8, and Node's own decoder reads it back to the same text.
    expect(new TextDecoder('windows-1258').decode(bytes).normalize('NFC')).toBe(text);

    const out = join(dir, 'w1258.ndjson');
    const r = await runCli(['protect', fixture, '--keys', keys, '-o', out]);
    expect(r.code).toBe(2);
    const offset = [...bytes].findIndex((b) => b >= 0x80);
    expect(r.stderr).toContain(`the input is not valid UTF-8 (byte offset ${offset})`);
    expect(r.stderr).toContain('--encoding windows-1258');
    expect(existsSync(out)).toBe(false);
    expect(r.stdout).toBe('');

    const utf8 = join(dir, 'utf8.csv');
    writeFileSync(utf8, text);
    const a = await runCli(['protect', utf8, '--keys', keys, '-q']);
    const b = await runCli(['protect', fixture, '--keys', keys, '-q', '--encoding', 'windows-1258']);
    expect(b.code, b.stderr).toBe(0);
    const labels = (s: string) => ndjson(s).map((p) => p.label);
    expect(labels(b.stdout)).toEqual(labels(a.stdout));
    expect(labels(b.stdout)).toHaveLength(3);
    expect(b.stdout).not.toContain('\ufffd');
    // Medicine is still medicine: the goods were read, not replaced by U+FFFD.
    expect(ndjson(b.stdout).map((p) => p.goods)).toEqual(ndjson(a.stdout).map((p) => p.goods));
  }, 120_000);

  it('a byte-order mark selects UTF-16LE or UTF-8 by itself; a mark that contradicts --encoding is a usage error', async () => {
    const le = join(dir, 'le.csv');
    writeFileSync(le, Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]));
    const bom8 = join(dir, 'bom8.csv');
    writeFileSync(bom8, `\ufeff${text}`);
    const plain = await runCli(['protect', '-', '--keys', keys, '-q', '--format', 'csv'], { input: text });
    for (const f of [le, bom8]) {
      const r = await runCli(['protect', f, '--keys', keys, '-q']);
      expect(r.code, r.stderr).toBe(0);
      expect(ndjson(r.stdout).map((p) => p.label)).toEqual(ndjson(plain.stdout).map((p) => p.label));
    }
    const noBom = join(dir, 'le-nobom.csv');
    writeFileSync(noBom, Buffer.from(text, 'utf16le'));
    expect((await runCli(['protect', noBom, '--keys', keys, '-q', '--encoding', 'utf-16le'])).code).toBe(0);
    const clash = await runCli(['protect', le, '--keys', keys, '--encoding', 'windows-1258']);
    expect(clash.code).toBe(2);
    expect(clash.stderr).toContain('contradicts --encoding');
    expect((await runCli(['protect', le, '--keys', keys, '--encoding', 'latin1'])).code).toBe(2);
  }, 120_000);

  it('Windows-1258 NDJSON and JSON arrays too; invalid UTF-8 on stdin stops the run with the offset', async () => {
    const records = [waybill(1), waybill(2, { goods: { description: 'Thuốc cảm cúm' } })];
    const nd = join(dir, 'w.ndjson');
    writeFileSync(nd, encodeWindows1258(records.map((x) => JSON.stringify(x)).join('\n')));
    const arr = join(dir, 'w.json');
    writeFileSync(arr, encodeWindows1258(JSON.stringify(records)));
    for (const f of [nd, arr]) {
      expect((await runCli(['protect', f, '--keys', keys, '-q'])).code).toBe(2);
      const r = await runCli(['protect', f, '--keys', keys, '-q', '--encoding', 'windows-1258']);
      expect(r.code, r.stderr).toBe(0);
      expect(ndjson(r.stdout)).toHaveLength(2);
    }
    const s = await runCli(['protect', '-', '--keys', keys, '--format', 'ndjson'], { input: readFileSync(nd) });
    expect(s.code).toBe(2);
    expect(s.stderr).toMatch(/not valid UTF-8 \(byte offset \d+\)/);
    expect(s.stdout).toBe('');
  }, 120_000);
});

describe('label: every record accounted for', () => {
  let protectedFile: string;
  beforeAll(async () => {
    protectedFile = join(dir, 'label-in.ndjson');
    expect((await runCli(['protect', join(FIXTURES, 'plain.csv'), '--keys', keys, '-o', protectedFile, '-q'])).code).toBe(0);
  });

  it('--token-for with a record whose assignment is null rejects that record and goes on', async () => {
    const recs = ndjson(readFileSync(protectedFile, 'utf8'));
    const mixed = recs.map((r, i) => (i === 0 ? { ...r, assignment: null } : { ...r, assignment: { courierId: 'courier-042', number: 1 } }));
    const file = join(dir, 'null-assignment.ndjson');
    writeFileSync(file, mixed.map((r) => JSON.stringify(r)).join('\n'));
    const r = await runCli(['label', file, '--format', 'zpl', '--token-for', 'courier-042', '--valid-hours', '4', '--keys', keys]);
    expect(r.code, r.stderr).toBe(3);
    expect(r.stderr).toContain(`label: ${recs.length} read, ${recs.length - 1} labels, 1 rejected`);
    expect(r.stderr).toContain('{"row":1,"line":1,"code":"INVALID_INPUT","issues":[{"path":"assignment","rule":"type"}]}');
    expect(r.stdout.match(/\^XA/g)).toHaveLength(recs.length - 1);
  });

  it('-o DIR with two records of the same id writes <id>-2.svg and says so', async () => {
    const recs = ndjson(readFileSync(protectedFile, 'utf8'));
    const file = join(dir, 'dup.ndjson');
    writeFileSync(file, [recs[0], recs[1], recs[0], recs[0]].map((r) => JSON.stringify(r)).join('\n'));
    const outDir = join(dir, 'svgs');
    mkdirSync(outDir);
    const r = await runCli(['label', file, '--format', 'svg', '-o', outDir]);
    expect(r.code, r.stderr).toBe(0);
    const id = recs[0]!.id as string;
    expect(readdirSync(outDir).sort()).toEqual([`${id}-2.svg`, `${id}-3.svg`, `${id}.svg`, `${recs[1]!.id as string}.svg`].sort());
    expect(r.stderr).toContain(`row 3 repeats an id already written; its label is ${id}-2.svg`);
    expect(r.stderr).toContain('label: 4 read, 4 labels, 0 rejected');
    for (const f of readdirSync(outDir)) expect(statSync(join(outDir, f)).size).toBeGreaterThan(100);
  });
});
