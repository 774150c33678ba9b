import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RedisLedger, type RedisLedgerClient } from '../../src/ledger/redis.js';
import { issueRevealToken, redeemRevealToken, reveal } from '../../src/reveal/index.js';
import { protect } from '../../src/protect.js';
import type { WaybillShieldError } from '../../src/errors.js';
import type { AuditEvent } from '../../src/audit/types.js';
import { redisSuite, startRedis, type RedisServer } from '../helpers/redis.js';
import { sampleWaybill, testKeyring } from '../helpers/fixtures.js';
import { ledgerContract } from './contract.js';

// REDIS_URL, else a redis-server on PATH; else skipped with a visible line (a failure under CI).
const decision = redisSuite('server');
const binaries = redisSuite('binaries');
const skip = decision.kind !== 'url' && decision.kind !== 'spawn';
const skipOwn = binaries.kind !== 'spawn';
const why = (d: typeof decision): string => (d.kind === 'skip' ? ` (${d.message})` : '');

let server: RedisServer | undefined;
const clients: Redis[] = [];
// Unique per run, so a shared REDIS_URL server never sees two runs' keys collide.
const RUN = Math.random().toString(36).slice(2, 8);
let prefixN = 0;

/** A client to the suite's server (REDIS_URL or the spawned one), or to `port`. */
function connect(port?: number, opts: Record<string, unknown> = {}): Redis {
  const base = { enableOfflineQueue: false, maxRetriesPerRequest: 1, lazyConnect: false, ...opts };
  const c =
    port === undefined && decision.kind === 'url' ? new Redis(decision.url, base) : new Redis({ host: '127.0.0.1', port: port ?? server!.port, ...base });
  c.on('error', () => {});
  clients.push(c);
  return c;
}

async function ready(c: Redis): Promise<Redis> {
  if (c.status !== 'ready') await new Promise<void>((resolve, reject) => {
    c.once('ready', resolve);
    c.once('end', () => reject(new Error('redis connection ended')));
  });
  return c;
}

beforeAll(async () => {
  if (!skip && decision.kind === 'spawn') server = await startRedis();
}, 30_000);

afterAll(async () => {
  for (const c of clients) c.disconnect();
  await server?.stop();
});

const keyring = testKeyring();
const T0 = Date.parse('2026-11-29T08:00:00Z');

describe.skipIf(skip)(`RedisLedger on one server${why(decision)}`, () => {
ledgerContract(
  'RedisLedger',
  async () => {
    const client = await ready(connect());
    const ledger = new RedisLedger({ client, prefix: `t${RUN}${prefixN++}:` });
    return { ledger, advance: (ms: number) => new Promise((r) => setTimeout(r, ms)) };
  },
  400,
);

describe('RedisLedger', () => {
  it('puts a TTL on every key and the waybill id in a hash tag', async () => {
    const client = await ready(connect());
    const prefix = `ttl${RUN}${prefixN++}:`;
    const ledger = new RedisLedger({ client, prefix });
    const tid = 'ab'.repeat(16);
    await ledger.acquire('GHN1', 'reveal', 5, 60_000);
    await ledger.acquire('GHN1', 'pin', 5, 60_000);
    await ledger.consume('GHN1', tid, 5, 60_000);
    await ledger.acquire('GHN1', 'reveal', 5, 60_000);
    await ledger.revokeToken('GHN1', tid, 60_000);
    await ledger.revokeWaybill('GHN1', 60_000);
    const keys = (await client.keys(`${prefix}*`)).sort();
    expect(keys).toEqual([`${prefix}{GHN1}:f:pin`, `${prefix}{GHN1}:f:reveal`, `${prefix}{GHN1}:rt:${tid}`, `${prefix}{GHN1}:rw`, `${prefix}{GHN1}:u:${tid}`]);
    for (const k of keys) {
      const ttl = await client.pttl(k);
      expect(ttl).toBeGreaterThan(0);
      expect(ttl).toBeLessThanOrEqual(60_000);
    }
  });

  it('150 concurrent redemptions of a 1-use token over 5 connections: exactly one succeeds', async () => {
    const conns = await Promise.all(Array.from({ length: 5 }, () => ready(connect())));
    const prefix = `race${RUN}${prefixN++}:`;
    const ledgers = conns.map((client) => new RedisLedger({ client, prefix }));
    const waybillId = 'GHN2611290001';
    const token = issueRevealToken({ keyring, waybillId, courierId: 'courier-042', assignment: 1, notBefore: new Date(T0), notAfter: new Date(T0 + 3_600_000) });
    const results = await Promise.allSettled(
      Array.from({ length: 150 }, (_, i) =>
        redeemRevealToken(token, { keyring, waybillId, courierId: 'courier-042', assignment: 1, now: new Date(T0 + 60_000), ledger: ledgers[i % 5]!, maxUses: 1 }),
      ),
    );
    const ok = results.filter((r) => r.status === 'fulfilled');
    const reasons = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected').map((r) => (r.reason as WaybillShieldError).reason);
    expect(ok).toHaveLength(1);
    // Every loser was refused as spent; an authentic token never counts toward the lockout.
    expect(reasons).toEqual(Array(149).fill('use-limit'));
    expect(await client0(conns).get(`${prefix}{${waybillId}}:f:reveal`)).toBeNull();
  });

  it('reloads its scripts after SCRIPT FLUSH (NOSCRIPT fallback)', async () => {
    const client = await ready(connect());
    const ledger = new RedisLedger({ client, prefix: `flush${RUN}${prefixN++}:` });
    expect(await ledger.acquire('W', 'reveal', 5, 1000)).toBe('ok');
    await client.script('FLUSH');
    expect(await ledger.acquire('W', 'reveal', 5, 1000)).toBe('ok');
    expect(await ledger.consume('W', 'ab'.repeat(16), 1, 1000)).toBe('ok');
  });

});
});

