/**
 * Strict decoding on stdin: `protect -` and `label -` copy stdin to a private temporary file and
 * check that all of it decodes before writing anything, so a bad byte far past the first chunk
 * (64 KiB) stops the run with no output and no rejects. The copy is removed afterwards, after an
 * error and after SIGINT.
 */
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { stringify } from 'csv-stringify/sync';
import { beforeAll, describe, expect, it } from 'vitest';
import { builtCli, ndjson, runCli, tempDir } from './_cli.js';
import { spoolToTemp } from '../../src/cli/_spool.js';

let dir: string;
let keys: string;
beforeAll(async () => {
  dir = tempDir();
  keys = join(dir, 'keys.json');
  expect((await runCli(['keygen', '-o', keys])).code).toBe(0);
});

const HEADER = ['id', 'recipient.name', 'recipient.phone', 'recipient.address', 'sender.name', 'sender.phone', 'sender.address', 'goods.description', 'codAmount'];
const row = (i: number): string[] => [
  `VN-S-${i}`,
  'Nguyễn Thị Minh Khai',
  `090${String(1_000_000 + i).slice(-7)}`,
  'Số 12 ngõ 34 Nguyễn Trãi, Phường Thượng Đình, Hà Nội',
  'Shop Mai',
  '0912345678',
  'Phường Bến Nghé, Quận 1, TP.HCM',
  'Sách giáo khoa',
  '150000',
];

/** Valid UTF-8 CSV of `n` rows. */
const csv = (n: number): Buffer => Buffer.from(stringify([HEADER, ...Array.from({ length: n }, (_, i) => row(i + 1))]));

/** `good`, then a line holding one 0xFF byte (never valid in UTF-8); the offset of that byte. */
function withBadByte(good: Buffer, line: string): { bytes: Buffer; offset: number } {
  const [before, after] = line.split('\u0000') as [string, string];
  const head = Buffer.concat([good, Buffer.from(before)]);
  return { bytes: Buffer.concat([head, Buffer.from([0xff]), Buffer.from(after)]), offset: head.length };
}

