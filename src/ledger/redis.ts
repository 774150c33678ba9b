/**
 * `RedisLedger`: the shared {@link RevealLedger} for several backend instances, on an ioredis
 * client (`Redis` or `Cluster`) the caller creates and owns. Entry `waybill-shield/redis`.
 *
 * - Every operation is one Lua script (EVALSHA, falling back to EVAL on NOSCRIPT), so each is
 *   atomic: 150 concurrent redemptions of a 1-use token across many connections give one success.
 * - **Stalls cannot count against a courier.** Every script that counts an attempt or takes a
 *   use carries a deadline (this process's clock plus `timeoutMs`) and does nothing once Redis's
 *   own `TIME` is past it. A script that sat in a socket buffer while Redis was stopped, slow or
 *   unreachable, and whose caller already gave up with `LEDGER_UNAVAILABLE`, runs as a no-op
 *   when Redis resumes. (Refunds and revocations have no deadline: run late, they still do
 *   what was asked, and a refund only ever follows an attempt that was counted in time.)
 *   This needs the backend's and Redis's clocks within `timeoutMs` of each other (NTP);
 *   `check()` measures the skew.
 * - **Replication** (`replicas: n`): after each write that decides a redemption (a use taken, a
 *   revocation) the same connection sends `ROLE` and `WAIT k timeoutMs`, pipelined with the
 *   script (one round trip). `ROLE` tells how many replicas are online on the master that ran
 *   the write. The write needs n acknowledgements, or, by default, as many as that master has
 *   online when it has fewer than n (a master promoted by a failover, whose old master is down,
 *   has none): redemptions then go on, unreplicated, and `check()` warns. With
 *   `requireReplicas: true` it always needs n. Fewer acknowledgements in time: the use is given
 *   back and the call fails closed with `LEDGER_UNAVAILABLE`. k is the count needed at this
 *   master's last write (cached per master), so an unreplicated master answers at once. See
 *   SECURITY.md for the exact guarantee.
 * - Every key gets a TTL (PEXPIRE / SET PX); nothing is stored forever.
 * - Key names put the waybill id in a `{hash tag}`, so all keys of one waybill share a Redis
 *   Cluster slot and multi-key scripts work under Cluster:
 *   `<prefix>{<waybillId>}:f:<scope>`, `:u:<tokenId>`, `:rt:<tokenId>`, `:rw`.
 * - Any error or a timeout becomes `LEDGER_UNAVAILABLE`; redemption then fails closed.
 *
 * Durability is the deployment's job: a Redis restart without AOF forgets use counts and
 * revocations. Run Redis with `appendonly yes` and `appendfsync always` (or `everysec`, which
 * can lose the last second of writes on a crash); `check()` reports what it finds.
 *
 * Create the client with `enableOfflineQueue: false` (commands fail at once while disconnected
 * instead of queueing) and a small `maxRetriesPerRequest`; `timeoutMs` bounds every call anyway.
 * @module
 */
import calculateSlot from 'cluster-key-slot';
import { guard, WaybillShieldError } from '../errors.js';
import { checkCount, checkScope, checkTokenId, checkTtl, checkWaybillId } from './_args.js';
import { checkConsumeOptions } from './_options.js';
import { ACQUIRE, CONSUME, LOCKED, RELEASE, REVOKE, UNCONSUME, type Script } from './_scripts.js';
import type { AcquireResult, ConsumeOptions, ConsumeResult, FailureScope, LedgerCheck, RevealLedger } from './types.js';

export type { LedgerCheck } from './types.js';

/** A pipeline of an ioredis client: the commands `RedisLedger` sends on one connection. */
export interface RedisLedgerPipeline {
  evalsha(sha1: string, numkeys: number, ...args: (string | number)[]): RedisLedgerPipeline;
  eval(script: string, numkeys: number, ...args: (string | number)[]): RedisLedgerPipeline;
  wait(numreplicas: number, timeout: number): RedisLedgerPipeline;
  role(): RedisLedgerPipeline;
  exec(): Promise<[Error | null, unknown][] | null>;
}

