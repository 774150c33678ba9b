/**
 * One client process of the Redis ledger benchmark. Connects (ioredis `Redis` or `Cluster`),
 * issues one token per waybill of its own, tells the parent it is ready, and on each `go` redeems
 * tokens with `concurrency` redemptions in flight for `durationMs` and reports the count.
 * Config comes in the WS_BENCH env variable as JSON.
 */
import { Cluster, Redis } from 'ioredis';
import { RedisLedger } from '../../src/ledger/redis.js';
import { Keyring } from '../../src/keys/keyring.js';
import { issueRevealToken, redeemRevealToken } from '../../src/reveal/index.js';

interface Config {
  mode: 'single' | 'cluster';
  ports: number[];
  durationMs: number;
  concurrency: number;
  worker: number;
  replicas: number;
  keyring: string;
  prefix: string;
}

const cfg = JSON.parse(process.env.WS_BENCH ?? '{}') as Config;
const keyring = Keyring.fromJSON(cfg.keyring);
const client =
  cfg.mode === 'cluster'
    ? new Cluster(cfg.ports.map((port) => ({ host: '127.0.0.1', port })), { enableOfflineQueue: true })
    : new Redis({ host: '127.0.0.1', port: cfg.ports[0]!, enableOfflineQueue: false, maxRetriesPerRequest: 1 });
client.on('error', () => {});
await new Promise<void>((resolve) => (client.status === 'ready' ? resolve() : client.once('ready', () => resolve())));
const ledger = new RedisLedger({ client, prefix: cfg.prefix, replicas: cfg.replicas });

const now = new Date();
const N = 2_000;
const jobs = Array.from({ length: N }, (_, i) => {
  const waybillId = `B${cfg.worker}-${i}`;
  const token = issueRevealToken({ keyring, waybillId, courierId: 'courier-042', assignment: 1, notAfter: new Date(now.getTime() + 3_600_000) });
  return { waybillId, token };
});

process.send!({ ready: true });
// Each `go` message runs one timed round and reports it; `stop` ends the process.
process.on('message', async (msg) => {
  if (msg === 'stop') {
    client.disconnect();
    process.exit(0);
  }
  let ok = 0;
  let failed = 0;
  let next = 0;
  const until = performance.now() + cfg.durationMs;
  const loop = async (): Promise<void> => {
    while (performance.now() < until) {
      const j = jobs[next++ % N]!;
      try {
        await redeemRevealToken(j.token, { keyring, waybillId: j.waybillId, courierId: 'courier-042', assignment: 1, ledger, maxUses: 1_000_000_000 });
        ok++;
      } catch {
        failed++;
      }
    }
  };
  await Promise.all(Array.from({ length: cfg.concurrency }, loop));
  process.send!({ ok, failed });
});
