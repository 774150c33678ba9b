/**
 * `MemoryLedger`: the embedded, single-process {@link RevealLedger}. Every entry carries an
 * expiry; expired entries are dropped when read and by a sweep that runs at most once a minute
 * (and when the ledger is full).
 *
 * Memory is bounded by `maxEntries` (default {@link MEMORY_LEDGER_DEFAULT_MAX_ENTRIES}, about
 * 15 MB). When the ledger is full, room is made only by dropping entries whose loss cannot
 * revive a token, in this order:
 *
 * 1. expired entries;
 * 2. failure counters below their limit, oldest first;
 * 3. failure counters at their limit (lockouts), oldest first.
 *
 * Use counts and revocations are never evicted: when the ledger is full of them, a new one is
 * refused with `LEDGER_UNAVAILABLE` (fail closed) rather than forgetting that a token was used
 * or revoked. So a flood of bad attempts (which only creates failure counters) cannot block
 * redemptions, revocations or PIN checks.
 *
 * Use it for one process, tests and courier-app simulators. It is not durable: a restart
 * forgets every use count. Several backend instances need a shared, persistent ledger:
 * `RedisLedger` from `waybill-shield/redis`.
 * @module
 */
import { guard, issueError, WaybillShieldError } from '../errors.js';
import { checkCount, checkScope, checkTokenId, checkTtl, checkWaybillId } from './_args.js';
import type { AcquireResult, ConsumeOptions, ConsumeResult, FailureScope, LedgerCheck, RevealLedger } from './types.js';
import { checkConsumeOptions } from './_options.js';

/** Default entry cap of {@link MemoryLedger}: 100 000 entries, roughly 15 MB. */
export const MEMORY_LEDGER_DEFAULT_MAX_ENTRIES = 100_000;

/** Options for {@link MemoryLedger}. */
export interface MemoryLedgerOptions {
  /** Most live entries held at once (default 100 000, roughly 15 MB). */
  maxEntries?: number;
  /** Clock in epoch milliseconds, for tests (default `Date.now`). */
  clock?: () => number;
}

interface Entry {
  n: number;
  exp: number;
}

const SWEEP_EVERY_MS = 60_000;
const FULL_SWEEP_BACKOFF_MS = 1_000;

/**
 * An in-memory reveal ledger with TTL cleanup and a hard size bound.
 *
 * @example
 * ```ts
 * const ledger = new MemoryLedger({ maxEntries: 50_000 });
 * const grant = await redeemRevealToken(token, { keyring, waybillId, courierId, ledger });
 * ```
 */
export class MemoryLedger implements RevealLedger {
  /** Failure counters below their limit, in insertion order (evicted first). */
  readonly #open = new Map<string, Entry>();
  /** Failure counters at their limit: lockouts (evicted after every open counter). */
  readonly #locked = new Map<string, Entry>();
  /** Use counts and revocations: never evicted. */
  readonly #marks = new Map<string, Entry>();
  readonly #max: number;
  readonly #clock: () => number;
  #lastSweep: number;
  #lastFullSweep = Number.NEGATIVE_INFINITY;

  /**
   * @param options - size bound and clock
   * @throws WaybillShieldError `INVALID_INPUT` for a bad `maxEntries` or `clock`
   */
  constructor(options: MemoryLedgerOptions = {}) {
    // Read the options once, so a getter or proxy that throws becomes INVALID_INPUT.
    const opts = guard('INVALID_INPUT', 'MemoryLedger: options must be an object', () => {
      if (options === null || typeof options !== 'object') throw new WaybillShieldError('INVALID_INPUT', 'MemoryLedger: options must be an object');
      return { maxEntries: options.maxEntries, clock: options.clock };
    });
    const max = opts.maxEntries ?? MEMORY_LEDGER_DEFAULT_MAX_ENTRIES;
    checkCount(max, 'maxEntries');
    if (opts.clock !== undefined && typeof opts.clock !== 'function') {
      throw issueError('clock', 'type');
    }
    this.#max = max;
    this.#clock = opts.clock ?? Date.now;
    this.#lastSweep = this.#clock();
  }

  /** Number of live (unexpired) entries. */
  get size(): number {
    this.#sweep(this.#clock());
    return this.#count();
  }

  /** {@inheritDoc RevealLedger.acquire} */
  async acquire(waybillId: string, scope: FailureScope, maxFailures: number, windowMs: number): Promise<AcquireResult> {
    checkWaybillId(waybillId);
    checkScope(scope);
    checkCount(maxFailures, 'maxFailures');
    checkTtl(windowMs, 'windowMs');
    const now = this.#now();
    const key = `f:${scope}:${waybillId}`;
    const e = this.#failure(key, now);
    const n = e?.n ?? 0;
    if (n >= maxFailures) return 'locked';
    // The window starts at the first attempt and restarts when the limit is reached, so a
    // lockout always lasts a full window.
    const exp = e === undefined || n + 1 >= maxFailures ? now + windowMs : e.exp;
    this.#open.delete(key);
    this.#locked.delete(key);
    this.#insert(n + 1 >= maxFailures ? this.#locked : this.#open, key, { n: n + 1, exp }, now, e !== undefined);
    return 'ok';
  }

