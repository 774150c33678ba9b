/**
 * On a fresh machine without Redis, the README's `npm test` passes: the Redis suites skip with a
 * visible line saying why and how to enable them. Under CI a missing Redis fails instead.
 * Tested on the decision function and end to end, by running vitest in a child process whose
 * PATH holds `node` and nothing else.
 */
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { findOnPath, redisDecision } from '../helpers/redis.js';

const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

function binDir(...names: string[]): string {
  const d = mkdtempSync(join(tmpdir(), 'ws-path-'));
  dirs.push(d);
  for (const n of names) {
    writeFileSync(join(d, n), '#!/bin/sh\nexit 0\n');
    chmodSync(join(d, n), 0o755);
  }
  return d;
}

describe('where the Redis suites get Redis from', () => {
  const both = binDir('redis-server', 'redis-cli');
  const serverOnly = binDir('redis-server');
  const none = binDir();

  it('REDIS_URL first for single-server suites; binaries on PATH otherwise', () => {
    expect(redisDecision('server', { REDIS_URL: 'redis://127.0.0.1:6390', PATH: none })).toEqual({ kind: 'url', url: 'redis://127.0.0.1:6390' });
    expect(redisDecision('server', { PATH: serverOnly })).toEqual({ kind: 'spawn' });
    expect(redisDecision('binaries', { PATH: both })).toEqual({ kind: 'spawn' });
    // Fault and cluster suites start servers themselves: REDIS_URL is not enough.
    expect(redisDecision('binaries', { REDIS_URL: 'redis://127.0.0.1:6390', PATH: serverOnly }).kind).toBe('skip');
    expect(findOnPath('redis-server', `${none}:${both}`)).toBe(join(both, 'redis-server'));
  });

  it('neither: skip with a line saying why and how to enable; under CI: fail', () => {
    const d = redisDecision('server', { PATH: none });
    expect(d.kind).toBe('skip');
    expect(d.kind === 'skip' && d.message).toMatch(/REDIS_URL is not set and redis-server is not on PATH.*apt-get install redis-server.*REDIS_URL=/);
    expect(redisDecision('server', { PATH: none, CI: 'true' }).kind).toBe('fail');
    expect(redisDecision('binaries', { PATH: serverOnly, CI: '1' })).toMatchObject({ kind: 'fail', message: expect.stringMatching(/redis-cli/) });
  });

  it('end to end: vitest with no redis-server on PATH skips the Redis suites visibly and passes; with CI set it fails', () => {
    const path = binDir();
    symlinkSync(process.execPath, join(path, 'node'));
    const vitest = join(process.cwd(), 'node_modules', 'vitest', 'vitest.mjs');
    const files = ['test/ledger/redis.test.ts', 'test/ledger/redis-cluster.test.ts'];
    const env: Record<string, string> = { PATH: path, HOME: process.env.HOME ?? tmpdir(), NO_COLOR: '1' };
    const run = (extra: Record<string, string>) => spawnSync(process.execPath, [vitest, 'run', ...files], { cwd: process.cwd(), env: { ...env, ...extra }, encoding: 'utf8', timeout: 120_000 });
    const fresh = run({});
    const out = fresh.stdout + fresh.stderr;
    expect(fresh.status, out.slice(-2000)).toBe(0);
    expect(out).toMatch(/Redis suite skipped: REDIS_URL is not set and redis-server is not on PATH; to run them: apt-get install redis-server/);
    expect(out).toMatch(/skipped/);
    const ci = run({ CI: 'true' });
    expect(ci.status).not.toBe(0);
    expect(ci.stdout + ci.stderr).toMatch(/Redis is required when CI is set/);
  }, 240_000);
});
