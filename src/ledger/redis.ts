/**
 * `RedisLedger`: the shared {@link RevealLedger} for several backend instances, on an ioredis
 * client (`Redis` or `Cluster`) the caller creates and owns. Entry `waybill-shield/redis`.
 *
 * - Every operation is one Lua script (EVALSHA, falling back to EVAL on NOSCRIPT), so each is
 *   atomic: 100 concurrent redemptions of a 1-use token across many connections give one success.
 * - Every key gets a TTL (PEXPIRE / SET PX); nothing is stored forever.
 * - Key names put the waybill id in a `{hash tag}`, so all keys of one waybill share a Redis
 *   Cluster slot and multi-key scripts work under Cluster:
 *   `<prefix>{<waybillId>}:f:<scope>`, `:u:<tokenId>`, `:rt:<tokenId>`, `:rw`.
 * - Any error or a timeout becomes `LEDGER_UNAVAILABLE`; redemption then fails closed.
 *
 * Create the client with `enableOfflineQueue: false` (commands fail at once while disconnected
 * instead of queueing) and a small `maxRetriesPerRequest`; `timeoutMs` bounds every call anyway.
 * @module
 */
import { sha1 } from '@noble/hashes/legacy.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';
import { WaybillShieldError } from '../errors.js';
import { checkCount, checkScope, checkTokenId, checkTtl, checkWaybillId } from './_args.js';
import type { AcquireResult, ConsumeResult, FailureScope, RevealLedger } from './types.js';

/** The subset of an ioredis `Redis` or `Cluster` client that the ledger uses. */
export interface RedisLedgerClient {
  evalsha(sha1: string, numkeys: number, ...args: (string | number)[]): Promise<unknown>;
  eval(script: string, numkeys: number, ...args: (string | number)[]): Promise<unknown>;
}

/** Options for {@link RedisLedger}. */
export interface RedisLedgerOptions {
  /** An ioredis `Redis` or `Cluster` instance; the ledger never connects or quits it. */
  client: RedisLedgerClient;
  /** Key prefix (default `wsl:`). Letters, digits and `:_.-`, at most 32 characters. */
  prefix?: string;
  /** Per-call timeout in ms (default 2000); a slower call is `LEDGER_UNAVAILABLE`. */
  timeoutMs?: number;
}

interface Script {
  readonly src: string;
  readonly sha: string;
}

function script(src: string): Script {
  return { src, sha: bytesToHex(sha1(utf8ToBytes(src))) };
}

// KEYS[1] failure counter; ARGV[1] max failures, ARGV[2] window ms. Returns 1 (ok) or 0 (locked).
const ACQUIRE = script(`
local max = tonumber(ARGV[1])
local n = tonumber(redis.call('GET', KEYS[1]) or '0')
if n >= max then return 0 end
n = redis.call('INCR', KEYS[1])
if n == 1 or n >= max or redis.call('PTTL', KEYS[1]) < 0 then redis.call('PEXPIRE', KEYS[1], ARGV[2]) end
return 1
`);

// KEYS[1] failure counter. Refund one attempt, never below zero.
const RELEASE = script(`
local n = tonumber(redis.call('GET', KEYS[1]) or '0')
if n <= 1 then redis.call('DEL', KEYS[1]) else redis.call('DECR', KEYS[1]) end
return 1
`);

// KEYS: reveal failure counter, waybill revocation, token revocation, use counter.
// ARGV: max uses, use-counter TTL ms.
const CONSUME = script(`
local f = tonumber(redis.call('GET', KEYS[1]) or '0')
if f <= 1 then redis.call('DEL', KEYS[1]) else redis.call('DECR', KEYS[1]) end
if redis.call('EXISTS', KEYS[2]) == 1 or redis.call('EXISTS', KEYS[3]) == 1 then return 'revoked' end
local u = tonumber(redis.call('GET', KEYS[4]) or '0')
if u >= tonumber(ARGV[1]) then return 'use-limit' end
u = redis.call('INCR', KEYS[4])
if u == 1 or redis.call('PTTL', KEYS[4]) < 0 then redis.call('PEXPIRE', KEYS[4], ARGV[2]) end
return 'ok'
`);

// KEYS[1] revocation marker; ARGV[1] TTL ms. Never shortens an existing revocation.
const REVOKE = script(`
if redis.call('PTTL', KEYS[1]) < tonumber(ARGV[1]) then redis.call('SET', KEYS[1], '1', 'PX', ARGV[1]) end
return 1
`);

const PREFIX_RE = /^[A-Za-z0-9:_.-]{0,32}$/;

function unavailable(): WaybillShieldError {
  return new WaybillShieldError('LEDGER_UNAVAILABLE', 'the Redis ledger could not be reached');
}

function isNoScript(e: unknown): boolean {
  return e instanceof Error && e.message.startsWith('NOSCRIPT');
}