/** The subset of an ioredis `Redis` or `Cluster` client that the ledger uses. */
export interface RedisLedgerClient {
  evalsha(sha1: string, numkeys: number, ...args: (string | number)[]): Promise<unknown>;
  eval(script: string, numkeys: number, ...args: (string | number)[]): Promise<unknown>;
  /** Needed for `replicas` (script and WAIT pipelined on one connection). */
  pipeline?(): RedisLedgerPipeline;
  /** Used by `check()` (CONFIG, INFO, TIME). */
  call?(command: string, ...args: (string | number)[]): Promise<unknown>;
  /** An ioredis `Cluster`: its master connections, for `check()`. */
  nodes?(role: 'master'): RedisLedgerClient[];
  /** An ioredis `Cluster`: slot → `host:port` of its master first, to cache replica counts per master. */
  slots?: string[][];
}

/** Options for {@link RedisLedger}. */
export interface RedisLedgerOptions {
  /** An ioredis `Redis` or `Cluster` instance; the ledger never connects or quits it. */
  client: RedisLedgerClient;
  /** Key prefix (default `wsl:`). Letters, digits and `:_.-`, at most 32 characters. */
  prefix?: string;
  /**
   * Per-call timeout in ms (default 2000); a slower call is `LEDGER_UNAVAILABLE`, and its
   * script does nothing if it reaches Redis later. With `replicas`, WAIT gets as long again.
   */
  timeoutMs?: number;
  /**
   * Replicas that must acknowledge each deciding write (default 0: asynchronous replication,
   * a failover can lose the last writes). 0 to 16. A master with fewer than n replicas online
   * needs only those it has (none: no wait), unless `requireReplicas` is set.
   */
  replicas?: number;
  /**
   * With `replicas: n`, always require n acknowledgements (default false). A master that has
   * fewer than n replicas online, such as a replica just promoted by a failover while its old
   * master is down, then fails every deciding write closed with `LEDGER_UNAVAILABLE` until
   * enough replicas are online again. Without it such a master goes on unreplicated (a second
   * failover before a replica rejoins can lose those writes) and `check()` warns.
   */
  requireReplicas?: boolean;
}

const PREFIX_RE = /^[A-Za-z0-9:_.-]{0,32}$/;
const MAX_REPLICAS = 16;

function unavailable(): WaybillShieldError {
  return new WaybillShieldError('LEDGER_UNAVAILABLE', 'the Redis ledger could not be reached');
}

/** The replicas a master reports online in a `ROLE` reply, or null when the reply is not a master's. */
function onlineReplicas(role: unknown): number | null {
  if (!Array.isArray(role) || role[0] !== 'master' || !Array.isArray(role[2])) return null;
  return role[2].length;
}

function notReplicated(): WaybillShieldError {
  return new WaybillShieldError('LEDGER_UNAVAILABLE', 'the Redis ledger could not confirm the write on enough replicas');
}

function isNoScript(e: unknown): boolean {
  return e instanceof Error && e.message.startsWith('NOSCRIPT');
}

function badOption(path: string, rule: string): WaybillShieldError {
  return new WaybillShieldError('INVALID_INPUT', undefined, { issues: [{ path, rule }] });
}

/**
 * A reveal ledger in Redis.
 *
 * @example
 * ```ts
 * import Redis from 'ioredis';
 * import { RedisLedger } from 'waybill-shield/redis';
 * const client = new Redis(process.env.REDIS_URL, { enableOfflineQueue: false, maxRetriesPerRequest: 1 });
 * const ledger = new RedisLedger({ client, replicas: 1 }); // add requireReplicas: true to never go unreplicated
 * for (const w of (await ledger.check()).warnings) console.warn('ledger:', w);
 * const grant = await redeemRevealToken(token, { keyring, waybillId, courierId, assignment, ledger });
 * ```
 */
export class RedisLedger implements RevealLedger {
  readonly #client: RedisLedgerClient;
  readonly #prefix: string;
  readonly #timeoutMs: number;
  readonly #replicas: number;
  readonly #requireReplicas: boolean;
  /** Per master (`host:port`, or '' for a single node): acknowledgements needed at its last deciding write. */
  readonly #needed = new Map<string, number>();

