import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { FIXTURES, ndjson, runCli, tempDir } from './_cli.js';

let dir: string;
let keys: string;
beforeAll(async () => {
  dir = tempDir();
  keys = join(dir, 'keys.json');
  const r = await runCli(['keygen', '-o', keys]);
  expect(r.code).toBe(0);
});

/** Every reject line: row number, code and issues only. */
function checkRejects(lines: Record<string, unknown>[]) {
  for (const r of lines) {
    expect(Object.keys(r).sort()).toEqual(expect.arrayContaining(['code', 'issues', 'row']));
    for (const k of Object.keys(r)) expect(['row', 'line', 'code', 'issues']).toContain(k);
    for (const i of r.issues as { path: string; rule: string }[]) expect(Object.keys(i).sort()).toEqual(['path', 'rule']);
  }
}

describe('protect: CSV quirks', () => {
  it('reads BOM, ; separator, quotes, embedded newlines, snake_case columns and grouped numbers; rejects bad rows without values', async () => {
    const out = join(dir, 'quirks.ndjson');
    const rej = join(dir, 'quirks.rejects.ndjson');
    const r = await runCli(['protect', join(FIXTURES, 'quirks.csv'), '--keys', keys, '-o', out, '--rejects', rej]);
    expect(r.code).toBe(3);
    const records = ndjson(readFileSync(out, 'utf8'));
    expect(records.map((p) => p.id)).toEqual(['VN-Q-0001', 'VN-Q-0002', 'VN-Q-0005', 'VN-Q-0007']);
    const first = records[0] as { label: { codAmount: number; weightGrams: number; recipient: { phone: string } }; sealed: Record<string, string> };
    expect(first.label.codAmount).toBe(32_000_000);
    expect(first.label.weightGrams).toBe(1250);
    expect(first.label.recipient.phone).toBe('*******567');
    expect(Object.keys(first.sealed)).toContain('recipient.address');
    expect((records[1] as { label: { codAmount: number } }).label.codAmount).toBe(0);

    const rejects = ndjson(readFileSync(rej, 'utf8'));
    checkRejects(rejects);
    expect(rejects).toEqual([
      { row: 3, line: 6, code: 'INVALID_WAYBILL', issues: [{ path: 'recipient.phone', rule: 'phone' }] },
      { row: 4, line: 7, code: 'INVALID_WAYBILL', issues: expect.arrayContaining([{ path: 'recipient.name', rule: 'required' }, { path: 'codAmount', rule: 'type' }]) },
      // A stray quote in an unquoted field: the record is unreadable, the next one is read.
      { row: 6, line: 9, code: 'INVALID_INPUT', issues: [{ path: '', rule: 'csv' }] },
    ]);
    const raw = readFileSync(join(FIXTURES, 'quirks.csv'), 'utf8');
    for (const secret of ['0123', 'HYPERLINK', 'Đặng', 'Long An', '1,5', 'X-80', 'quote', 'Mai Văn']) {
      expect(readFileSync(rej, 'utf8')).not.toContain(secret);
      expect(r.stderr).not.toContain(secret);
    }
    expect(raw).toContain('X-80');
    expect(r.stderr).toContain('column 11 names no waybill field');
    expect(r.stderr).toContain('4 protected, 3 rejected');
    expect(r.stdout).toBe('');
  });

  it('--delimiter overrides detection, and a wrong one rejects the header', async () => {
    const r = await runCli(['protect', join(FIXTURES, 'quirks.csv'), '--keys', keys, '--delimiter', ',', '-q']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^waybill-shield protect: USAGE: the CSV header has no column for id/);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
  });

  it('reads dotted columns with , and streams pure NDJSON to stdout; exit 0 when nothing is rejected', async () => {
    const r = await runCli(['protect', join(FIXTURES, 'plain.csv'), '--keys', keys]);
    expect(r.code).toBe(0);
    const lines = r.stdout.split('\n');
    expect(lines.pop()).toBe('');
    for (const l of lines) expect(JSON.parse(l)).toMatchObject({ v: 1 });
    const [a, b] = lines.map((l) => JSON.parse(l) as { id: string; assignment: unknown; goods: { category: string }; label: { goods: string } });
    expect(a!.id).toBe('VN-P-0001');
    expect(a!.assignment).toEqual({ courierId: 'courier-042', number: 1 });
    expect(b!.label.goods).toBe('Hàng hóa');
    expect(r.stdout).not.toContain('Nguyễn');
    expect(r.stdout).not.toContain('0901234567');
  });
});

