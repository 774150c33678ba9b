/**
 * RedisLedger against the faults a production Redis has, on real redis-server processes:
 * a stalled server (SIGSTOP, then SIGCONT) must not turn the courier's retries into uses or
 * failures; a server with AOF killed with SIGKILL and restarted keeps a used token used (and one
 * without persistence does not, which `check()` reports); `replicas` fails closed and gives the
 * use back when too few replicas acknowledge; the constructor lets no foreign exception escape.
 */
import { Redis } from 'ioredis';
import { afterAll, describe, expect, it } from 'vitest';
import { RedisLedger, type RedisLedgerClient } from '../../src/ledger/redis.js';
import { issueRevealToken, redeemRevealToken, revokeRevealToken } from '../../src/reveal/index.js';
import { WaybillShieldError } from '../../src/errors.js';
import { redisSuite, startRedis, type RedisServer } from '../helpers/redis.js';
import { testKeyring } from '../helpers/fixtures.js';

const binaries = redisSuite('binaries');
const skip = binaries.kind !== 'spawn';
const keyring = testKeyring();
const T0 = Date.parse('2026-11-29T08:00:00Z');
const NOW = new Date(T0 + 60_000);
const servers: RedisServer[] = [];
const clients: Redis[] = [];

afterAll(async () => {
  for (const c of clients) c.disconnect();
  await Promise.all(servers.map((s) => s.stop()));
});

async function server(opts: Parameters<typeof startRedis>[0] = {}): Promise<RedisServer> {
  const s = await startRedis(opts);
  servers.push(s);
  return s;
}