/**
 * A reveal ledger in Redis.
 *
 * @example
 * ```ts
 * import Redis from 'ioredis';
 * import { RedisLedger } from 'waybill-shield/redis';
 * const ledger = new RedisLedger({ client: new Redis(process.env.REDIS_URL, { enableOfflineQueue: false, maxRetriesPerRequest: 1 }) });
 * const grant = await redeemRevealToken(token, { keyring, waybillId, courierId, assignment, ledger });
 * ```
 */
export class RedisLedger implements RevealLedger {
  readonly #client: RedisLedgerClient;
  readonly #prefix: string;
  readonly #timeoutMs: number;

  /**
   * @param opts - the client, key prefix and timeout
   * @throws WaybillShieldError `INVALID_INPUT` for a missing client, a bad prefix or timeout
   */
  constructor(opts: RedisLedgerOptions) {
    const c = opts?.client as unknown as Record<string, unknown> | undefined;
    if (typeof c !== 'object' || c === null || typeof c.evalsha !== 'function' || typeof c.eval !== 'function') {
      throw new WaybillShieldError('INVALID_INPUT', undefined, { issues: [{ path: 'client', rule: 'type' }] });
    }
    const prefix = opts.prefix ?? 'wsl:';
    if (typeof prefix !== 'string' || !PREFIX_RE.test(prefix)) throw new WaybillShieldError('INVALID_INPUT', undefined, { issues: [{ path: 'prefix', rule: 'format' }] });
    const timeoutMs = opts.timeoutMs ?? 2_000;
    checkTtl(timeoutMs, 'timeoutMs');
    this.#client = opts.client;
    this.#prefix = prefix;
    this.#timeoutMs = timeoutMs;
  }

  /** {@inheritDoc RevealLedger.acquire} */
  async acquire(waybillId: string, scope: FailureScope, maxFailures: number, windowMs: number): Promise<AcquireResult> {
    checkWaybillId(waybillId);
    checkScope(scope);
    checkCount(maxFailures, 'maxFailures');
    checkTtl(windowMs, 'windowMs');
    const r = await this.#run(ACQUIRE, [this.#key(waybillId, `f:${scope}`)], [maxFailures, windowMs]);
    if (r === 1) return 'ok';
    if (r === 0) return 'locked';
    throw unavailable();
  }

  /** {@inheritDoc RevealLedger.release} */
  async release(waybillId: string, scope: FailureScope): Promise<void> {
    checkWaybillId(waybillId);
    checkScope(scope);
    await this.#run(RELEASE, [this.#key(waybillId, `f:${scope}`)], []);
  }

  /** {@inheritDoc RevealLedger.consume} */
  async consume(waybillId: string, tokenId: string, maxUses: number, ttlMs: number): Promise<ConsumeResult> {
    checkWaybillId(waybillId);
    checkTokenId(tokenId);
    checkCount(maxUses, 'maxUses');
    checkTtl(ttlMs);
    const keys = [this.#key(waybillId, 'f:reveal'), this.#key(waybillId, 'rw'), this.#key(waybillId, `rt:${tokenId}`), this.#key(waybillId, `u:${tokenId}`)];
    const r = await this.#run(CONSUME, keys, [maxUses, ttlMs]);
    if (r === 'ok' || r === 'use-limit' || r === 'revoked') return r;
    throw unavailable();
  }

  /** {@inheritDoc RevealLedger.revokeToken} */
  async revokeToken(waybillId: string, tokenId: string, ttlMs: number): Promise<void> {
    checkWaybillId(waybillId);
    checkTokenId(tokenId);
    checkTtl(ttlMs);
    await this.#run(REVOKE, [this.#key(waybillId, `rt:${tokenId}`)], [ttlMs]);
  }

  /** {@inheritDoc RevealLedger.revokeWaybill} */
  async revokeWaybill(waybillId: string, ttlMs: number): Promise<void> {
    checkWaybillId(waybillId);
    checkTtl(ttlMs);
    await this.#run(REVOKE, [this.#key(waybillId, 'rw')], [ttlMs]);
  }

  #key(waybillId: string, suffix: string): string {
    // The braces make the waybill id the hash tag: one Cluster slot per waybill.
    return `${this.#prefix}{${waybillId}}:${suffix}`;
  }

  async #run(s: Script, keys: string[], args: (string | number)[]): Promise<unknown> {
    const client = this.#client;
    const call = async (): Promise<unknown> => {
      try {
        return await client.evalsha(s.sha, keys.length, ...keys, ...args);
      } catch (e) {
        if (!isNoScript(e)) throw e;
        return await client.eval(s.src, keys.length, ...keys, ...args);
      }
    };
    let timer: ReturnType<typeof setTimeout> | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(unavailable()), this.#timeoutMs);
    });
    try {
      return await Promise.race([call(), timeout]);
    } catch {
      throw unavailable();
    } finally {
      clearTimeout(timer);
    }
  }
}
