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
const SALT = /* @__PURE__ */ utf8ToBytes('waybill-shield/hkdf-salt/v1');

const INFO: Record<KeyPurpose, Uint8Array> = {
  seal: utf8ToBytes('waybill-shield/v1/seal'),
  index: utf8ToBytes('waybill-shield/v1/index'),
  reveal: utf8ToBytes('waybill-shield/v1/reveal'),
  caller: utf8ToBytes('waybill-shield/v1/caller'),
  pin: utf8ToBytes('waybill-shield/v1/pin'),
  audit: utf8ToBytes('waybill-shield/v1/audit'),
};

/** Purposes that also have a key per retention epoch. */
export type EpochPurpose = 'seal' | 'index';

const EPOCH_INFO: Record<EpochPurpose, string> = {
  seal: 'waybill-shield/v2/epoch-seal',
  index: 'waybill-shield/v2/epoch-index',
};

/** All purposes, in a stable order. */
export const KEY_PURPOSES: readonly KeyPurpose[] = /* @__PURE__ */ Object.freeze(/* @__PURE__ */ Object.keys(INFO) as KeyPurpose[]);

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

/**
 * Derive the 32-byte key of one root key for one retention epoch: HKDF-SHA256 with the epoch's
 * random secret as input keying material, the root key's purpose subkey as salt, and an `info`
 * naming the purpose, the key id and the epoch. Opening needs both secrets: destroying the epoch
 * secret destroys the key even for someone holding the root key.
 *
 * @param purposeKey - the root key's subkey for `purpose`
 * @param epochSecret - the epoch's 32 random bytes
 * @param purpose - `seal` or `index`
 * @param keyId - the root key's id
 * @param epoch - the epoch id (`YYYY-MM`)
 * @returns a fresh 32-byte key
 */
export function deriveEpochKey(purposeKey: Uint8Array, epochSecret: Uint8Array, purpose: EpochPurpose, keyId: number, epoch: string): Uint8Array {
  return hkdfSha256(epochSecret, purposeKey, utf8ToBytes(`${EPOCH_INFO[purpose]}/k${keyId}/${epoch}`), 32);
}