  /**
   * @param opts - the client, key prefix, timeout, replicas and requireReplicas
   * @throws WaybillShieldError `INVALID_INPUT` for a missing client, a bad prefix, timeout or
   *   replica count, a non-boolean `requireReplicas` or one without `replicas`, or a client
   *   without `pipeline` when `replicas` is set. Nothing else
   *   escapes: a throwing getter or proxy in the options is `INVALID_INPUT` too.
   */
  constructor(opts: RedisLedgerOptions) {
    const o = guard('INVALID_INPUT', 'RedisLedger: options are invalid', () => {
      if (opts === null || typeof opts !== 'object') throw badOption('opts', 'type');
      // Read every option once: a getter cannot answer differently later.
      const { client, prefix = 'wsl:', timeoutMs = 2_000, replicas = 0, requireReplicas = false } = opts;
      if (client === null || typeof client !== 'object') throw badOption('client', 'type');
      const evalsha = client.evalsha;
      const evalFn = client.eval;
      if (typeof evalsha !== 'function' || typeof evalFn !== 'function') throw badOption('client', 'type');
      if (typeof prefix !== 'string' || !PREFIX_RE.test(prefix)) throw badOption('prefix', 'format');
      checkTtl(timeoutMs, 'timeoutMs');
      if (typeof replicas !== 'number' || !Number.isInteger(replicas) || replicas < 0 || replicas > MAX_REPLICAS) throw badOption('replicas', 'integer');
      if (typeof requireReplicas !== 'boolean') throw badOption('requireReplicas', 'type');
      if (requireReplicas && replicas === 0) throw badOption('requireReplicas', 'needs replicas');
      if (replicas > 0 && typeof client.pipeline !== 'function') throw badOption('client', 'pipeline');
      return { client, prefix, timeoutMs, replicas, requireReplicas };
    });
    this.#client = o.client;
    this.#prefix = o.prefix;
    this.#timeoutMs = o.timeoutMs;
    this.#replicas = o.replicas;
    this.#requireReplicas = o.requireReplicas;
  }

  /** {@inheritDoc RevealLedger.acquire} */
  async acquire(waybillId: string, scope: FailureScope, maxFailures: number, windowMs: number): Promise<AcquireResult> {
    checkWaybillId(waybillId);
    checkScope(scope);
    checkCount(maxFailures, 'maxFailures');
    checkTtl(windowMs, 'windowMs');
    const { reply } = await this.#run(ACQUIRE, [this.#key(waybillId, `f:${scope}`)], [maxFailures, windowMs], { deadline: true, wait: false });
    if (reply === 1) return 'ok';
    if (reply === 0) return 'locked';
    throw unavailable();
  }

  /** {@inheritDoc RevealLedger.locked} */
  async locked(waybillId: string, scope: FailureScope, maxFailures: number): Promise<boolean> {
    checkWaybillId(waybillId);
    checkScope(scope);
    checkCount(maxFailures, 'maxFailures');
    const { reply } = await this.#run(LOCKED, [this.#key(waybillId, `f:${scope}`)], [maxFailures], { deadline: false, wait: false });
    if (reply !== 0 && reply !== 1) throw unavailable();
    return reply === 1;
  }

  /** {@inheritDoc RevealLedger.release} */
  async release(waybillId: string, scope: FailureScope): Promise<void> {
    checkWaybillId(waybillId);
    checkScope(scope);
    const { reply } = await this.#run(RELEASE, [this.#key(waybillId, `f:${scope}`)], [], { deadline: false, wait: false });
    if (reply !== 1) throw unavailable();
  }