describe('stdin is checked in full before anything is written', () => {
  it('protect -: a bad byte after 64 KiB of valid rows is a usage error with its offset; no output, no rejects, no spool left', async () => {
    // Past stdin's 64 KiB chunks and the 256 KiB chunks files are read in.
    const good = csv(1500);
    expect(good.length).toBeGreaterThan(256 * 1024);
    const { bytes, offset } = withBadByte(good, 'VN-S-bad,Lê Thị Lan,0901234567,Phường Láng,Shop,0912345678,Quận 1,Gi\u0000y,1000\n');
    const tmp = tempDir();
    const out = join(dir, 'p-bad.ndjson');
    const rejects = join(dir, 'p-bad-rejects.ndjson');
    for (const args of [['-o', out, '--rejects', rejects], ['--workers', '0']]) {
      const r = await runCli(['protect', '-', '--keys', keys, ...args], { input: bytes, env: { TMPDIR: tmp } });
      expect(r.code, r.stderr).toBe(2);
      expect(r.stderr).toContain(`the input is not valid UTF-8 (byte offset ${offset})`);
      expect(r.stderr).toContain('--encoding windows-1258');
      expect(r.stderr).not.toContain('stopped after row');
      expect(r.stdout).toBe('');
      // Rejects go to stderr without --rejects: none there either (only the one error line).
      expect(r.stderr).not.toContain('"row"');
      expect(existsSync(out)).toBe(false);
      expect(existsSync(rejects)).toBe(false);
      expect(readdirSync(tmp)).toEqual([]);
    }
  }, 120_000);

  it('label -: the same for protected NDJSON on stdin', async () => {
    const p = await runCli(['protect', '-', '--keys', keys, '-q'], { input: csv(200) });
    expect(p.code, p.stderr).toBe(0);
    const good = Buffer.from(p.stdout);
    expect(good.length).toBeGreaterThan(64 * 1024);
    const { bytes, offset } = withBadByte(good, '{"id":"VN-S-\u0000"}\n');
    const tmp = tempDir();
    const out = join(dir, 'labels.zpl');
    const rejects = join(dir, 'l-bad-rejects.ndjson');
    const r = await runCli(['label', '-', '--format', 'zpl', '-o', out, '--rejects', rejects], { input: bytes, env: { TMPDIR: tmp } });
    expect(r.code, r.stderr).toBe(2);
    expect(r.stderr).toContain(`the input is not valid UTF-8 (byte offset ${offset})`);
    expect(r.stderr).toContain('--encoding windows-1258');
    expect(r.stdout).toBe('');
    expect(existsSync(out)).toBe(false);
    expect(existsSync(rejects)).toBe(false);
    expect(readdirSync(tmp)).toEqual([]);

    // The same input without the bad line prints every label, and leaves no spool either.
    const ok = await runCli(['label', '-', '--format', 'zpl', '-q'], { input: good, env: { TMPDIR: tmp } });
    expect(ok.code, ok.stderr).toBe(0);
    expect(ok.stdout.match(/\^XA/g)).toHaveLength(200);
    expect(readdirSync(tmp)).toEqual([]);
  }, 120_000);

  it('protect -: valid stdin gives the same records as the same file, and the spool is removed', async () => {
    const bytes = csv(300);
    const tmp = tempDir();
    const r = await runCli(['protect', '-', '--keys', keys, '-q'], { input: bytes, env: { TMPDIR: tmp } });
    expect(r.code, r.stderr).toBe(0);
    expect(ndjson(r.stdout).map((x) => x.id)).toEqual(Array.from({ length: 300 }, (_, i) => `VN-S-${i + 1}`));
    expect(readdirSync(tmp)).toEqual([]);
  }, 120_000);

  it('the spool is removed on SIGINT while stdin is still being read', async () => {
    const tmp = tempDir();
    const child = spawn(process.execPath, [builtCli(), 'protect', '-', '--keys', keys, '-q'], { env: { ...process.env, TMPDIR: tmp }, stdio: ['pipe', 'pipe', 'pipe'] });
    child.stdin.write(csv(50));
    // Wait for the spool to appear (stdin stays open, so the run is still copying it).
    let seen: string[] = [];
    for (let i = 0; i < 200 && seen.length === 0; i++) {
      await new Promise((r) => setTimeout(r, 50));
      seen = readdirSync(tmp);
    }
    expect(seen).toHaveLength(1);
    expect(seen[0]).toMatch(/^waybill-shield-stdin-/);
    const closed = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child.on('close', (code, signal) => resolve({ code, signal })));
    child.kill('SIGINT');
    const end = await closed;
    expect(end.signal).toBe('SIGINT');
    expect(readdirSync(tmp)).toEqual([]);
  }, 120_000);
});

describe('spoolToTemp', () => {
  it('copies the stream to a 0600 file in a fresh 0700 directory under TMPDIR, and remove() deletes both', async () => {
    const data = Buffer.from('a'.repeat(300_000) + 'ö');
    const spool = await spoolToTemp(Readable.from([data.subarray(0, 100_000), data.subarray(100_000)]));
    try {
      expect(readFileSync(spool.path).equals(data)).toBe(true);
      expect(statSync(spool.path).mode & 0o777).toBe(0o600);
      expect(statSync(join(spool.path, '..')).mode & 0o777).toBe(0o700);
    } finally {
      spool.remove();
    }
    expect(existsSync(spool.path)).toBe(false);
    expect(existsSync(join(spool.path, '..'))).toBe(false);
    spool.remove(); // idempotent
  });

  it('a failing source leaves no file behind', async () => {
    const failing = new Readable({
      read() {
        this.push(Buffer.from('x'.repeat(1000)));
        this.destroy(Object.assign(new Error('broken'), { code: 'EIO' }));
      },
    });
    // os.tmpdir() follows TMPDIR: a private one, so no other run's spool can show up here.
    const tmp = tempDir();
    const saved = process.env.TMPDIR;
    process.env.TMPDIR = tmp;
    try {
      await expect(spoolToTemp(failing)).rejects.toThrow('broken');
    } finally {
      if (saved === undefined) delete process.env.TMPDIR;
      else process.env.TMPDIR = saved;
    }
    expect(readdirSync(tmp)).toEqual([]);
  });
});