describe.skipIf(skipOwn)(`RedisLedger faults on its own redis-server${why(binaries)}`, () => {
  it('Redis down: LEDGER_UNAVAILABLE, audited, and nothing revealed', async () => {
    const own = await startRedis();
    try {
      const client = await ready(connect(own.port));
      const ledger = new RedisLedger({ client, timeoutMs: 500 });
      const record = protect(sampleWaybill(), { keyring });
      const token = issueRevealToken({ keyring, waybillId: record.id, courierId: 'courier-042', assignment: 1, notBefore: new Date(T0), notAfter: new Date(T0 + 3_600_000) });
      const opts = { keyring, waybillId: record.id, courierId: 'courier-042', assignment: 1, now: new Date(T0 + 60_000), ledger };
      await own.stop();
      const events: AuditEvent[] = [];
      let revealed: unknown;
      await expect(
        redeemRevealToken(token, { ...opts, audit: { append: (e: AuditEvent) => void events.push(e) } }).then((g) => (revealed = reveal(record, g, { keyring, now: new Date(T0 + 60_000) }))),
      ).rejects.toMatchObject({ code: 'LEDGER_UNAVAILABLE' });
      expect(revealed).toBeUndefined();
      expect(events).toEqual([expect.objectContaining({ action: 'token.redeem', outcome: 'error', reason: 'ledger-unavailable' })]);
      // With ioredis's offline queue on, the call would wait for a reconnect: the timeout bounds it.
      const queued = connect(own.port, { enableOfflineQueue: true, maxRetriesPerRequest: null });
      const started = Date.now();
      await expect(redeemRevealToken(token, { ...opts, ledger: new RedisLedger({ client: queued, timeoutMs: 300 }) })).rejects.toMatchObject({ code: 'LEDGER_UNAVAILABLE' });
      expect(Date.now() - started).toBeLessThan(3_000);
    } finally {
      await own.stop();
    }
  });

});

describe('RedisLedger without a server', () => {
  it('maps odd replies and hung clients to LEDGER_UNAVAILABLE', async () => {
    const odd: RedisLedgerClient = { evalsha: async () => 'surprise', eval: async () => 'surprise' };
    await expect(new RedisLedger({ client: odd }).acquire('W', 'reveal', 5, 1000)).rejects.toMatchObject({ code: 'LEDGER_UNAVAILABLE' });
    await expect(new RedisLedger({ client: odd }).consume('W', 'ab'.repeat(16), 5, 1000)).rejects.toMatchObject({ code: 'LEDGER_UNAVAILABLE' });
    const hung: RedisLedgerClient = { evalsha: () => new Promise(() => {}), eval: () => new Promise(() => {}) };
    await expect(new RedisLedger({ client: hung, timeoutMs: 50 }).release('W', 'pin')).rejects.toMatchObject({ code: 'LEDGER_UNAVAILABLE' });
  });

  it('validates its options', () => {
    expect(() => new RedisLedger({ client: {} as RedisLedgerClient })).toThrow(expect.objectContaining({ code: 'INVALID_INPUT' }));
    const c = { evalsha: async () => 1, eval: async () => 1 };
    expect(() => new RedisLedger({ client: c, prefix: '{x}' })).toThrow(expect.objectContaining({ code: 'INVALID_INPUT' }));
    expect(() => new RedisLedger({ client: c, timeoutMs: 0 })).toThrow(expect.objectContaining({ code: 'INVALID_INPUT' }));
  });
});

function client0(conns: Redis[]): Redis {
  return conns[0]!;
}
