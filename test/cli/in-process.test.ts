/**
 * The CLI run in-process through `runCli(argv, io)`: what the demo example uses, and the only
 * way to give the progress bar a terminal to draw on.
 */
import { PassThrough } from 'node:stream';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, EXIT, type CliIO } from '../../src/cli/main.js';
import { FIXTURES, tempDir } from './_cli.js';
import { Keyring } from '../../src/keys/keyring.js';

function memoryIO(opts: { stdin?: string; stderrIsTTY?: boolean } = {}) {
  const stdout = new PassThrough();
  const stderr = new PassThrough() as PassThrough & { isTTY?: boolean; columns?: number };
  if (opts.stderrIsTTY) {
    stderr.isTTY = true;
    stderr.columns = 120;
  }
  const out: string[] = [];
  const err: string[] = [];
  stdout.on('data', (c: Buffer) => out.push(c.toString('utf8')));
  stderr.on('data', (c: Buffer) => err.push(c.toString('utf8')));
  const stdin = new PassThrough();
  stdin.end(opts.stdin ?? '');
  const io: CliIO = { stdin, stdout, stderr, stderrIsTTY: opts.stderrIsTTY === true, stdoutIsTTY: false, env: {} };
  return { io, out: () => out.join(''), err: () => err.join('') };
}

describe('runCli in-process', () => {
  it('shows a progress bar with rate and ETA when stderr is a terminal', async () => {
    const dir = tempDir();
    const keys = join(dir, 'k.json');
    const k = memoryIO();
    expect(await runCli(['keygen', '-o', keys, '-q'], k.io)).toBe(EXIT.OK);
    const base = readFileSync(join(FIXTURES, 'orders.ndjson'), 'utf8').split('\n')[0]!;
    const rows = Array.from({ length: 600 }, (_, i) => base.replace('VN-N-0001', `VN-T-${i}`)).join('\n');
    const { writeFileSync } = await import('node:fs');
    const input = join(dir, 'in.ndjson');
    writeFileSync(input, rows);
    // Worker threads need the built worker script; from source, protect on this thread.
    const m = memoryIO({ stderrIsTTY: true });
    expect(await runCli(['protect', input, '--keys', keys, '--workers', '0'], m.io)).toBe(EXIT.OK);
    expect(m.err()).toMatch(/protect \[[#.]+\] \d+% \| [\d,]+ rows \| [\d,]+ rows\/s \| ETA /);
    expect(m.out().trim().split('\n')).toHaveLength(600);

    // Not a terminal: no bar, only the summary line.
    const q = memoryIO();
    expect(await runCli(['protect', input, '--keys', keys, '--workers', '0'], q.io)).toBe(EXIT.OK);
    expect(q.err()).toBe('waybill-shield protect: 600 read, 600 protected, 0 rejected\n');
  });

  it('keygen refuses to print a key to a terminal', async () => {
    const m = memoryIO();
    m.io.stdoutIsTTY = true;
    expect(await runCli(['keygen'], m.io)).toBe(EXIT.USAGE);
    expect(m.out()).toBe('');
    expect(m.err()).toContain('refusing to write a secret key to the terminal');
    // --force is the one way to put it on a terminal.
    const f = memoryIO();
    f.io.stdoutIsTTY = true;
    expect(await runCli(['keygen', '--force'], f.io)).toBe(EXIT.OK);
    expect(Keyring.fromJSON(f.out()).keyIds).toEqual([1]);
  });

  it('the demo runs in-process', async () => {
    const m = memoryIO();
    expect(await runCli(['demo'], m.io)).toBe(EXIT.OK);
    expect(m.out()).toContain('Demo complete');
  });
});
