/**
 * RedisLedger on a real Redis Cluster (3 masters, 3 replicas, loopback): the whole ledger
 * contract through an ioredis `Cluster` client, concurrency across connections, and faults:
 * a stalled master (SIGSTOP) does not lock the courier out; a stalled replica makes `replicas: 1`
 * fail closed; a master killed right after a 1-use token was consumed with `replicas: 1` leaves
 * the token used after the replica is promoted, fresh tokens redeem again while the killed node
 * stays down, and with `requireReplicas` they fail closed until it rejoins.
 */
import type { Cluster } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RedisLedger } from '../../src/ledger/redis.js';
import { issueRevealToken, redeemRevealToken } from '../../src/reveal/index.js';
import type { WaybillShieldError } from '../../src/errors.js';
import { redisSuite } from '../helpers/redis.js';
import { CLUSTER_NODE_TIMEOUT_MS, nodeClient, startCluster, type RedisCluster } from '../helpers/redis-cluster.js';
import { testKeyring } from '../helpers/fixtures.js';
import { ledgerContract } from './contract.js';

const decision = redisSuite('binaries');
const skip = decision.kind !== 'spawn';
const keyring = testKeyring();
const T0 = Date.parse('2026-11-29T08:00:00Z');
const NOW = new Date(T0 + 60_000);
let cluster: RedisCluster;
let client: Cluster;
let prefixN = 0;

async function ready(c: Cluster): Promise<Cluster> {
  if (c.status !== 'ready') await new Promise<void>((resolve) => c.once('ready', () => resolve()));
  return c;
}

function token(waybillId: string, salt = 0): string {
  return issueRevealToken({ keyring, waybillId, courierId: 'courier-042', assignment: 1, notBefore: new Date(T0 - salt * 3_600_000), notAfter: new Date(T0 + 3_600_000) });
}

function outcome(p: Promise<unknown>): Promise<string> {
  return p.then(
    () => 'ok',
    (e: WaybillShieldError) => (e.code === 'TOKEN_REJECTED' ? (e.reason ?? e.code) : e.code),
  );
}

