/**
 * RedisLedger against the faults a production Redis has, on real redis-server processes:
 * a stalled server (SIGSTOP, then SIGCONT) must not turn the courier's retries into uses or
 * failures; a server with AOF killed with SIGKILL and restarted keeps a used token used (and one
 * without persistence does not, which `check()` reports); `replicas` fails closed and gives the
 * use back when too few replicas acknowledge (a stalled replica included), degrades to the
 * replicas a master has online unless `requireReplicas` is set, and learns the count per master; the constructor lets no foreign exception escape.
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

  it('replicas: 1 with a real replica confirms each use; with none online it degrades (check() warns); requireReplicas and a stalled replica fail closed and give the use back', async () => {
    const primary = await server({ appendfsync: 'always' });
    const client = await connect(primary.port);
    const waybillId = 'GHN-WAIT';
    const opts = { keyring, waybillId, courierId: 'courier-042', assignment: 1, now: NOW, maxUses: 1 };
    const strict = new RedisLedger({ client, replicas: 1, requireReplicas: true, timeoutMs: 300 });
    expect(await strict.check()).toMatchObject({ persistent: true, replicas: 0, ok: false });
    expect((await strict.check()).warnings.join('\n')).toMatch(/requireReplicas its deciding writes fail closed/);
    expect(await outcome(redeemRevealToken(token(waybillId), { ...opts, ledger: strict }))).toBe('LEDGER_UNAVAILABLE');
    expect(await client.keys('*')).toEqual([]); // the use was given back
    // An unconfirmed revocation is reported (the caller retries); it stays written, which is safe.
    await expect(revokeRevealToken(token(waybillId, 3), { keyring, waybillId, courierId: 'courier-042', assignment: 1, now: NOW, ledger: strict })).rejects.toMatchObject({ code: 'LEDGER_UNAVAILABLE' });

    // The default: a master with no replica online waits for none, and says so.
    const degraded = new RedisLedger({ client, replicas: 1, timeoutMs: 300 });
    const warned = await degraded.check();
    expect(warned).toMatchObject({ replicas: 0, ok: false });
    expect(warned.warnings.join('\n')).toMatch(/wait only for the replicas it has/);
    expect(await outcome(redeemRevealToken(token(waybillId, 1), { ...opts, ledger: degraded }))).toBe('ok');
    expect(await outcome(redeemRevealToken(token(waybillId, 1), { ...opts, ledger: degraded }))).toBe('use-limit');

    const replica = await server({ appendfsync: 'always', args: ['--replicaof', '127.0.0.1', String(primary.port)] });
    const rc = await connect(replica.port);
    for (let i = 0; i < 100 && !/master_link_status:up/.test(await rc.info('replication')); i++) await sleep(100);
    const synced = new RedisLedger({ client, replicas: 1, timeoutMs: 2_000 });
    expect(await synced.check()).toMatchObject({ persistent: true, replicas: 1, ok: true, warnings: [] });
    expect(await outcome(redeemRevealToken(token(waybillId, 2), { ...opts, ledger: synced }))).toBe('ok');
    // Acknowledged: the replica already holds the use counts (next to the revocation above).
    expect((await rc.keys('*')).filter((k) => k.includes(':u:'))).toHaveLength(2);
    expect(await outcome(redeemRevealToken(token(waybillId, 2), { ...opts, ledger: synced }))).toBe('use-limit');
    // The degraded ledger needs the rejoined replica again (at most one attempt fails closed while it learns).
    const again: string[] = [];
    for (let salt = 5; salt < 8 && again.at(-1) !== 'ok'; salt++) again.push(await outcome(redeemRevealToken(token(waybillId, salt), { ...opts, ledger: degraded })));
    expect(again.at(-1)).toBe('ok');
    expect(again.slice(0, -1).every((o) => o === 'LEDGER_UNAVAILABLE')).toBe(true);
    const uses = async () => (await client.keys('*')).filter((k) => k.includes(':u:')).length;
    for (let i = 0; i < 50 && (await rc.keys('*')).filter((k) => k.includes(':u:')).length < (await uses()); i++) await sleep(50);

    // A stalled replica is still online to its master: replicas: 1 fails closed and gives the use back.
    const quick = new RedisLedger({ client, replicas: 1, timeoutMs: 300 });
    const before = await uses();
    replica.signal('SIGSTOP');
    try {
      expect(await outcome(redeemRevealToken(token(waybillId, 9), { ...opts, ledger: quick }))).toBe('LEDGER_UNAVAILABLE');
      expect(await outcome(redeemRevealToken(token(waybillId, 9), { ...opts, ledger: degraded }))).toBe('LEDGER_UNAVAILABLE');
      expect(await uses()).toBe(before);
    } finally {
      replica.signal('SIGCONT');
    }
    expect(await outcome(redeemRevealToken(token(waybillId, 9), { ...opts, ledger: quick }))).toBe('ok');
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
      { client: ok, replicas: 1, requireReplicas: 'yes' },
      { client: ok, requireReplicas: true },
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
    expect(new RedisLedger({ client: ok, replicas: 1, requireReplicas: true })).toBeInstanceOf(RedisLedger);
  });

  it('replicas: WAIT asks for what the master needed at its last write; ROLE decides what this one needs', async () => {
    // A scripted master: ROLE lists `online` replicas, WAIT acknowledges min(asked, acking).
    let online = 1;
    let acking = 1;
    let roleRefused = false;
    const waits: number[] = [];
    const pipeline = () => {
      const queue: (() => [Error | null, unknown])[] = [];
      const p = {
        evalsha: () => (queue.push(() => [null, 'ok']), p),
        eval: () => (queue.push(() => [null, 'ok']), p),
        role: () => (queue.push(() => (roleRefused ? [new Error("ERR unknown command 'ROLE'"), null] : [null, ['master', 7, Array.from({ length: online }, (_, i) => ['127.0.0.1', String(7000 + i), '7'])]])), p),
        wait: (n: number) => (waits.push(n), queue.push(() => [null, Math.min(acking, online)]), p),
        exec: async () => queue.map((f) => f()),
      };
      return p;
    };
    const client: RedisLedgerClient = { evalsha: async () => 1, eval: async () => 1, pipeline };
    const ledger = new RedisLedger({ client, replicas: 1 });
    const strict = new RedisLedger({ client, replicas: 1, requireReplicas: true });
    expect(await ledger.consume('GHN-1', '1'.repeat(32), 1, 60_000)).toBe('ok');
    online = 0; // failover: the promoted master has no replica
    expect(await ledger.consume('GHN-1', '2'.repeat(32), 1, 60_000)).toBe('ok'); // waited for 1, got 0, needed 0
    expect(await ledger.consume('GHN-1', '3'.repeat(32), 1, 60_000)).toBe('ok'); // now waits for none
    await expect(strict.consume('GHN-1', '4'.repeat(32), 1, 60_000)).rejects.toMatchObject({ code: 'LEDGER_UNAVAILABLE' });
    expect(waits).toEqual([1, 1, 0, 1]);
    online = 1; // a replica rejoins; acknowledgements have not arrived when WAIT 0 answers
    acking = 0;
    await expect(ledger.consume('GHN-1', '5'.repeat(32), 1, 60_000)).rejects.toMatchObject({ code: 'LEDGER_UNAVAILABLE' });
    acking = 1;
    expect(await ledger.consume('GHN-1', '6'.repeat(32), 1, 60_000)).toBe('ok');
    // ROLE refused (a managed Redis): the count is unknown, so n is needed.
    roleRefused = true;
    online = 0;
    await expect(ledger.consume('GHN-1', '7'.repeat(32), 1, 60_000)).rejects.toMatchObject({ code: 'LEDGER_UNAVAILABLE' });
    expect(waits.slice(4)).toEqual([0, 1, 1]);
  });

  it('check() never throws: a dead client is a warning', async () => {
    const dead: RedisLedgerClient = { evalsha: async () => 1, eval: async () => 1, call: () => Promise.reject(new Error('ECONNREFUSED 127.0.0.1')) };
    expect(await new RedisLedger({ client: dead, timeoutMs: 100 }).check()).toEqual({ persistent: null, replicas: null, cluster: false, ok: false, warnings: ['the Redis ledger could not be reached'] });
    const noCall: RedisLedgerClient = { evalsha: async () => 1, eval: async () => 1 };
    expect(await new RedisLedger({ client: noCall }).check()).toMatchObject({ ok: false, persistent: null });
  });
});
