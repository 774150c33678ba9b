/**
 * Redis for the ledger integration tests.
 *
 * Where Redis comes from (`redisDecision`):
 * - `REDIS_URL` set: the suites that only need a server run against it (unique key prefixes,
 *   nothing flushed); the fault suites (stall, restart, cluster) still need binaries;
 * - else a `redis-server` (and for the cluster, `redis-cli`) found on `PATH`: each suite starts
 *   its own throwaway server on a free 127.0.0.1 port and stops it by pid;
 * - neither: the suites are skipped with one visible line saying why and how to enable them,
 *   except when `CI` is set, where a missing Redis is a failure.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { accessSync, constants, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';

/** How a Redis suite runs, or why it does not. */
export type RedisDecision =
  | { kind: 'url'; url: string }
  | { kind: 'spawn' }
  | { kind: 'skip'; message: string }
  | { kind: 'fail'; message: string };

/** The first executable `name` on `pathVar`, or undefined. */
export function findOnPath(name: string, pathVar: string | undefined = process.env.PATH): string | undefined {
  for (const dir of (pathVar ?? '').split(delimiter)) {
    if (!dir) continue;
    const p = join(dir, name);
    try {
      accessSync(p, constants.X_OK);
      return p;
    } catch {
      /* not here */
    }
  }
  return undefined;
}

const HOW = 'to run them: apt-get install redis-server (redis-server and redis-cli on PATH), or REDIS_URL=redis://127.0.0.1:6379 for the single-server suites';

/**
 * Decide how a Redis suite runs.
 * @param need - `server`: any Redis will do (REDIS_URL or a binary); `binaries`: the suite starts,
 *   stops or signals servers itself (needs redis-server and redis-cli on PATH)
 */
export function redisDecision(need: 'server' | 'binaries', env: Record<string, string | undefined> = process.env): RedisDecision {
  const url = env.REDIS_URL?.trim();
  const server = findOnPath('redis-server', env.PATH);
  const cli = findOnPath('redis-cli', env.PATH);
  if (need === 'server' && url) return { kind: 'url', url };
  if (server && (need === 'server' || cli)) return { kind: 'spawn' };
  const missing = need === 'binaries' ? `${server ? '' : 'redis-server '}${cli ? '' : 'redis-cli '}not found on PATH` : 'REDIS_URL is not set and redis-server is not on PATH';
  const message = `Redis suite skipped: ${missing.trim()}; ${HOW}`;
  if (env.CI) return { kind: 'fail', message: `Redis is required when CI is set: ${missing.trim()}` };
  return { kind: 'skip', message };
}

/**
 * The decision for a test file, printed once when it skips; throws (failing the file) under CI.
 * @returns whether the suite can run
 */
export function redisSuite(need: 'server' | 'binaries'): RedisDecision {
  const d = redisDecision(need);
  if (d.kind === 'fail') throw new Error(d.message);
  if (d.kind === 'skip') console.warn(`[waybill-shield] ${d.message}`);
  return d;
}

export interface RedisServer {
  host: '127.0.0.1';
  port: number;
  /** Process id of redis-server (for SIGSTOP/SIGCONT/SIGKILL in fault tests). */
  readonly pid: number;
  /** Working directory (AOF files live here). */
  dir: string;
  /** Send a signal to the server process. */
  signal(sig: NodeJS.Signals): void;
  /** Start the server again on the same port and directory (after a kill). */
  restart(): Promise<void>;
  /** Stop the server and remove its working directory. */
  stop(): Promise<void>;
}

export interface StartRedisOptions {
  /** AOF persistence (default off). */
  appendfsync?: 'always' | 'everysec';
  /** Extra redis-server arguments. */
  args?: string[];
  port?: number;
  dir?: string;
}

/** A free TCP port on 127.0.0.1. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      srv.close(() => (typeof addr === 'object' && addr ? resolve(addr.port) : reject(new Error('no port'))));
    });
  });
}

function exited(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) resolve();
    else child.once('exit', () => resolve());
  });
}

/** Spawn redis-server with `args`; resolves once it accepts connections. */
export async function spawnRedis(args: string[]): Promise<ChildProcess> {
  const bin = findOnPath('redis-server') ?? 'redis-server';
  const child = spawn(bin, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  await new Promise<void>((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`redis-server did not start: ${out.slice(-500)}`));
    }, 15_000);
    child.once('error', (e) => {
      clearTimeout(timer);
      reject(new Error(`redis-server could not be started (apt-get install redis-server): ${e.message}`));
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`redis-server exited with ${code}: ${out.slice(-500)}`));
    });
    child.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      if (out.includes('Ready to accept connections')) {
        clearTimeout(timer);
        resolve();
      }
    });
    child.stderr!.on('data', (d: Buffer) => (out += d.toString()));
  });
  child.removeAllListeners('exit');
  // Keep draining output so a chatty server never blocks on a full pipe.
  child.stdout!.resume();
  child.stderr!.resume();
  return child;
}

/** Stop a child by pid: SIGCONT (in case it is stopped), SIGTERM, then SIGKILL after 5 s. */
export async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  try {
    child.kill('SIGCONT');
    child.kill('SIGTERM');
  } catch {
    /* gone */
  }
  const t = setTimeout(() => child.kill('SIGKILL'), 5_000);
  await exited(child);
  clearTimeout(t);
}

/** Start redis-server on a free 127.0.0.1 port; persistence off unless `appendfsync` is given. */
export async function startRedis(opts: StartRedisOptions = {}): Promise<RedisServer> {
  const port = opts.port ?? (await freePort());
  const dir = opts.dir ?? mkdtempSync(join(tmpdir(), 'ws-redis-'));
  const persistence = opts.appendfsync ? ['--appendonly', 'yes', '--appendfsync', opts.appendfsync] : ['--appendonly', 'no'];
  const args = ['--bind', '127.0.0.1', '--port', String(port), '--save', '', ...persistence, '--protected-mode', 'yes', '--dir', dir, '--daemonize', 'no', ...(opts.args ?? [])];
  let child = await spawnRedis(args);
  return {
    host: '127.0.0.1',
    port,
    dir,
    get pid() {
      return child.pid!;
    },
    signal(sig) {
      child.kill(sig);
    },
    async restart() {
      await stopChild(child);
      child = await spawnRedis(args);
    },
    async stop() {
      await stopChild(child);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