async function connect(port: number, opts: Record<string, unknown> = {}): Promise<Redis> {
  const c = new Redis({ host: '127.0.0.1', port, enableOfflineQueue: false, maxRetriesPerRequest: 1, ...opts });
  c.on('error', () => {});
  clients.push(c);
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

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe.skipIf(skip)(`RedisLedger faults on real redis-server processes${binaries.kind === 'skip' ? ` (${binaries.message})` : ''}`, () => {
  it('a stalled server (SIGSTOP): 5 retries fail LEDGER_UNAVAILABLE, and after SIGCONT no use and no failure was recorded', async () => {
    const s = await server();
    const client = await connect(s.port);
    const ledger = new RedisLedger({ client, timeoutMs: 200 });
    const waybillId = 'GHN-STALL1';
    const t = token(waybillId);
    const opts = { keyring, waybillId, courierId: 'courier-042', assignment: 1, now: NOW, ledger, maxUses: 2, maxFailures: 5 };
    const wrong = token(waybillId, 7).replace(/^(.{6})(.)/, (_, a: string, c: string) => a + (c === 'A' ? 'B' : 'A'));
    s.signal('SIGSTOP');
    try {
      for (let i = 0; i < 5; i++) expect(await outcome(redeemRevealToken(t, opts))).toBe('LEDGER_UNAVAILABLE');
      // Five mistyped tokens during the stall: guesses, but their callers gave up too.
      for (let i = 0; i < 5; i++) expect(await outcome(redeemRevealToken(wrong, opts))).toBe('LEDGER_UNAVAILABLE');
    } finally {
      s.signal('SIGCONT');
    }
    await sleep(200);
    const stats = await client.info('commandstats');
    // All 10 scripts did run once Redis resumed: as no-ops past their deadline.
    expect(Number(/cmdstat_evalsha:calls=(\d+)/.exec(stats)?.[1])).toBeGreaterThanOrEqual(10);
    expect(await client.keys('*')).toEqual([]);
    const fresh = new RedisLedger({ client });
    expect(await outcome(redeemRevealToken(t, { ...opts, ledger: fresh }))).toBe('ok');
    expect(await outcome(redeemRevealToken(t, { ...opts, ledger: fresh }))).toBe('ok');
    expect(await outcome(redeemRevealToken(t, { ...opts, ledger: fresh }))).toBe('use-limit');
  });

  it('AOF (appendfsync always), SIGKILL and restart: a used token stays used, a revoked one stays revoked', async () => {
    const s = await server({ appendfsync: 'always' });
    let client = await connect(s.port);
    const ledger = () => new RedisLedger({ client });
    const waybillId = 'GHN-AOF';
    const used = token(waybillId);
    const revoked = token(waybillId, 1);
    const opts = () => ({ keyring, waybillId, courierId: 'courier-042', assignment: 1, now: NOW, ledger: ledger(), maxUses: 1 });
    expect(await ledger().check()).toMatchObject({ persistent: true, cluster: false, ok: true, warnings: [] });
    expect(await outcome(redeemRevealToken(used, opts()))).toBe('ok');
    await revokeRevealToken(revoked, { keyring, waybillId, courierId: 'courier-042', assignment: 1, now: NOW, ledger: ledger() });
    s.signal('SIGKILL');
    await s.restart();
    client = await connect(s.port);
    expect(await outcome(redeemRevealToken(used, opts()))).toBe('use-limit');
    expect(await outcome(redeemRevealToken(revoked, opts()))).toBe('revoked');
    expect(await outcome(redeemRevealToken(token(waybillId, 2), opts()))).toBe('ok');
  });

  it('without persistence a restart revives a used token, and check() says the deployment is not ok', async () => {
    const s = await server();
    let client = await connect(s.port);
    const report = await new RedisLedger({ client }).check();
    expect(report).toMatchObject({ persistent: false, replicas: 0, cluster: false, ok: false });
    expect(report.warnings.join('\n')).toMatch(/appendonly/);
    const waybillId = 'GHN-NOAOF';
    const t = token(waybillId);
    const opts = () => ({ keyring, waybillId, courierId: 'courier-042', assignment: 1, now: NOW, ledger: new RedisLedger({ client }), maxUses: 1 });
    expect(await outcome(redeemRevealToken(t, opts()))).toBe('ok');
    s.signal('SIGKILL');
    await s.restart();
    client = await connect(s.port);
    // The documented failure mode the durability requirement exists for.
    expect(await outcome(redeemRevealToken(t, opts()))).toBe('ok');
  });

  it('check() on a managed-style Redis that forbids CONFIG reads INFO persistence instead', async () => {
    const s = await server({ appendfsync: 'everysec', args: ['--rename-command', 'CONFIG', ''] });
    const client = await connect(s.port);
    await expect(client.call('CONFIG', 'GET', 'appendonly')).rejects.toThrow();
    expect(await new RedisLedger({ client }).check()).toEqual({ persistent: true, replicas: 0, cluster: false, ok: true, warnings: [] });
    const none = await server({ args: ['--rename-command', 'CONFIG', ''] });
    const r = await new RedisLedger({ client: await connect(none.port) }).check();
    expect(r).toMatchObject({ persistent: false, ok: false });
  });

  it('replicas: 1 with a real replica confirms each use; without one it fails closed and gives the use back', async () => {
    const primary = await server({ appendfsync: 'always' });
    const client = await connect(primary.port);
    const lone = new RedisLedger({ client, replicas: 1, timeoutMs: 300 });
    expect(await lone.check()).toMatchObject({ persistent: true, replicas: 0, ok: false });
    const waybillId = 'GHN-WAIT';
    const t = token(waybillId);
    const opts = { keyring, waybillId, courierId: 'courier-042', assignment: 1, now: NOW, maxUses: 1 };
    expect(await outcome(redeemRevealToken(t, { ...opts, ledger: lone }))).toBe('LEDGER_UNAVAILABLE');
    expect(await client.keys('*')).toEqual([]); // the use was given back
    // An unconfirmed revocation is reported (the caller retries); it stays written, which is safe.
    await expect(revokeRevealToken(token(waybillId, 3), { keyring, waybillId, courierId: 'courier-042', assignment: 1, now: NOW, ledger: lone })).rejects.toMatchObject({ code: 'LEDGER_UNAVAILABLE' });

    const replica = await server({ appendfsync: 'always', args: ['--replicaof', '127.0.0.1', String(primary.port)] });
    const rc = await connect(replica.port);
    for (let i = 0; i < 100 && !/master_link_status:up/.test(await rc.info('replication')); i++) await sleep(100);
    const synced = new RedisLedger({ client, replicas: 1, timeoutMs: 2_000 });
    expect(await synced.check()).toMatchObject({ persistent: true, replicas: 1, ok: true });
    expect(await outcome(redeemRevealToken(t, { ...opts, ledger: synced }))).toBe('ok');
    // Acknowledged: the replica already holds the use count (next to the revocation above).
    expect((await rc.keys('*')).filter((k) => k.includes(':u:'))).toHaveLength(1);
    expect(await outcome(redeemRevealToken(t, { ...opts, ledger: synced }))).toBe('use-limit');
  });
});

describe('RedisLedger constructor guard', () => {
  it('no foreign exception or message escapes: throwing getters, proxies and bad values are INVALID_INPUT', () => {
    const ok = { evalsha: async () => 1, eval: async () => 1, pipeline: () => ({}) as never };
    const secret = 'Nguyễn Văn An 0901234567';
    const hostile: unknown[] = [
      undefined,
      null,
      42,
      'redis://x',
      { get client() { throw new Error(secret); } },
      { client: new Proxy({}, { get() { throw new Error(secret); } }) },
      { client: ok, get prefix() { throw new TypeError(secret); } },
      new Proxy({}, { get() { throw new Error(secret); }, has() { throw new Error(secret); } }),
      { client: ok, replicas: -1 },
      { client: ok, replicas: 1.5 },
      { client: { evalsha: async () => 1, eval: async () => 1 }, replicas: 1 },
      { client: ok, timeoutMs: Number.NaN },
    ];
    for (const opts of hostile) {
      let caught: unknown;
      try {
        new RedisLedger(opts as { client: RedisLedgerClient });
      } catch (e) {
        caught = e;
      }
      expect(caught).toBeInstanceOf(WaybillShieldError);
      expect((caught as WaybillShieldError).code).toBe('INVALID_INPUT');
      expect(JSON.stringify({ m: (caught as Error).message, i: (caught as WaybillShieldError).issues })).not.toContain('0901');
      expect((caught as Error).message).not.toContain('Nguy');
    }
    expect(new RedisLedger({ client: ok, replicas: 1 })).toBeInstanceOf(RedisLedger);
  });

  it('check() never throws: a dead client is a warning', async () => {
    const dead: RedisLedgerClient = { evalsha: async () => 1, eval: async () => 1, call: () => Promise.reject(new Error('ECONNREFUSED 127.0.0.1')) };
    expect(await new RedisLedger({ client: dead, timeoutMs: 100 }).check()).toEqual({ persistent: null, replicas: null, cluster: false, ok: false, warnings: ['the Redis ledger could not be reached'] });
    const noCall: RedisLedgerClient = { evalsha: async () => 1, eval: async () => 1 };
    expect(await new RedisLedger({ client: noCall }).check()).toMatchObject({ ok: false, persistent: null });
  });
});
