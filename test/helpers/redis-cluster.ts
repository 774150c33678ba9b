/**
 * A real Redis Cluster on loopback for the ledger tests: 3 masters and 3 replicas started from
 * `redis-server` binaries (`--cluster-enabled yes`, AOF `appendfsync always`), joined with
 * `redis-cli --cluster create … --cluster-replicas 1 --cluster-yes`. Random free ports, one
 * temporary directory per node, every process stopped by pid. `cluster-node-timeout` is small
 * (2 s) so a failover takes seconds.
 */
import { execFile, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { Cluster, Redis } from 'ioredis';
import { findOnPath, freePort, spawnRedis, stopChild } from './redis.js';

const run = promisify(execFile);

export const CLUSTER_NODE_TIMEOUT_MS = 2_000;

export interface ClusterNode {
  port: number;
  dir: string;
  child: ChildProcess;
  args: string[];
}

export interface RedisCluster {
  nodes: ClusterNode[];
  /** Startup nodes for an ioredis `Cluster`. */
  startup: { host: string; port: number }[];
  /** A new ioredis Cluster client (closed by `stop`). */
  client(opts?: ConstructorParameters<typeof Cluster>[1]): Cluster;
  /** The node currently master of `key`'s slot (asked of a live node). */
  masterOf(key: string): Promise<ClusterNode>;
  /** A replica of `master` (asked of a live node). */
  replicaOf(master: ClusterNode): Promise<ClusterNode>;
  /** Whether a node's process is running. */
  alive(node: ClusterNode): boolean;
  /** Send a signal to a node. */
  signal(node: ClusterNode, sig: NodeJS.Signals): void;
  /** Start a killed node again on its port, directory and nodes.conf. */
  restart(node: ClusterNode): Promise<void>;
  /** Wait until every node reports cluster_state:ok and each master has a connected, synced replica. */
  waitHealthy(timeoutMs?: number): Promise<void>;
  stop(): Promise<void>;
}

async function cli(port: number, ...args: string[]): Promise<string> {
  const bin = findOnPath('redis-cli') ?? 'redis-cli';
  const { stdout } = await run(bin, ['-h', '127.0.0.1', '-p', String(port), ...args], { timeout: 10_000 });
  return stdout;
}

function alive(n: ClusterNode): boolean {
  return n.child.exitCode === null && n.child.signalCode === null;
}

async function sleep(ms: number): Promise<void> {
  await new Promise((r) => setTimeout(r, ms));
}

/** Start a 3-master, 3-replica cluster. */
export async function startCluster(): Promise<RedisCluster> {
  const nodes: ClusterNode[] = [];
  const clients: Cluster[] = [];
  const root = mkdtempSync(join(tmpdir(), 'ws-cluster-'));
  const stop = async (): Promise<void> => {
    for (const c of clients) c.disconnect();
    await Promise.all(nodes.map((n) => stopChild(n.child)));
    rmSync(root, { recursive: true, force: true });
  };
  try {
    const ports = new Set<number>();
    while (ports.size < 6) ports.add(await freePort());
    for (const port of ports) {
      const dir = join(root, String(port));
      const args = [
        '--bind', '127.0.0.1', '--port', String(port), '--protected-mode', 'yes', '--daemonize', 'no', '--dir', dir,
        '--cluster-enabled', 'yes', '--cluster-config-file', `nodes-${port}.conf`, '--cluster-node-timeout', String(CLUSTER_NODE_TIMEOUT_MS),
        '--cluster-replica-validity-factor', '0', '--appendonly', 'yes', '--appendfsync', 'always', '--save', '',
        '--repl-diskless-sync', 'yes', '--repl-diskless-sync-delay', '0',
      ];
      mkdirSync(dir);
      nodes.push({ port, dir, child: await spawnRedis(args), args });
    }
    await cli(nodes[0]!.port, '--cluster', 'create', ...nodes.map((n) => `127.0.0.1:${n.port}`), '--cluster-replicas', '1', '--cluster-yes');
    const cluster: RedisCluster = {
      nodes,
      startup: nodes.map((n) => ({ host: '127.0.0.1', port: n.port })),
      client(opts) {
        const c = new Cluster(cluster.startup, { slotsRefreshTimeout: 2_000, slotsRefreshInterval: 1_000, retryDelayOnFailover: 200, retryDelayOnClusterDown: 200, ...opts });
        c.on('error', () => {});
        clients.push(c);
        return c;
      },
      async masterOf(key) {
        const live = nodes.find(alive)!;
        const slot = Number((await cli(live.port, 'CLUSTER', 'KEYSLOT', key)).trim());
        // CLUSTER NODES: "<id> <ip:port@cport> <flags> <master> ... <slot ranges>"
        const table = await cli(live.port, 'CLUSTER', 'NODES');
        for (const line of table.trim().split('\n')) {
          const f = line.split(' ');
          if (!f[2]!.includes('master') || f[2]!.includes('fail')) continue;
          for (const r of f.slice(8)) {
            const [a, b] = r.split('-').map(Number);
            if (slot >= a! && slot <= (b ?? a)!) {
              const port = Number(f[1]!.split('@')[0]!.split(':')[1]);
              return nodes.find((n) => n.port === port)!;
            }
          }
        }
        throw new Error('no master for slot');
      },
      async replicaOf(master) {
        const live = nodes.find(alive)!;
        // CLUSTER NODES: "<id> <ip:port@cport> <flags> <master id> ..."
        const rows = (await cli(live.port, 'CLUSTER', 'NODES')).trim().split('\n').map((l) => l.split(' '));
        const port = (f: string[]) => Number(f[1]!.split('@')[0]!.split(':')[1]);
        const id = rows.find((f) => port(f) === master.port)?.[0];
        const row = rows.find((f) => f[2]!.includes('slave') && !f[2]!.includes('fail') && f[3] === id);
        const node = row && nodes.find((n) => n.port === port(row));
        if (!node) throw new Error('no replica for that master');
        return node;
      },
      alive,
      signal(node, sig) {
        node.child.kill(sig);
      },
      async restart(node) {
        await stopChild(node.child);
        node.child = await spawnRedis(node.args);
      },
      async waitHealthy(timeoutMs = 30_000) {
        const until = Date.now() + timeoutMs;
        for (;;) {
          try {
            let ok = true;
            let masters = 0;
            for (const n of nodes.filter(alive)) {
              const info = await cli(n.port, 'CLUSTER', 'INFO');
              if (!/cluster_state:ok/.test(info)) ok = false;
              const repl = await cli(n.port, 'INFO', 'replication');
              if (/role:master/.test(repl)) {
                masters++;
                if (!/connected_slaves:[1-9]/.test(repl)) ok = false;
              } else if (!/master_link_status:up/.test(repl)) ok = false;
            }
            if (ok && masters === 3) return;
          } catch {
            /* a node is still starting */
          }
          if (Date.now() > until) throw new Error('the cluster did not become healthy in time');
          await sleep(200);
        }
      },
      stop,
    };
    await cluster.waitHealthy();
    return cluster;
  } catch (e) {
    await stop();
    throw e;
  }
}

/** A plain client to one node, for inspection. */
export function nodeClient(port: number): Redis {
  const c = new Redis({ host: '127.0.0.1', port, lazyConnect: false, maxRetriesPerRequest: 1 });
  c.on('error', () => {});
  return c;
}
