/**
 * Redis ledger throughput: `redeemRevealToken` on a `RedisLedger` from several client processes,
 * against a local redis-server (AOF, appendfsync everysec) and a local 3-master / 3-replica
 * Redis Cluster, each compared with `redis-benchmark`'s raw EVALSHA rate of the ledger's own
 * one-key script on the same servers in the same run. Also counted exactly from Redis's
 * `INFO commandstats`: round trips (scripts) and commands per redemption.
 *
 * Needs redis-server, redis-cli and redis-benchmark on PATH; skipped with a line otherwise.
 * The gate is on round trips per redemption (≤ 1), which is exact; throughput ratios are reported.
 */
import { execFile, fork, type ChildProcess } from 'node:child_process';
import { promisify } from 'node:util';
import { fileURLToPath } from 'node:url';
import { Redis } from 'ioredis';
import { Keyring } from '../../src/keys/keyring.js';
import { ACQUIRE } from '../../src/ledger/_scripts.js';
import { findOnPath, startRedis } from '../../test/helpers/redis.js';
import { startCluster } from '../../test/helpers/redis-cluster.js';
import type { HarnessOptions } from '../_harness.js';
import type { SuiteResult } from '../types.js';

const run = promisify(execFile);
const WORKER = fileURLToPath(new URL('./redis-worker.ts', import.meta.url));
/** Client processes and redemptions in flight per process. */
export const REDIS_BENCH_CLIENTS = 4;
export const REDIS_BENCH_CONCURRENCY = 16;

interface Target {
  mode: 'single' | 'cluster';
  ports: number[];
  masters: number[];
  /** A hash tag owned by each master, same order. */
  tags: string[];
}

function measured(name: string, perSec: number) {
  return { name, perSec, usPerItem: 1e6 / perSec, rounds: [perSec] };
}

async function stats(ports: number[]): Promise<{ scripts: number; commands: number }> {
  let scripts = 0;
  let commands = 0;
  for (const port of ports) {
    const c = new Redis({ host: '127.0.0.1', port, maxRetriesPerRequest: 1 });
    const info = await c.info('commandstats');
    c.disconnect();
    for (const m of info.matchAll(/^cmdstat_([a-z|]+):calls=(\d+)/gm)) {
      const n = Number(m[2]);
      if (m[1] === 'evalsha' || m[1] === 'eval') scripts += n;
      if (m[1] !== 'info') commands += n;
    }
  }
  return { scripts, commands };
}

interface Round {
  perSec: number;
  scripts: number;
  commands: number;
}