describe.skipIf(skip)(`RedisLedger on a Redis Cluster${skip && decision.kind === 'skip' ? ` (${decision.message})` : ''}`, () => {
  beforeAll(async () => {
    cluster = await startCluster();
    client = await ready(cluster.client());
  }, 60_000);

  afterAll(async () => {
    await cluster?.stop();
  }, 30_000);

  ledgerContract(
    'RedisLedger (Cluster client)',
    () => ({ ledger: new RedisLedger({ client, prefix: `c${prefixN++}:` }), advance: (ms: number) => new Promise((r) => setTimeout(r, ms)) }),
    400,
  );

  it('keys of one waybill share a slot; check() reports cluster, AOF and replicas', async () => {
    const ledger = new RedisLedger({ client, prefix: `k${prefixN++}:`, replicas: 1 });
    const report = await ledger.check();
    expect(report).toEqual({ persistent: true, replicas: 1, cluster: true, ok: true, warnings: [] });
    const waybills = Array.from({ length: 30 }, (_, i) => `GHN${i}`);
    const inspect = cluster.nodes.map((n) => nodeClient(n.port));
    const calls = async (): Promise<Record<string, number>> => {
      const sum: Record<string, number> = { evalsha: 0, role: 0, wait: 0 };
      for (const c of inspect) for (const m of (await c.info('commandstats')).matchAll(/^cmdstat_(evalsha|role|wait):calls=(\d+)/gm)) sum[m[1]!]! += Number(m[2]);
      return sum;
    };
    const before = await calls();
    for (const w of waybills) expect(await outcome(redeemRevealToken(token(w), { keyring, waybillId: w, courierId: 'courier-042', assignment: 1, now: NOW, ledger }))).toBe('ok');
    const after = await calls();
    // One script per redemption, with ROLE and WAIT pipelined behind it (one round trip).
    expect({ evalsha: after.evalsha! - before.evalsha!, role: after.role! - before.role!, wait: after.wait! - before.wait! }).toEqual({ evalsha: 30, role: 30, wait: 30 });
    for (const c of inspect) c.disconnect();
    // 30 waybills spread over the three masters (CLUSTER KEYSLOT differs), and all worked.
    const masters = new Set<number>();
    for (const w of waybills) masters.add((await cluster.masterOf(`{${w}}`)).port);
    expect(masters.size).toBe(3);
  });

  it('150 concurrent redemptions of a 1-use token over 3 cluster clients: exactly one succeeds', async () => {
    const clients = [client, await ready(cluster.client()), await ready(cluster.client())];
    const prefix = `race${prefixN++}:`;
    const ledgers = clients.map((c) => new RedisLedger({ client: c, prefix, replicas: 1 }));
    const t = token('GHN-RACE');
    const results = await Promise.all(
      Array.from({ length: 150 }, (_, i) => outcome(redeemRevealToken(t, { keyring, waybillId: 'GHN-RACE', courierId: 'courier-042', assignment: 1, now: NOW, ledger: ledgers[i % 3]!, maxUses: 1 }))),
    );
    expect(results.filter((r) => r === 'ok')).toHaveLength(1);
    expect(results.filter((r) => r === 'use-limit')).toHaveLength(149);
  });

  it('a master stalled with SIGSTOP: attempts fail LEDGER_UNAVAILABLE, and after SIGCONT the courier is not locked out and no use was taken', async () => {
    const prefix = `stall${prefixN++}:`;
    const waybillId = 'GHN-STALL';
    const master = await cluster.masterOf(`{${waybillId}}`);
    const ledger = new RedisLedger({ client, prefix, timeoutMs: 150 });
    const t = token(waybillId);
    const opts = { keyring, waybillId, courierId: 'courier-042', assignment: 1, now: NOW, ledger, maxUses: 2 };
    const inspect = nodeClient(master.port);
    const calls = async (): Promise<number> => Number(/cmdstat_evalsha:calls=(\d+)/.exec(await inspect.info('commandstats'))?.[1] ?? 0);
    const before = await calls();
    cluster.signal(master, 'SIGSTOP');
    try {
      // The courier's app retries 5 times; a wrong guess from someone else is in the queue too.
      for (let i = 0; i < 5; i++) expect(await outcome(redeemRevealToken(t, opts))).toBe('LEDGER_UNAVAILABLE');
    } finally {
      // Well inside the node timeout: no failover, the same master resumes and runs the backlog.
      cluster.signal(master, 'SIGCONT');
    }
    await new Promise((r) => setTimeout(r, 300));
    // The 5 stalled scripts did reach Redis and run, as no-ops past their deadline.
    expect((await calls()) - before).toBeGreaterThanOrEqual(5);
    const fresh = new RedisLedger({ client, prefix, timeoutMs: 2_000 });
    expect(await outcome(redeemRevealToken(t, { ...opts, ledger: fresh }))).toBe('ok');
    expect(await outcome(redeemRevealToken(t, { ...opts, ledger: fresh }))).toBe('ok');
    expect(await outcome(redeemRevealToken(t, { ...opts, ledger: fresh }))).toBe('use-limit');
    inspect.disconnect();
  }, 30_000);

  it('a stalled replica (SIGSTOP) still counts as online to its master: replicas: 1 fails closed and gives the use back', async () => {
    const prefix = `rs${prefixN++}:`;
    const waybillId = 'GHN-REPLSTALL';
    const master = await cluster.masterOf(`{${waybillId}}`);
    const replica = await cluster.replicaOf(master);
    const ledger = new RedisLedger({ client, prefix, replicas: 1, timeoutMs: 300 });
    const opts = { keyring, waybillId, courierId: 'courier-042', assignment: 1, now: NOW, ledger, maxUses: 1 };
    expect(await outcome(redeemRevealToken(token(waybillId, 1), opts))).toBe('ok');
    const inspect = nodeClient(master.port);
    const uses = async (): Promise<number> => (await inspect.keys(`${prefix}*:u:*`)).length;
    expect(await uses()).toBe(1);
    cluster.signal(replica, 'SIGSTOP');
    try {
      // Well inside the node timeout: the master still lists the replica as online, so WAIT needs it.
      expect(await outcome(redeemRevealToken(token(waybillId, 2), opts))).toBe('LEDGER_UNAVAILABLE');
      expect(await uses()).toBe(1);
    } finally {
      cluster.signal(replica, 'SIGCONT');
    }
    expect(await outcome(redeemRevealToken(token(waybillId, 2), opts))).toBe('ok');
    expect(await uses()).toBe(2);
    inspect.disconnect();
  }, 30_000);

  it('a master killed right after a 1-use token was consumed (replicas: 1): after promotion the token stays used and fresh tokens redeem again without restarting it; requireReplicas fails closed until a replica rejoins', async () => {
    const prefix = `fo${prefixN++}:`;
    const waybillId = 'GHN-FAILOVER';
    const ledger = new RedisLedger({ client, prefix, replicas: 1, timeoutMs: 1_000 });
    const strict = new RedisLedger({ client, prefix, replicas: 1, requireReplicas: true, timeoutMs: 1_000 });
    const opts = { keyring, waybillId, courierId: 'courier-042', assignment: 1, now: NOW, ledger, maxUses: 1 };
    const used = token(waybillId, 1);
    expect(await outcome(redeemRevealToken(used, opts))).toBe('ok');
    const master = await cluster.masterOf(`{${waybillId}}`);
    cluster.signal(master, 'SIGKILL');
    const killedAt = Date.now();
    // Wait for the replica's promotion (another master now serves the slot).
    for (;;) {
      const m = await cluster.masterOf(`{${waybillId}}`).catch(() => master);
      if (m !== master) break;
      if (Date.now() - killedAt > 20_000) throw new Error('no failover within 20 s');
      await new Promise((r) => setTimeout(r, 200));
    }
    const promotedAfterMs = Date.now() - killedAt;
    // The killed node stays down: the promoted master has no replica.
    let freshOkAfterMs = -1;
    let salt = 2;
    const seen = new Set<string>();
    for (; Date.now() - killedAt < 30_000; salt++) {
      seen.add(await outcome(redeemRevealToken(used, opts)));
      if ((await outcome(redeemRevealToken(token(waybillId, salt), opts))) === 'ok') {
        freshOkAfterMs = Date.now() - killedAt;
        break;
      }
      await new Promise((r) => setTimeout(r, 200));
    }
    // The consumed token was never accepted again, only refused as used or while unavailable.
    expect([...seen].every((s) => s === 'use-limit' || s === 'LEDGER_UNAVAILABLE')).toBe(true);
    expect(await outcome(redeemRevealToken(used, opts))).toBe('use-limit');
    expect(freshOkAfterMs).toBeGreaterThan(0);
    expect(cluster.alive(master)).toBe(false);
    // Fresh tokens keep redeeming at once on the unreplicated master, and check() says so.
    expect(await outcome(redeemRevealToken(token(waybillId, ++salt), opts))).toBe('ok');
    let warnings: string[] = [];
    for (let i = 0; i < 50 && !warnings.some((w) => /wait only for the replicas it has/.test(w)); i++) {
      warnings = (await ledger.check()).warnings;
      await new Promise((r) => setTimeout(r, 200));
    }
    expect(warnings.join('\n')).toMatch(/replicas: 1 is set but a master has 0 connected replicas; its deciding writes wait only for the replicas it has/);
    // requireReplicas: every redemption on that master fails closed, and gives its use back.
    const strictToken = token(waybillId, ++salt);
    for (let i = 0; i < 2; i++) expect(await outcome(redeemRevealToken(strictToken, { ...opts, ledger: strict }))).toBe('LEDGER_UNAVAILABLE');
    expect(cluster.alive(master)).toBe(false);
    console.info(`[cluster failover] node timeout ${CLUSTER_NODE_TIMEOUT_MS} ms; replica promoted after ${promotedAfterMs} ms; fresh tokens redeem again after ${freshOkAfterMs} ms, the killed node still down`);
    // The old master comes back (as a process supervisor would restart it) and rejoins as a replica.
    await cluster.restart(master);
    await cluster.waitHealthy();
    let strictOk = false;
    for (let i = 0; i < 20 && !strictOk; i++) strictOk = (await outcome(redeemRevealToken(strictToken, { ...opts, ledger: strict }))) === 'ok';
    expect(strictOk).toBe(true);
    expect(await outcome(redeemRevealToken(strictToken, { ...opts, ledger: strict }))).toBe('use-limit');
    expect(await outcome(redeemRevealToken(used, opts))).toBe('use-limit');
  }, 90_000);
});
