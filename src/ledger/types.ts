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
export type ConsumeResult = 'ok' | 'use-limit' | 'revoked' | 'locked';

/** Options of {@link RevealLedger.consume}. */
export interface ConsumeOptions {
  /**
   * Lockout check: when the waybill's `scope` failure counter holds `maxFailures` or more, the
   * result is `locked` and no use is taken. Without it, no lockout is checked.
   */
  lock?: { scope: FailureScope; maxFailures: number };
  /** Whether token and waybill revocations apply (default true; delivery PINs pass false). */
  revocable?: boolean;
}

/** What {@link RevealLedger.check} reports about the deployment behind a ledger. */
export interface LedgerCheck {
  /**
   * Whether a used token stays used across a restart: Redis AOF on every master (`appendonly
   * yes` with `appendfsync always` or `everysec`). `null` when it cannot be read (a managed Redis
   * that forbids `CONFIG` and hides `INFO persistence`). Always false for `MemoryLedger`.
   */
  persistent: boolean | null;
  /** Fewest connected replicas of any master; `null` when unknown. */
  replicas: number | null;
  /** Whether the ledger runs on a Redis Cluster. */
  cluster: boolean;
  /** Whether the deployment meets the documented durability requirement (see SECURITY.md). */
  ok: boolean;
  /** One line per shortfall, for an operator; no key names, hosts or values. */
  warnings: string[];
}

/**
 * Storage for use counts, lockouts and revocations.
 *
 * Lockout protocol (only guesses count): callers check a token's shape and tag first. A
 * well-formed token whose tag fails is a guess: `acquire` counts it, or answers `locked` once
 * `maxFailures` guesses were counted in the window. An authentic token goes to `consume` with
 * a `lock` option, which refuses it while the waybill is locked (so a correct guess made after
 * the lock gains nothing) and otherwise takes one use, without counting anything. Malformed
 * input and authentic tokens refused for other reasons never touch a failure counter.
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
   * Count one failed attempt against the waybill's `scope` counter, unless it already holds
   * `maxFailures` or more, in which case nothing changes and the result is `locked`.
   * The counter's TTL (`windowMs`) starts at its first attempt and restarts when it reaches the
   * limit, so a lockout lasts a full window.
   */
  acquire(waybillId: string, scope: FailureScope, maxFailures: number, windowMs: number): Promise<AcquireResult>;
  /**
   * Whether the waybill's `scope` counter holds `maxFailures` or more attempts, without counting
   * anything: for a check that must refuse a correct answer while locked but count only wrong
   * ones (`callerCheck`). Optional for custom ledgers; without it `callerCheck` counts the
   * attempt and refunds it.
   */
  locked?(waybillId: string, scope: FailureScope, maxFailures: number): Promise<boolean>;
  /** Refund one attempt of `scope`. Never goes below zero. */
  release(waybillId: string, scope: FailureScope): Promise<void>;
  /**
   * Take one use of the token unless the waybill is locked (`locked`, with `opts.lock`), the
   * token or the waybill is revoked (`revoked`), or `maxUses` uses were already taken
   * (`use-limit`). The use counter lives `ttlMs` from its first use.
   */
  consume(waybillId: string, tokenId: string, maxUses: number, ttlMs: number, opts?: ConsumeOptions): Promise<ConsumeResult>;
  /** Revoke one token for `ttlMs`. */
  revokeToken(waybillId: string, tokenId: string, ttlMs: number): Promise<void>;
  /** Revoke every token of a waybill for `ttlMs`. */
  revokeWaybill(waybillId: string, ttlMs: number): Promise<void>;
  /** Report durability and replication of the deployment (optional for custom ledgers). */
  check?(): Promise<LedgerCheck>;
}
