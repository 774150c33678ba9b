/**
 * Blind indexes: keyed HMAC-SHA256 of a normalised value under the keyring's `index` subkey,
 * truncated to {@link PHONE_INDEX_BITS} bits and prefixed with the key id (`k1.3fa09c21`).
 *
 * Never a plain hash: without the key, an index says nothing about the phone, and the phone
 * space (about 10^9 numbers) is too small for an unkeyed hash to hide anything. Truncation to
 * 32 bits makes each index value shared by many possible numbers, while a lookup among a
 * courier's tens of millions of recipients still returns few false matches (filtered by unsealing).
 * @module
 */
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';
import { guard, WaybillShieldError } from '../errors.js';
import { assertKeyring, purposeMac, type Keyring } from '../keys/keyring.js';
import { normalizePhone, type NormalizePhoneOptions } from '../mask/phone.js';

/** Bits kept from the HMAC for a phone index. */
export const PHONE_INDEX_BITS = 32;

const PHONE_DOMAIN = utf8ToBytes('phone\u0000');

/** Index of an already-normalised E.164 phone under one key. @internal */
export function phoneIndexOfE164(keyring: Keyring, e164: string, keyId?: number): string {
  const r = purposeMac(keyring, 'index', keyId, PHONE_DOMAIN, utf8ToBytes(e164));
  if (!r) throw new WaybillShieldError('INVALID_KEYRING', 'unknown key id');
  return `k${r.id}.${bytesToHex(r.mac.subarray(0, PHONE_INDEX_BITS / 8))}`;
}

/** Options for {@link phoneIndex}. */
export interface PhoneIndexOptions extends NormalizePhoneOptions {
  keyring: Keyring;
  /** Compute under this key id instead of the primary (for searches across a rotation). */
  keyId?: number;
}

/**
 * The blind index of a phone number, for searching protected records by phone.
 * Every format of the same number gives the same index.
 *
 * @param phone - a phone number in any common format
 * @param opts - the keyring, and optionally a key id
 * @returns `k<keyId>.<8 hex digits>`
 * @throws WaybillShieldError `INVALID_PHONE`, or `INVALID_KEYRING` for an unknown key id
 * @example
 * ```ts
 * db.find({ 'index.recipient.phone': phoneIndex('0901 234 567', { keyring }) })
 * ```
 */
export function phoneIndex(phone: string, opts: PhoneIndexOptions): string {
  return guard('INVALID_INPUT', 'phoneIndex: arguments are not a phone and options', () => {
    assertKeyring(opts?.keyring);
    return phoneIndexOfE164(opts.keyring, normalizePhone(phone, opts).e164, opts.keyId);
  });
}

/**
 * The blind index of a phone under every key of the keyring, primary first. Use it to search
 * while records are being resealed after a rotation.
 *
 * @param phone - a phone number in any common format
 * @param opts - the keyring
 * @returns one index per key id
 * @throws WaybillShieldError `INVALID_PHONE` or `INVALID_KEYRING`
 * @example
 * ```ts
 * db.find({ 'index.recipient.phone': { $in: phoneIndexes(phone, { keyring }) } })
 * ```
 */
export function phoneIndexes(phone: string, opts: Omit<PhoneIndexOptions, 'keyId'>): string[] {
  return guard('INVALID_INPUT', 'phoneIndexes: arguments are not a phone and options', () => {
    assertKeyring(opts?.keyring);
    const e164 = normalizePhone(phone, opts).e164;
    const { keyring } = opts;
    return [keyring.primary, ...keyring.keyIds.filter((id) => id !== keyring.primary).reverse()].map((id) => phoneIndexOfE164(keyring, e164, id));
  });
}
