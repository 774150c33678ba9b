/**
 * Nonces from the platform CSPRNG (`crypto.getRandomValues` through noble's `randomBytes`),
 * drawn in batches. One `getRandomValues` call costs about as much as a short XChaCha20-Poly1305
 * encryption, so sealing eight fields per waybill one call at a time would double the crypto
 * cost. Each batch is a fresh buffer that is never written again: every nonce handed out is a
 * distinct, never-reused slice.
 * @module
 * @internal
 */
import { randomBytes } from '@noble/hashes/utils.js';

const BATCH = 128;
let pool = /* @__PURE__ */ new Uint8Array(0);
let offset = 0;

/** Where the next `n` unused bytes of the pool start; draws a new pool when too few are left. */
function reserve(n: number): number {
  if (offset + n > pool.length) {
    // Replace, never refill in place: slices already handed out stay as they were.
    pool = randomBytes(Math.max(n, 24) * BATCH);
    offset = 0;
  }
  const at = offset;
  offset += n;
  return at;
}

/**
 * `n` fresh random bytes. For nonces only (n ≤ 64): callers must not write to the result.
 */
export function freshBytes(n: number): Uint8Array {
  const at = reserve(n);
  return pool.subarray(at, at + n);
}

/**
 * Copy `n` fresh random bytes into `dst` at `to`: {@link freshBytes} without a view object per
 * call, for the sealing loop.
 * @param dst - where the bytes go
 * @param to - offset in `dst`
 * @param n - how many (n ≤ 64)
 */
export function writeFreshBytes(dst: Uint8Array, to: number, n: number): void {
  const at = reserve(n);
  const p = pool;
  for (let i = 0; i < n; i++) dst[to + i] = p[at + i]!;
}
