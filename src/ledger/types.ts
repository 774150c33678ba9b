/**
 * The reveal ledger contract: the only shared state of waybill-shield. It holds per-token use
 * counts, per-waybill failed-attempt counters (reveal tokens and delivery PINs) and revocations.
 * Every entry has a time to live, so a ledger never grows without bound.
 *
 * Implementations must make each method atomic with respect to the others: `MemoryLedger` by
 * being single-threaded, `RedisLedger` with Lua scripts over keys of one hash slot.
 * @module
 */

/** Which failure counter: reveal-token redemption, delivery-PIN verification, or the recipient's caller check. */
export type FailureScope = 'reveal' | 'pin' | 'caller';

/** Result of {@link RevealLedger.acquire}. */
export type AcquireResult = 'ok' | 'locked';

/** Result of {@link RevealLedger.consume}. */
export type ConsumeResult = 'ok' | 'use-limit' | 'revoked';

/**
 * Storage for use counts, lockouts and revocations.
 *
 * Lockout protocol: before any tag or PIN check, callers `acquire` an attempt. That counts it as
 * a failure at once, so concurrent guesses cannot exceed the limit between check and count.
 * An attempt that turns out authentic is refunded by `release` (or by `consume`, which refunds
 * the `reveal` attempt in the same atomic step).
 *
 * Errors: any method may reject; callers map a rejection to `LEDGER_UNAVAILABLE` and fail closed.
 *
 * @example
 * ```ts
 * const ledger: RevealLedger = new MemoryLedger();
 * if ((await ledger.acquire('GHN1', 'reveal', 5, 3_600_000)) === 'locked') deny();
 * ```
 */
export interface RevealLedger {
  /**
   * Count one attempt against the waybill's `scope` counter, unless it already holds
   * `maxFailures` or more, in which case nothing changes and the result is `locked`.
   * The counter's TTL (`windowMs`) starts at its first attempt and restarts when it reaches the
   * limit, so a lockout lasts a full window.
   */
  acquire(waybillId: string, scope: FailureScope, maxFailures: number, windowMs: number): Promise<AcquireResult>;
  /** Refund one attempt of `scope` (the attempt was authentic). Never goes below zero. */
  release(waybillId: string, scope: FailureScope): Promise<void>;
  /**
   * Refund one `reveal` attempt, then take one use of the token unless the token or the waybill
   * is revoked (`revoked`) or `maxUses` uses were already taken (`use-limit`). The use counter
   * lives `ttlMs` from its first use.
   */
  consume(waybillId: string, tokenId: string, maxUses: number, ttlMs: number): Promise<ConsumeResult>;
  /** Revoke one token for `ttlMs`. */
  revokeToken(waybillId: string, tokenId: string, ttlMs: number): Promise<void>;
  /** Revoke every token of a waybill for `ttlMs`. */
  revokeWaybill(waybillId: string, ttlMs: number): Promise<void>;
}