describe('protect: NDJSON and JSON arrays, files and stdin', () => {
  it('NDJSON: blank lines skipped, a broken line rejected by line number, the run goes on', async () => {
    const rej = join(dir, 'nd.rejects');
    const r = await runCli(['protect', join(FIXTURES, 'orders.ndjson'), '--keys', keys, '--rejects', rej, '-q']);
    expect(r.code).toBe(3);
    expect(ndjson(r.stdout).map((p) => p.id)).toEqual(['VN-N-0001', 'VN-N-0002']);
    const rejects = ndjson(readFileSync(rej, 'utf8'));
    checkRejects(rejects);
    expect(rejects).toEqual([
      { row: 4, line: 4, code: 'INVALID_INPUT', issues: [{ path: '', rule: 'json' }] },
      { row: 5, line: 5, code: 'INVALID_WAYBILL', issues: [{ path: 'recipient.phone', rule: 'phone' }] },
      { row: 6, line: 6, code: 'INVALID_WAYBILL', issues: [{ path: '', rule: 'unknown_key' }] },
    ]);
    expect(r.stderr).toBe('');
  });

  it('JSON array from stdin (-): elements streamed, brackets and quotes inside strings handled', async () => {
    const r = await runCli(['protect', '-', '--keys', keys, '-q'], { input: readFileSync(join(FIXTURES, 'orders.json')) });
    expect(r.code).toBe(3);
    expect(ndjson(r.stdout).map((p) => p.id)).toEqual(['VN-J-0001', 'VN-J-0003']);
    // Without --rejects, rejects go to stderr as NDJSON: still no values.
    expect(ndjson(r.stderr)).toEqual([{ row: 2, line: 3, code: 'INVALID_WAYBILL', issues: [{ path: 'recipient.phone', rule: 'phone' }] }]);
    expect(r.stderr).not.toContain('not a phone');
  });

  it('--format forces the reader', async () => {
    const r = await runCli(['protect', '-', '--keys', keys, '--format', 'csv', '-q'], { input: readFileSync(join(FIXTURES, 'plain.csv')) });
    expect(r.code).toBe(0);
    expect(ndjson(r.stdout)).toHaveLength(2);
  });

  it('an empty JSON array and an empty CSV body are fine', async () => {
    expect((await runCli(['protect', '-', '--keys', keys, '-q', '--format', 'json'], { input: '[]' })).code).toBe(0);
    const header = readFileSync(join(FIXTURES, 'plain.csv'), 'utf8').split('\n')[0]!;
    const r = await runCli(['protect', '-', '--keys', keys, '--format', 'csv'], { input: `${header}\n` });
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('0 protected, 0 rejected');
  });
});

describe('protect --workers', () => {
  it('keeps input order and gives the same results with 0 (main thread), 1 and 3 worker threads', async () => {
    const base = JSON.parse(readFileSync(join(FIXTURES, 'orders.ndjson'), 'utf8').split('\n')[0]!) as Record<string, unknown>;
    const rows: string[] = [];
    for (let i = 0; i < 3000; i++) {
      const phone = i % 97 === 0 ? '12' : `09${String(10_000_000 + i).slice(-8)}`;
      rows.push(JSON.stringify({ ...base, id: `VN-W-${String(i).padStart(6, '0')}`, recipient: { ...(base.recipient as object), phone } }));
    }
    const input = join(dir, 'many.ndjson');
    writeFileSync(input, `${rows.join('\n')}\n`);
    const zero = await runCli(['protect', input, '--keys', keys, '-q', '--workers', '0', '--rejects', join(dir, 'r0')]);
    const one = await runCli(['protect', input, '--keys', keys, '-q', '--rejects', join(dir, 'r1')]);
    const two = await runCli(['protect', input, '--keys', keys, '-q', '--workers', '3', '--rejects', join(dir, 'r3')]);
    expect(one.code).toBe(3);
    expect(two.code).toBe(3);
    const a = ndjson(one.stdout);
    const b = ndjson(two.stdout);
    expect(a.length).toBe(3000 - 31);
    expect(b.map((p) => p.id)).toEqual(a.map((p) => p.id));
    expect(b.map((p) => p.label)).toEqual(a.map((p) => p.label));
    expect(b.map((p) => p.index)).toEqual(a.map((p) => p.index));
    expect(readFileSync(join(dir, 'r3'), 'utf8')).toBe(readFileSync(join(dir, 'r1'), 'utf8'));
    // --workers 0: the main thread protects, same output.
    expect(zero.code).toBe(3);
    expect(ndjson(zero.stdout).map((p) => p.label)).toEqual(a.map((p) => p.label));
    expect(readFileSync(join(dir, 'r0'), 'utf8')).toBe(readFileSync(join(dir, 'r1'), 'utf8'));
  }, 120_000);
});
