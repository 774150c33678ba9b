/**
 * Reveal token tags: HMAC-SHA256 (RFC 2104) under the `reveal` purpose subkey, left-truncated to
 * 64 bits for the token. Bytes 8..24 of the same MAC, which never appear in the token, name the
 * token in the ledger, so a ledger reader learns nothing that helps to rebuild a token.
 * @module
 * @internal
 */
import { bytesToHex } from '@noble/hashes/utils.js';
import { ctEqual } from '../crypto/_primitives.js';
import { purposeMac, type Keyring } from '../keys/keyring.js';
import { TAG_BYTES, tagMessage, type TagInput } from './_format.js';

/**
 * Counters for tests and metrics: how many tag computations redemption has made. The brute-force
 * test reads it to show that locked attempts cost no MAC.
 * @internal
 */
export const _tagStats = { checks: 0 };

/** The full 32-byte MAC for a tag input, or undefined when the keyring lacks the key. */
export function tokenMac(keyring: Keyring, input: TagInput): Uint8Array | undefined {
  return purposeMac(keyring, 'reveal', input.keyId, tagMessage(input))?.mac;
}

/** The 8-byte tag that goes into a token. */
export function tagOf(mac: Uint8Array): Uint8Array {
  return mac.subarray(0, TAG_BYTES);
}

/** The ledger name of a token: MAC bytes 8..24 as hex (32 chars). */
export function tokenIdOf(mac: Uint8Array): string {
  return bytesToHex(mac.subarray(TAG_BYTES, TAG_BYTES + 16));
}

/**
 * Recompute and compare the tag in constant time. Returns the full MAC on a match.
 * @internal
 */
export function checkTag(keyring: Keyring, input: TagInput, tag: Uint8Array): Uint8Array | undefined {
  _tagStats.checks++;
  const mac = tokenMac(keyring, input);
  if (!mac) return undefined;
  return ctEqual(tagOf(mac), tag) ? mac : undefined;
}
