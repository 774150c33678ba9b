/**
 * `MemoryLedger`: the embedded, single-process {@link RevealLedger}. Every entry carries an
 * expiry; expired entries are dropped when read and by a sweep that runs at most once a minute
 * (and when the ledger is full). Memory is bounded by `maxEntries`: when the ledger is full of
 * live entries it fails closed with `LEDGER_UNAVAILABLE` rather than forget a use count or a
 * lockout, since forgetting either would let a token be replayed or a PIN be guessed further.
 *
 * Use it for one process, tests and courier-app simulators. Several backend instances need a
 * shared ledger: `RedisLedger` from `waybill-shield/redis`.
 * @module
 */
import { guard, WaybillShieldError } from '../errors.js';
import { checkCount, checkScope, checkTokenId, checkTtl, checkWaybillId } from './_args.js';
import type { AcquireResult, ConsumeResult, FailureScope, RevealLedger } from './types.js';

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
  readonly #entries = new Map<string, Entry>();
  readonly #max: number;
  readonly #clock: () => number;
  #lastSweep: number;
  #lastFullSweep = Number.NEGATIVE_INFINITY;

  /**
   * @param opts - size bound and clock
   * @throws WaybillShieldError `INVALID_INPUT` for a bad `maxEntries` or `clock`
   */
  constructor(options: MemoryLedgerOptions = {}) {
    // Read the options once, so a getter or proxy that throws becomes INVALID_INPUT.
    const opts = guard('INVALID_INPUT', 'MemoryLedger: options must be an object', () => {
      if (options === null || typeof options !== 'object') throw new WaybillShieldError('INVALID_INPUT', 'MemoryLedger: options must be an object');
      return { maxEntries: options.maxEntries, clock: options.clock };
    });
    const max = opts.maxEntries ?? 100_000;
    checkCount(max, 'maxEntries');
    if (opts.clock !== undefined && typeof opts.clock !== 'function') {
      throw new WaybillShieldError('INVALID_INPUT', undefined, { issues: [{ path: 'clock', rule: 'type' }] });
    }
    this.#max = max;
    this.#clock = opts.clock ?? Date.now;
    this.#lastSweep = this.#clock();
  }

  /** Number of live (unexpired) entries. */
  get size(): number {
    this.#sweep(this.#clock());
    return this.#entries.size;
  }

  /** {@inheritDoc RevealLedger.acquire} */
  async acquire(waybillId: string, scope: FailureScope, maxFailures: number, windowMs: number): Promise<AcquireResult> {
    checkWaybillId(waybillId);
    checkScope(scope);
    checkCount(maxFailures, 'maxFailures');
    checkTtl(windowMs, 'windowMs');
    const now = this.#now();
    const key = `f:${scope}:${waybillId}`;
    const e = this.#get(key, now);
    const n = e?.n ?? 0;
    if (n >= maxFailures) return 'locked';
    // The window starts at the first attempt and restarts when the limit is reached, so a
    // lockout always lasts a full window.
    const exp = e === undefined || n + 1 >= maxFailures ? now + windowMs : e.exp;
    this.#set(key, n + 1, exp, now);
    return 'ok';
  }

  /** {@inheritDoc RevealLedger.release} */
  async release(waybillId: string, scope: FailureScope): Promise<void> {
    checkWaybillId(waybillId);
    checkScope(scope);
    this.#refund(`f:${scope}:${waybillId}`, this.#now());
  }

  /** {@inheritDoc RevealLedger.consume} */
  async consume(waybillId: string, tokenId: string, maxUses: number, ttlMs: number): Promise<ConsumeResult> {
    checkWaybillId(waybillId);
    checkTokenId(tokenId);
    checkCount(maxUses, 'maxUses');
    checkTtl(ttlMs);
    const now = this.#now();
    this.#refund(`f:reveal:${waybillId}`, now);
    if (this.#get(`rw:${waybillId}`, now) || this.#get(`rt:${waybillId}:${tokenId}`, now)) return 'revoked';
    const key = `u:${waybillId}:${tokenId}`;
    const e = this.#get(key, now);
    const n = e?.n ?? 0;
    if (n >= maxUses) return 'use-limit';
    this.#set(key, n + 1, e?.exp ?? now + ttlMs, now);
    return 'ok';
  }

  /** {@inheritDoc RevealLedger.revokeToken} */
  async revokeToken(waybillId: string, tokenId: string, ttlMs: number): Promise<void> {
    checkWaybillId(waybillId);
    checkTokenId(tokenId);
    checkTtl(ttlMs);
    this.#mark(`rt:${waybillId}:${tokenId}`, ttlMs);
  }

  /** {@inheritDoc RevealLedger.revokeWaybill} */
  async revokeWaybill(waybillId: string, ttlMs: number): Promise<void> {
    checkWaybillId(waybillId);
    checkTtl(ttlMs);
    this.#mark(`rw:${waybillId}`, ttlMs);
  }

  //#region internals

  #now(): number {
    const now = this.#clock();
    if (now - this.#lastSweep >= SWEEP_EVERY_MS) this.#sweep(now);
    return now;
  }

  #get(key: string, now: number): Entry | undefined {
    const e = this.#entries.get(key);
    if (e !== undefined && e.exp <= now) {
      this.#entries.delete(key);
      return undefined;
    }
    return e;
  }

  #set(key: string, n: number, exp: number, now: number): void {
    const e = this.#entries.get(key);
    if (e !== undefined) {
      e.n = n;
      e.exp = exp;
      return;
    }
    if (this.#entries.size >= this.#max && now - this.#lastFullSweep >= FULL_SWEEP_BACKOFF_MS) {
      this.#lastFullSweep = now;
      this.#sweep(now);
    }
    if (this.#entries.size >= this.#max) throw new WaybillShieldError('LEDGER_UNAVAILABLE', 'the memory ledger is full');
    this.#entries.set(key, { n, exp });
  }

  #refund(key: string, now: number): void {
    const e = this.#get(key, now);
    if (e === undefined) return;
    if (e.n <= 1) this.#entries.delete(key);
    else e.n -= 1;
  }

  #mark(key: string, ttlMs: number): void {
    const now = this.#now();
    const e = this.#get(key, now);
    this.#set(key, 1, Math.max(e?.exp ?? 0, now + ttlMs), now);
  }

  #sweep(now: number): void {
    this.#lastSweep = now;
    for (const [k, e] of this.#entries) if (e.exp <= now) this.#entries.delete(k);
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
