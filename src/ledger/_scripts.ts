/**
 * The Lua scripts of `RedisLedger`, one atomic step each. Every script that counts an attempt or
 * takes a use starts with the deadline check: ARGV[1] is a deadline in epoch ms (the caller's
 * clock plus its timeout), and past it by Redis's own `TIME` the script changes nothing and
 * returns `late`, so a command that waited out a stall in a socket buffer is a no-op.
 * @module
 * @internal
 */
import { sha1 } from '@noble/hashes/legacy.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';

/** A Lua script and its SHA-1 (for EVALSHA). */
export interface Script {
  readonly src: string;
  readonly sha: string;
}

function script(src: string): Script {
  return { src, sha: bytesToHex(sha1(utf8ToBytes(src))) };
}

// ARGV[1] is a deadline in epoch ms: past it (by Redis's clock) the script changes nothing.
const LATE = `
local t = redis.call('TIME')
if tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000) > tonumber(ARGV[1]) then return 'late' end
`;

// KEYS[1] failure counter; ARGV[2] max failures, ARGV[3] window ms. Returns 1 (counted) or 0 (locked).
export const ACQUIRE = script(`${LATE}
local max = tonumber(ARGV[2])
local n = tonumber(redis.call('GET', KEYS[1]) or '0')
if n >= max then return 0 end
n = redis.call('INCR', KEYS[1])
if n == 1 or n >= max or redis.call('PTTL', KEYS[1]) < 0 then redis.call('PEXPIRE', KEYS[1], ARGV[3]) end
return 1
`);

// KEYS[1] failure counter; ARGV[1] max failures. Returns 1 (locked) or 0, changing nothing.
export const LOCKED = script(`
if tonumber(redis.call('GET', KEYS[1]) or '0') >= tonumber(ARGV[1]) then return 1 end
return 0
`);

// KEYS[1] failure counter. Refund one attempt, never below zero. No deadline: a refund only
// follows an attempt that was counted in time, and a late refund still undoes that count.
export const RELEASE = script(`
local n = tonumber(redis.call('GET', KEYS[1]) or '0')
if n <= 1 then redis.call('DEL', KEYS[1]) else redis.call('DECR', KEYS[1]) end
return 1
`);

// KEYS: failure counter for the lock check, waybill revocation, token revocation, use counter.
// ARGV: deadline, max uses, use-counter TTL ms, max failures (0: no lock check), revocable (1/0).
export const CONSUME = script(`${LATE}
local mf = tonumber(ARGV[4])
if mf > 0 and tonumber(redis.call('GET', KEYS[1]) or '0') >= mf then return 'locked' end
if ARGV[5] == '1' and (redis.call('EXISTS', KEYS[2]) == 1 or redis.call('EXISTS', KEYS[3]) == 1) then return 'revoked' end
local u = tonumber(redis.call('GET', KEYS[4]) or '0')
if u >= tonumber(ARGV[2]) then return 'use-limit' end
u = redis.call('INCR', KEYS[4])
if u == 1 or redis.call('PTTL', KEYS[4]) < 0 then redis.call('PEXPIRE', KEYS[4], ARGV[3]) end
return 'ok'
`);

// KEYS[1] use counter. Give back one use (a use whose replication was not confirmed).
export const UNCONSUME = script(`
local u = tonumber(redis.call('GET', KEYS[1]) or '0')
if u <= 1 then redis.call('DEL', KEYS[1]) elseif u > 1 then redis.call('DECR', KEYS[1]) end
return 1
`);

// KEYS[1] revocation marker; ARGV[1] TTL ms. Never shortens an existing revocation. No deadline.
export const REVOKE = script(`
if redis.call('PTTL', KEYS[1]) < tonumber(ARGV[1]) then redis.call('SET', KEYS[1], '1', 'PX', ARGV[1]) end
return 1
`);

