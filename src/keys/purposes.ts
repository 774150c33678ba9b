/**
 * Purpose subkeys: HKDF-SHA256 (RFC 5869) from each root key, one distinct `info` label per
 * purpose, so no derived key ever serves two purposes.
 * @module
 * @internal
 */
import { utf8ToBytes } from '@noble/hashes/utils.js';
import { hkdfSha256 } from '../crypto/_primitives.js';

/** Every purpose a subkey can be derived for. */
export type KeyPurpose = 'seal' | 'index' | 'reveal' | 'caller' | 'pin' | 'audit';

/** The HKDF salt: fixed and public, it only separates this library's derivations from others. */
const SALT = utf8ToBytes('waybill-shield/hkdf-salt/v1');

const INFO: Record<KeyPurpose, Uint8Array> = {
  seal: utf8ToBytes('waybill-shield/v1/seal'),
  index: utf8ToBytes('waybill-shield/v1/index'),
  reveal: utf8ToBytes('waybill-shield/v1/reveal'),
  caller: utf8ToBytes('waybill-shield/v1/caller'),
  pin: utf8ToBytes('waybill-shield/v1/pin'),
  audit: utf8ToBytes('waybill-shield/v1/audit'),
};

/** All purposes, in a stable order. */
export const KEY_PURPOSES: readonly KeyPurpose[] = Object.freeze(Object.keys(INFO) as KeyPurpose[]);

/**
 * Derive the 32-byte subkey for `purpose` from a 32-byte root key.
 *
 * @param root - the root key
 * @param purpose - which purpose label to use
 * @returns a fresh 32-byte subkey
 */
export function deriveSubkey(root: Uint8Array, purpose: KeyPurpose): Uint8Array {
  return hkdfSha256(root, SALT, INFO[purpose], 32);
}
