/**
 * Keyed HMAC-SHA256 for the hot paths (blind indexes, token tags): a key is set up once, then
 * each call MACs the concatenation of its parts.
 *
 * Everywhere the implementation is @noble/hashes: the keyed inner and outer states are computed
 * once per key and cloned per call, so the key-padding compressions stay out of the hot path. The
 * Node entries install node:crypto's `createHmac` instead (`installNodeAead` in `_aead-node.ts`),
 * after checking on a known input that it gives noble's bytes; HMAC is deterministic, so the two
 * agree on every input (a property test checks it).
 * @module
 * @internal
 */
import { hmac } from '@noble/hashes/hmac.js';
import { sha256 } from '@noble/hashes/sha2.js';

/** HMAC-SHA256 of the concatenated parts under one fixed key: the full 32-byte tag. @internal */
export type KeyedMac = (...parts: Uint8Array[]) => Uint8Array;

/** Makes a {@link KeyedMac} for a 32-byte key. @internal */
export type KeyedMacFactory = (key: Uint8Array) => KeyedMac;

/** The portable factory: a pre-keyed noble state, cloned per call. @internal */
export const nobleKeyedMac: KeyedMacFactory = (key) => {
  const base = hmac.create(sha256, key);
  return (...parts) => {
    const h = base.clone();
    for (const p of parts) h.update(p);
    return h.digest();
  };
};

/**
 * The factory keyrings use for new keyed MACs (a live binding): noble until a Node entry installs
 * node:crypto's.
 * @internal
 */
export let keyedMac: KeyedMacFactory = nobleKeyedMac;

/**
 * Replace the factory for this process: for the Node entries, and for tests and benchmarks that
 * compare the two. MACs already made keep their implementation.
 * @param factory - a factory whose MACs equal {@link nobleKeyedMac}'s for every key and input
 * @returns the factory that was in use
 * @internal
 */
export function useKeyedMac(factory: KeyedMacFactory): KeyedMacFactory {
  const was = keyedMac;
  keyedMac = factory;
  return was;
}

/**
 * True when `candidate` gives noble's tags on a few fixed keys and messages, split into parts in
 * several ways.
 * @internal
 */
export function agreesWithNobleMac(candidate: KeyedMacFactory): boolean {
  try {
    for (let k = 0; k < 3; k++) {
      const key = new Uint8Array(32).map((_, i) => (i * 29 + k * 101 + 3) & 0xff);
      const want = nobleKeyedMac(key);
      const got = candidate(key);
      for (let n = 0; n <= 130; n += 13) {
        const msg = new Uint8Array(n).map((_, i) => (i * 7 + n) & 0xff);
        const a = want(msg.subarray(0, n >> 1), msg.subarray(n >> 1));
        const b = got(msg.subarray(0, n >> 2), msg.subarray(n >> 2));
        if (a.length !== 32 || b.length !== 32 || a.some((x, i) => x !== b[i])) return false;
      }
    }
    return true;
  } catch {
    return false;
  }
}