  /** {@inheritDoc RevealLedger.locked} */
  async locked(waybillId: string, scope: FailureScope, maxFailures: number): Promise<boolean> {
    checkWaybillId(waybillId);
    checkScope(scope);
    checkCount(maxFailures, 'maxFailures');
    return (this.#failure(`f:${scope}:${waybillId}`, this.#now())?.n ?? 0) >= maxFailures;
  }

  /** {@inheritDoc RevealLedger.release} */
  async release(waybillId: string, scope: FailureScope): Promise<void> {
    checkWaybillId(waybillId);
    checkScope(scope);
    const key = `f:${scope}:${waybillId}`;
    const e = this.#failure(key, this.#now());
    if (e === undefined) return;
    this.#locked.delete(key);
    this.#open.delete(key);
    // A refunded counter is below its limit again; it keeps its expiry.
    if (e.n > 1) this.#open.set(key, { n: e.n - 1, exp: e.exp });
  }

  /** {@inheritDoc RevealLedger.consume} */
  async consume(waybillId: string, tokenId: string, maxUses: number, ttlMs: number, opts?: ConsumeOptions): Promise<ConsumeResult> {
    checkWaybillId(waybillId);
    checkTokenId(tokenId);
    checkCount(maxUses, 'maxUses');
    checkTtl(ttlMs);
    const o = checkConsumeOptions(opts);
    const now = this.#now();
    if (o.lock !== undefined && (this.#failure(`f:${o.lock.scope}:${waybillId}`, now)?.n ?? 0) >= o.lock.maxFailures) return 'locked';
    if (o.revocable && (this.#mark(`rw:${waybillId}`, now) || this.#mark(`rt:${waybillId}:${tokenId}`, now))) return 'revoked';
    const key = `u:${waybillId}:${tokenId}`;
    const e = this.#mark(key, now);
    const n = e?.n ?? 0;
    if (n >= maxUses) return 'use-limit';
    if (e !== undefined) e.n = n + 1;
    else this.#insert(this.#marks, key, { n: 1, exp: now + ttlMs }, now, false);
    return 'ok';
  }

  /** {@inheritDoc RevealLedger.revokeToken} */
  async revokeToken(waybillId: string, tokenId: string, ttlMs: number): Promise<void> {
    checkWaybillId(waybillId);
    checkTokenId(tokenId);
    checkTtl(ttlMs);
    this.#revoke(`rt:${waybillId}:${tokenId}`, ttlMs);
  }

  /** {@inheritDoc RevealLedger.revokeWaybill} */
  async revokeWaybill(waybillId: string, ttlMs: number): Promise<void> {
    checkWaybillId(waybillId);
    checkTtl(ttlMs);
    this.#revoke(`rw:${waybillId}`, ttlMs);
  }

  /**
   * A memory ledger is never durable: a restart forgets every use count and revocation, and it
   * is not shared between processes. The result says so (`ok: false`).
   * @returns the deployment report
   * @example
   * ```ts
   * const { ok, warnings } = await new MemoryLedger().check(); // ok === false
   * ```
   */
  async check(): Promise<LedgerCheck> {
    return {
      persistent: false,
      replicas: 0,
      cluster: false,
      ok: false,
      warnings: ['in-memory ledger: use counts, lockouts and revocations last only as long as this process and are not shared; use RedisLedger with AOF persistence in production'],
    };
  }

  //#region internals

  #count(): number {
    return this.#open.size + this.#locked.size + this.#marks.size;
  }

  #now(): number {
    const now = this.#clock();
    if (now - this.#lastSweep >= SWEEP_EVERY_MS) this.#sweep(now);
    return now;
  }

  #live(map: Map<string, Entry>, key: string, now: number): Entry | undefined {
    const e = map.get(key);
    if (e !== undefined && e.exp <= now) {
      map.delete(key);
      return undefined;
    }
    return e;
  }

  #failure(key: string, now: number): Entry | undefined {
    return this.#live(this.#locked, key, now) ?? this.#live(this.#open, key, now);
  }

  #mark(key: string, now: number): Entry | undefined {
    return this.#live(this.#marks, key, now);
  }

  /**
   * Insert an entry, making room if the ledger is full. `replacing`: the key was just removed
   * from another map, so the count does not grow.
   */
  #insert(map: Map<string, Entry>, key: string, e: Entry, now: number, replacing: boolean): void {
    if (!replacing && this.#count() >= this.#max) this.#makeRoom(now, map !== this.#marks);
    map.set(key, e);
  }

  #makeRoom(now: number, forFailure: boolean): void {
    if (now - this.#lastFullSweep >= FULL_SWEEP_BACKOFF_MS) {
      this.#lastFullSweep = now;
      this.#sweep(now);
      if (this.#count() < this.#max) return;
    }
    for (const map of [this.#open, this.#locked]) {
      const oldest = map.keys().next();
      if (!oldest.done) {
        map.delete(oldest.value);
        return;
      }
    }
    // Full of use counts and revocations: neither may be forgotten.
    throw new WaybillShieldError('LEDGER_UNAVAILABLE', forFailure ? 'the memory ledger is full' : 'the memory ledger is full of use counts and revocations');
  }

  #revoke(key: string, ttlMs: number): void {
    const now = this.#now();
    const e = this.#mark(key, now);
    if (e !== undefined) e.exp = Math.max(e.exp, now + ttlMs);
    else this.#insert(this.#marks, key, { n: 1, exp: now + ttlMs }, now, false);
  }

  #sweep(now: number): void {
    this.#lastSweep = now;
    for (const map of [this.#open, this.#locked, this.#marks]) for (const [k, e] of map) if (e.exp <= now) map.delete(k);
  }

  //#endregion
}

let shared: MemoryLedger | undefined;

/**
 * The process-wide ledger used when a caller passes none.
 * @internal
 */
export function defaultLedger(): MemoryLedger {
  return (shared ??= new MemoryLedger());
}
