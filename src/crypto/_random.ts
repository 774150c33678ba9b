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

/**
 * `n` fresh random bytes. For nonces only (n ≤ 64): callers must not write to the result.
 */
export function freshBytes(n: number): Uint8Array {
  if (offset + n > pool.length) {
    // Replace, never refill in place: slices already handed out stay as they were.
    pool = randomBytes(Math.max(n, 24) * BATCH);
    offset = 0;
  }
  const out = pool.subarray(offset, offset + n);
  offset += n;
  return out;
}

/**
 * Copy `n` fresh random bytes into `dst` at `at`: {@link freshBytes} without a view object per
 * call, for the sealing loop.
 * @param dst - where the bytes go
 * @param at - offset in `dst`
 * @param n - how many (n ≤ 64)
 */
export function writeFreshBytes(dst: Uint8Array, at: number, n: number): void {
  if (offset + n > pool.length) {
    pool = randomBytes(Math.max(n, 24) * BATCH);
    offset = 0;
  }
  const p = pool;
  for (let i = 0; i < n; i++) dst[at + i] = p[offset + i]!;
  offset += n;
}