  /** {@inheritDoc RevealLedger.consume} */
  async consume(waybillId: string, tokenId: string, maxUses: number, ttlMs: number, opts?: ConsumeOptions): Promise<ConsumeResult> {
    checkWaybillId(waybillId);
    checkTokenId(tokenId);
    checkCount(maxUses, 'maxUses');
    checkTtl(ttlMs);
    const o = checkConsumeOptions(opts);
    const useKey = this.#key(waybillId, `u:${tokenId}`);
    const keys = [this.#key(waybillId, `f:${o.lock?.scope ?? 'reveal'}`), this.#key(waybillId, 'rw'), this.#key(waybillId, `rt:${tokenId}`), useKey];
    const { reply, acks, needed } = await this.#run(CONSUME, keys, [maxUses, ttlMs, o.lock?.maxFailures ?? 0, o.revocable ? 1 : 0], { deadline: true, wait: true });
    if (reply !== 'ok' && reply !== 'use-limit' && reply !== 'revoked' && reply !== 'locked') throw unavailable();
    if (reply === 'ok' && acks < needed) {
      // The use may be lost in a failover: give it back (best effort) and fail closed.
      try {
        await this.#run(UNCONSUME, [useKey], [], { deadline: false, wait: false });
      } catch {
        /* the use stays taken: fails closed */
      }
      throw notReplicated();
    }
    return reply;
  }

  /** {@inheritDoc RevealLedger.revokeToken} */
  async revokeToken(waybillId: string, tokenId: string, ttlMs: number): Promise<void> {
    checkWaybillId(waybillId);
    checkTokenId(tokenId);
    checkTtl(ttlMs);
    await this.#revoke(this.#key(waybillId, `rt:${tokenId}`), ttlMs);
  }

  /** {@inheritDoc RevealLedger.revokeWaybill} */
  async revokeWaybill(waybillId: string, ttlMs: number): Promise<void> {
    checkWaybillId(waybillId);
    checkTtl(ttlMs);
    await this.#revoke(this.#key(waybillId, 'rw'), ttlMs);
  }

  /**
   * Report whether the Redis deployment keeps used tokens used: AOF persistence on every
   * master (`CONFIG GET appendonly/appendfsync`, or `INFO persistence` where a managed Redis
   * forbids `CONFIG`), connected replicas against the `replicas` option, cluster mode, and the
   * clock skew the stall deadline depends on. Never throws; an unreachable Redis is a warning.
   *
   * @returns `{ persistent, replicas, cluster, ok, warnings }`
   * @example
   * ```ts
   * const report = await ledger.check();
   * if (!report.ok) for (const w of report.warnings) logger.warn(`reveal ledger: ${w}`);
   * ```
   */
  async check(): Promise<LedgerCheck> {
    const warnings: string[] = [];
    const client = this.#client;
    const cluster = typeof client.nodes === 'function';
    let nodes: RedisLedgerClient[];
    try {
      nodes = cluster ? client.nodes!('master') : [client];
    } catch {
      nodes = [];
    }
    if (nodes.length === 0 || nodes.some((n) => typeof n.call !== 'function')) {
      return { persistent: null, replicas: null, cluster, ok: false, warnings: ['the client cannot run CONFIG/INFO; durability could not be checked'] };
    }
    const reports = await Promise.all(nodes.map((n) => this.#checkNode(n)));
    if (reports.some((r) => r.unreachable)) {
      return { persistent: null, replicas: null, cluster, ok: false, warnings: ['the Redis ledger could not be reached'] };
    }
    let persistent: boolean | null = true;
    for (const r of reports) {
      if (r.aof === false) persistent = false;
      else if (r.aof === null && persistent === true) persistent = null;
    }
    const fsyncs = new Set(reports.map((r) => r.fsync));
    if (persistent === false) warnings.push('AOF persistence is off on a master (appendonly no): a Redis restart revives used and revoked tokens; set appendonly yes, appendfsync always or everysec');
    else if (persistent === null) warnings.push('persistence could not be read (CONFIG and INFO refused): make sure the managed Redis keeps an AOF with appendfsync always or everysec');
    if (persistent === true && fsyncs.has('no')) {
      persistent = false;
      warnings.push('appendfsync no: the operating system decides when writes reach disk, so a crash can revive tokens used many seconds earlier; set appendfsync always or everysec');
    }
    const counts = reports.map((r) => r.replicas);
    const replicas = counts.some((c) => c === null) ? null : Math.min(...(counts as number[]));
    if (this.#replicas > 0 && (replicas === null || replicas < this.#replicas)) {
      const has = `replicas: ${this.#replicas} is set but a master has ${replicas ?? 'an unknown number of'} connected replicas`;
      warnings.push(
        this.#requireReplicas
          ? `${has}; with requireReplicas its deciding writes fail closed until enough replicas are online`
          : `${has}; its deciding writes wait only for the replicas it has, so until a replica rejoins a second failover can lose them (requireReplicas: true fails closed instead)`,
      );
    } else if (this.#replicas > 0 && !this.#requireReplicas && [...this.#needed.values()].some((k) => k < this.#replicas)) {
      warnings.push(`replicas: ${this.#replicas} is set but a recent deciding write was confirmed by fewer replicas, because its master had fewer online`);
    }
    if (this.#replicas === 0 && replicas !== null && replicas > 0) {
      warnings.push('replicas are connected but the replicas option is 0: a failover can lose the last writes (set replicas: 1)');
    }
    const skew = Math.max(0, ...reports.map((r) => Math.abs(r.skewMs ?? 0)));
    const skewBad = skew > this.#timeoutMs / 2;
    if (skewBad) warnings.push(`the clocks of this host and Redis differ by about ${Math.round(skew)} ms, more than half of timeoutMs; synchronise them (NTP)`);
    const ok = persistent === true && !skewBad && (this.#replicas === 0 || (replicas !== null && replicas >= this.#replicas));
    return { persistent, replicas, cluster, ok, warnings };
  }

  #key(waybillId: string, suffix: string): string {
    // The braces make the waybill id the hash tag: one Cluster slot per waybill.
    return `${this.#prefix}{${waybillId}}:${suffix}`;
  }

  async #revoke(key: string, ttlMs: number): Promise<void> {
    const { reply, acks, needed } = await this.#run(REVOKE, [key], [ttlMs], { deadline: false, wait: true });
    if (reply !== 1) throw unavailable();
    if (acks < needed) throw notReplicated();
  }

  async #checkNode(node: RedisLedgerClient): Promise<{ unreachable: boolean; aof: boolean | null; fsync: string | null; replicas: number | null; skewMs: number | null }> {
    const call = (...args: (string | number)[]): Promise<unknown> => this.#bounded(() => node.call!(...(args as [string, ...(string | number)[]])));
    const field = (info: unknown, name: string): string | undefined => (typeof info === 'string' ? new RegExp(`^${name}:(.*)$`, 'm').exec(info)?.[1]?.trim() : undefined);
    let aof: boolean | null = null;
    let fsync: string | null = null;
    try {
      const a = await call('CONFIG', 'GET', 'appendonly');
      const f = await call('CONFIG', 'GET', 'appendfsync');
      if (Array.isArray(a) && a.length === 2) aof = String(a[1]) === 'yes';
      if (Array.isArray(f) && f.length === 2) fsync = String(f[1]);
    } catch {
      // Managed Redis often renames or forbids CONFIG; INFO persistence still tells.
      try {
        const v = field(await call('INFO', 'persistence'), 'aof_enabled');
        if (v !== undefined) aof = v === '1';
      } catch {
        /* unknown */
      }
    }
    let replicas: number | null = null;
    let skewMs: number | null = null;
    try {
      const before = Date.now();
      const t = await call('TIME');
      const after = Date.now();
      if (Array.isArray(t) && t.length === 2) skewMs = Number(t[0]) * 1000 + Math.floor(Number(t[1]) / 1000) - (before + after) / 2;
      const n = Number(field(await call('INFO', 'replication'), 'connected_slaves'));
      if (Number.isInteger(n) && n >= 0) replicas = n;
    } catch {
      return { unreachable: true, aof, fsync, replicas, skewMs };
    }
    return { unreachable: false, aof, fsync, replicas, skewMs };
  }

  /**
   * Run `fn`, bounded by the timeout; any failure is LEDGER_UNAVAILABLE.
   *
   * `deadline` (epoch ms, the one a script was sent with): a timeout is not reported before this
   * process's clock is past it. Timers measure from the event loop's cached time, which can lag
   * the moment the deadline was read by the work done since, so a bare timer may fire a few
   * milliseconds before the deadline; a script stalled until then could still act after its caller
   * was told that nothing happened. Waiting out the remainder keeps "unavailable" meaning "changed
   * nothing" (with Redis's clock not behind this one; `check()` reports the skew).
   */
  async #bounded<T>(fn: () => Promise<T>, ms = this.#timeoutMs, deadline?: number): Promise<T> {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const timeout = new Promise<never>((_, reject) => {
      const expire = (): void => {
        const left = deadline === undefined ? 0 : deadline + 1 - Date.now();
        if (left > 0) timer = setTimeout(expire, left);
        else reject(unavailable());
      };
      timer = setTimeout(expire, ms);
    });
    try {
      return await Promise.race([fn(), timeout]);
    } catch {
      throw unavailable();
    } finally {
      clearTimeout(timer);
    }
  }

  /** The cache key of the master serving `key`: `host:port` on a Cluster, '' on a single node. */
  #masterOf(key: string): string {
    const slots = this.#client.slots;
    if (!Array.isArray(slots)) return '';
    const slot = calculateSlot(key);
    return slots[slot]?.[0] ?? `slot:${slot}`;
  }

  /**
   * Run a script. `deadline`: pass now + timeoutMs as ARGV[1] (the script refuses to act past
   * it). `wait`: with `replicas` set, pipeline `ROLE` and `WAIT k timeoutMs` on the same
   * connection; report the acknowledgements and how many were needed: `replicas`, or with
   * fewer online and no `requireReplicas`, the online count. k is the count needed at the same
   * master's last write, so a degraded master answers at once; when more are needed now than k
   * waited for, the call fails closed (a retry waits for the new count).
   */
  async #run(s: Script, keys: string[], args: (string | number)[], how: { deadline: boolean; wait: boolean }): Promise<{ reply: unknown; acks: number; needed: number }> {
    const client = this.#client;
    const wait = how.wait && this.#replicas > 0;
    const deadline = how.deadline ? Date.now() + this.#timeoutMs : undefined;
    const argv = deadline === undefined ? args : [deadline, ...args];
    const master = wait ? this.#masterOf(keys[0]!) : '';
    const once = async (byText: boolean): Promise<{ reply: unknown; acks: number; needed: number }> => {
      if (!wait) {
        const reply = byText ? await client.eval(s.src, keys.length, ...keys, ...argv) : await client.evalsha(s.sha, keys.length, ...keys, ...argv);
        return { reply, acks: 0, needed: 0 };
      }
      const k = this.#requireReplicas ? this.#replicas : Math.min(this.#replicas, this.#needed.get(master) ?? this.#replicas);
      const p = client.pipeline!();
      (byText ? p.eval(s.src, keys.length, ...keys, ...argv) : p.evalsha(s.sha, keys.length, ...keys, ...argv)).role().wait(k, this.#timeoutMs);
      const out = await p.exec();
      if (!Array.isArray(out) || out.length !== 3) throw unavailable();
      const [[scriptErr, reply], [roleErr, role], [waitErr, acks]] = out as [[Error | null, unknown], [Error | null, unknown], [Error | null, unknown]];
      if (scriptErr) throw scriptErr;
      if (waitErr || typeof acks !== 'number') throw unavailable();
      // ROLE refused or unreadable (a managed Redis may forbid it): the online count is unknown, need n.
      const online = roleErr ? null : onlineReplicas(role);
      const needed = this.#requireReplicas || online === null ? this.#replicas : Math.min(this.#replicas, online);
      this.#needed.set(master, needed);
      return { reply, acks, needed };
    };
    return this.#bounded(async () => {
      try {
        return await once(false);
      } catch (e) {
        if (!isNoScript(e)) throw e;
        return await once(true);
      }
    }, wait ? 2 * this.#timeoutMs : this.#timeoutMs, deadline);
  }
}
