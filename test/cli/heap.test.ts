/**
 * The CLI keeps its main thread's V8 young generation at its starting size (src/cli/_heap.ts).
 * The flag it sets is read by V8 at run time; these tests check, in fresh `node` processes, that
 * this Node still honours it — a churning heap's new space grows without it and stays put with
 * it, also after a worker thread starts if set again then — and that importing `runCli` into
 * another process does not set it.
 */
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { CLI_HEAP_FLAGS, NO_YOUNG_GROWTH_FLAG } from '../../src/cli/_heap.js';
import { builtCli } from './_cli.js';

const MB = 1024 * 1024;

// Allocate garbage while keeping a rolling window of survivors (like rows in flight), then print
// the new space's size before and after, in bytes.
const CHURN = `
const v8 = require('node:v8');
const flag = process.env.YOUNG_FLAG;
if (flag) v8.setFlagsFromString(flag);
const newSpace = () => v8.getHeapSpaceStatistics().find((s) => s.space_name === 'new_space').space_size;
const before = newSpace();
const ring = new Array(4096);
for (let i = 0; i < 400000; i++) ring[i % ring.length] = { i, s: 'x'.repeat(64) + i, a: [i, i + 1, i + 2] };
console.log(JSON.stringify({ before, after: newSpace() }));
`;

function churn(flag: string): { before: number; after: number } {
  const r = spawnSync(process.execPath, ['-e', CHURN], { encoding: 'utf8', env: { ...process.env, YOUNG_FLAG: flag } });
  expect(r.status, r.stderr).toBe(0);
  return JSON.parse(r.stdout) as { before: number; after: number };
}

describe('main-thread young generation', () => {
  it('grows on a churning heap by default (so the check below can fail)', () => {
    const { before, after } = churn('');
    expect(after).toBeGreaterThan(before);
    expect(after).toBeGreaterThan(8 * MB);
  });

  it('stays within a few MB of its starting size with the flag the CLI sets', () => {
    const { before, after } = churn(NO_YOUNG_GROWTH_FLAG);
    expect(before).toBeLessThanOrEqual(4 * MB);
    expect(after).toBeLessThanOrEqual(4 * MB);
  });

  it('needs the flag set again once a worker thread runs (V8 resets it for each new isolate)', () => {
    const script = `
      const v8 = require('node:v8');
      const { Worker } = require('node:worker_threads');
      const again = process.env.AGAIN === '1';
      v8.setFlagsFromString(process.env.YOUNG_FLAG);
      const w = new Worker('setTimeout(() => {}, 10)', { eval: true, resourceLimits: { maxYoungGenerationSizeMb: 4 } });
      w.once('online', () => {
        if (again) v8.setFlagsFromString(process.env.YOUNG_FLAG);
        const newSpace = () => v8.getHeapSpaceStatistics().find((s) => s.space_name === 'new_space').space_size;
        const ring = new Array(4096);
        for (let i = 0; i < 400000; i++) ring[i % ring.length] = { i, s: 'x'.repeat(64) + i, a: [i, i + 1, i + 2] };
        console.log(newSpace());
      });
    `;
    const run = (again: boolean) => {
      const r = spawnSync(process.execPath, ['-e', script], { encoding: 'utf8', env: { ...process.env, YOUNG_FLAG: NO_YOUNG_GROWTH_FLAG, AGAIN: again ? '1' : '0' } });
      expect(r.status, r.stderr).toBe(0);
      return Number(r.stdout.trim());
    };
    expect(run(false)).toBeGreaterThan(8 * MB);
    expect(run(true)).toBeLessThanOrEqual(4 * MB);
  });

  it('uses only flags this Node recognises (V8 reports an unknown one on stderr, without throwing)', () => {
    const script = `const v8 = require('node:v8'); for (const f of JSON.parse(process.env.FLAGS)) v8.setFlagsFromString(f);`;
    const r = spawnSync(process.execPath, ['-e', script], { encoding: 'utf8', env: { ...process.env, FLAGS: JSON.stringify(CLI_HEAP_FLAGS) } });
    expect(r.status).toBe(0);
    expect(r.stderr).toBe('');
    const bogus = spawnSync(process.execPath, ['-e', script], { encoding: 'utf8', env: { ...process.env, FLAGS: JSON.stringify(['--no-such-v8-flag-here']) } });
    expect(bogus.stderr).toMatch(/unrecognized flag/);
  });

  it('is not changed for a process that imports runCli', () => {
    const script = `
      const v8 = await import('node:v8');
      const { runCli } = await import(${JSON.stringify(builtCli())});
      if (typeof runCli !== 'function') process.exit(2);
      const newSpace = () => v8.getHeapSpaceStatistics().find((s) => s.space_name === 'new_space').space_size;
      const before = newSpace();
      const ring = new Array(4096);
      for (let i = 0; i < 400000; i++) ring[i % ring.length] = { i, s: 'x'.repeat(64) + i, a: [i, i + 1, i + 2] };
      console.log(JSON.stringify({ before, after: newSpace() }));
    `;
    const r = spawnSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' });
    expect(r.status, r.stderr).toBe(0);
    const { before, after } = JSON.parse(r.stdout) as { before: number; after: number };
    expect(after).toBeGreaterThan(before);
    expect(after).toBeGreaterThan(8 * MB);
  });
});