/** Client processes, connected and ready; `round()` runs one timed round across all of them. */
async function clients(t: Target, durationMs: number, replicas: number): Promise<{ round(): Promise<Round>; stop(): void }> {
  const keyring = JSON.stringify(Keyring.generate().export());
  const prefix = `bench${Date.now() % 1e6}${replicas}:`;
  const kids: ChildProcess[] = [];
  const stop = (): void => {
    for (const k of kids) if (k.exitCode === null) k.kill('SIGKILL');
  };
  try {
    const ready: Promise<void>[] = [];
    for (let worker = 0; worker < REDIS_BENCH_CLIENTS; worker++) {
      const cfg = { mode: t.mode, ports: t.ports, durationMs, concurrency: REDIS_BENCH_CONCURRENCY, worker, replicas, keyring, prefix };
      const kid = fork(WORKER, [], { env: { ...process.env, WS_BENCH: JSON.stringify(cfg) }, execArgv: ['--import', 'tsx'], stdio: ['ignore', 'ignore', 'inherit', 'ipc'] });
      kids.push(kid);
      ready.push(
        new Promise((resolve, reject) => {
          kid.once('message', () => resolve());
          kid.once('exit', (code) => reject(new Error(`bench worker exited with ${code}`)));
        }),
      );
    }
    await Promise.all(ready);
  } catch (e) {
    stop();
    throw e;
  }
  return {
    stop,
    async round() {
      const before = await stats(t.masters);
      const done = kids.map((k) => new Promise<{ ok: number; failed: number }>((resolve) => k.once('message', (m) => resolve(m as { ok: number; failed: number }))));
      const t0 = performance.now();
      for (const k of kids) k.send('go');
      const results = await Promise.all(done);
      const elapsed = performance.now() - t0;
      const after = await stats(t.masters);
      const ok = results.reduce((a, r) => a + r.ok, 0);
      const failed = results.reduce((a, r) => a + r.failed, 0);
      if (failed > 0) throw new Error(`${failed} redemptions failed during the benchmark`);
      return { perSec: (ok / elapsed) * 1000, scripts: (after.scripts - before.scripts) / ok, commands: (after.commands - before.commands) / ok };
    },
  };
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

async function rawEvalsha(t: Target, requests: number): Promise<number> {
  for (const port of t.masters) await run('redis-cli', ['-h', '127.0.0.1', '-p', String(port), 'SCRIPT', 'LOAD', ACQUIRE.src]);
  // The ledger's one-key script (TIME, GET, INCR, PTTL/PEXPIRE) on random keys; one
  // redis-benchmark per master, in parallel, each on a hash tag that master owns.
  const clients = Math.max(1, Math.round((REDIS_BENCH_CLIENTS * REDIS_BENCH_CONCURRENCY) / t.masters.length));
  const rates = await Promise.all(
    t.masters.map(async (port, i) => {
      const args = ['-h', '127.0.0.1', '-p', String(port), '-q', '-n', String(Math.round(requests / t.masters.length)), '-c', String(clients), '-r', '100000'];
      const cmd = ['EVALSHA', ACQUIRE.sha, '1', `raw{${t.tags[i]}}:__rand_int__`, '99999999999999', '1000000000', '60000'];
      const { stdout } = await run('redis-benchmark', [...args, ...cmd], { timeout: 120_000 });
      const m = /([\d.]+) requests per second/.exec(stdout.replace(/\r/g, '\n'));
      if (!m) throw new Error(`redis-benchmark printed no rate: ${stdout.slice(-300)}`);
      return Number(m[1]);
    }),
  );
  return rates.reduce((a, r) => a + r, 0);
}

/** Interleave rounds of ours and of redis-benchmark; report medians and the median per-round ratio. */
async function compare(t: Target, label: string, durationMs: number, replicas: number, rounds: number): Promise<SuiteResult[]> {
  const c = await clients(t, durationMs, replicas);
  const ours: Round[] = [];
  const raws: number[] = [];
  try {
    await c.round(); // warm-up: connections, script load, JIT
    for (let r = 0; r < rounds; r++) {
      const o = await c.round();
      ours.push(o);
      raws.push(await rawEvalsha(t, Math.max(10_000, Math.round(o.perSec * (durationMs / 1000) * 3))));
    }
  } finally {
    c.stop();
  }
  const perSec = median(ours.map((o) => o.perSec));
  const raw = median(raws);
  const ratio = median(ours.map((o, i) => o.perSec / raws[i]!));
  const scripts = median(ours.map((o) => o.scripts));
  const commands = median(ours.map((o) => o.commands));
  const id = `redis-${t.mode}${replicas ? `-replicas${replicas}` : ''}`;
  return [
    {
      id: `${id}-vs-raw-evalsha`,
      title: `redeem on ${label}${replicas ? `, replicas: ${replicas} (WAIT)` : ''}, ${REDIS_BENCH_CLIENTS} client processes, vs redis-benchmark raw EVALSHA (ratio = ours / raw, median of ${rounds} interleaved rounds)`,
      ours: measured(`redeemRevealToken (RedisLedger${replicas ? `, replicas: ${replicas}` : ''})`, perSec),
      peer: measured('redis-benchmark EVALSHA', raw),
      ratio,
    },
    {
      id: `${id}-round-trips`,
      title: `redeem on ${label}${replicas ? `, replicas: ${replicas}` : ''}: Redis round trips per redemption (${commands.toFixed(1)} Redis commands run, inside the script${replicas ? ' plus ROLE and WAIT, pipelined' : ''})`,
      ours: measured('round trips per redemption', scripts),
      ratio: scripts,
      // One script per redemption (the NOSCRIPT reload happens in the warm-up round).
      bound: { max: 1.01 },
    },
  ];
}

/** The Redis ledger suite: single node and cluster; skipped (with a line) without Redis binaries. */
export async function redisSuite(opts: HarnessOptions = {}): Promise<SuiteResult[]> {
  const missing = ['redis-server', 'redis-cli', 'redis-benchmark'].filter((b) => !findOnPath(b));
  if (missing.length > 0) {
    process.stderr.write(`bench: redis skipped: ${missing.join(', ')} not on PATH (apt-get install redis-server)\n`);
    return [];
  }
  const durationMs = Math.max(1_000, 3 * (opts.sliceMs ?? 400));
  const rounds = 5;
  const out: SuiteResult[] = [];
  const single = await startRedis({ appendfsync: 'everysec' });
  try {
    const t: Target = { mode: 'single', ports: [single.port], masters: [single.port], tags: ['w'] };
    out.push(...(await compare(t, 'one redis-server (AOF everysec)', durationMs, 0, rounds)));
  } finally {
    await single.stop();
  }
  const cluster = await startCluster();
  try {
    const owner = new Map<number, string>();
    for (let i = 0; owner.size < 3 && i < 1_000; i++) {
      const m = await cluster.masterOf(`{w${i}}`);
      if (!owner.has(m.port)) owner.set(m.port, `w${i}`);
    }
    const t: Target = { mode: 'cluster', ports: cluster.nodes.map((n) => n.port), masters: [...owner.keys()], tags: [...owner.values()] };
    out.push(...(await compare(t, 'a 3×2 Redis Cluster (AOF always)', durationMs, 0, rounds)));
    out.push(...(await compare(t, 'a 3×2 Redis Cluster (AOF always)', durationMs, 1, rounds)));
  } finally {
    await cluster.stop();
  }
  return out;
}
