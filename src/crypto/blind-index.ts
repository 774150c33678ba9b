/**
 * Blind indexes: keyed HMAC-SHA256 of a normalised value, truncated to {@link PHONE_INDEX_BITS}
 * bits and prefixed with the key id and the retention epoch (`k1.2026-03.3fa09c21`).
 *
 * The key is the root key's per-epoch `index` key (HKDF over the epoch's random secret): once an
 * epoch is shredded, nobody can recompute its index values, so they no longer link the records
 * of one phone. A keyring without retention epochs uses the root key's `index` subkey and the
 * older form `k1.3fa09c21`, which is also what records protected before epochs carry.
 *
 * Never a plain hash: without the key, an index says nothing about the phone, and the phone
 * space (about 10^9 numbers) is too small for an unkeyed hash to hide anything. Truncation to
 * 32 bits makes each index value shared by many possible numbers, while a lookup among a
 * courier's tens of millions of recipients still returns few false matches (filtered by unsealing).
 * @module
 */
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';
import { guard, issueError, WaybillShieldError } from '../errors.js';
import { assertKeyring, epochMac, epochMonthsOf, epochState, liveEpochs, purposeMac, type Keyring } from '../keys/keyring.js';
import { epochOf, type EpochId } from '../keys/epochs.js';
import { normalizePhone, type NormalizePhoneOptions } from '../mask/phone.js';
import { resolvePolicy, type MaskPolicy } from '../policy.js';
import { recordEpoch } from '../retention.js';
import { shreddedError } from './envelope.js';

/** Bits kept from the HMAC for a phone index. */
export const PHONE_INDEX_BITS = 32;

const PHONE_DOMAIN = /* @__PURE__ */ utf8ToBytes('phone\u0000');

/**
 * Index of an already-normalised E.164 phone under one key, in one retention epoch (the older
 * epoch-less form when `epoch` is undefined).
 * @internal
 * @throws WaybillShieldError `DATA_SHREDDED` for a destroyed epoch, `INVALID_KEYRING` for an
 *   unknown key id or an epoch the keyring does not hold
 */
export function phoneIndexOfE164(keyring: Keyring, e164: string, keyId?: number, epoch?: EpochId): string {
  if (epoch === undefined) {
    const r = purposeMac(keyring, 'index', keyId, PHONE_DOMAIN, utf8ToBytes(e164));
    if (!r) throw new WaybillShieldError('INVALID_KEYRING', 'unknown key id');
    return `k${r.id}.${bytesToHex(r.mac.subarray(0, PHONE_INDEX_BITS / 8))}`;
  }
  const r = epochMac(keyring, 'index', keyId, epoch, PHONE_DOMAIN, utf8ToBytes(e164));
  if (!r) {
    if (epochState(keyring, epoch) === 'shredded') throw shreddedError();
    throw new WaybillShieldError('INVALID_KEYRING', 'unknown key id or retention epoch');
  }
  return `k${r.id}.${epoch}.${bytesToHex(r.mac.subarray(0, PHONE_INDEX_BITS / 8))}`;
}

/** Options for {@link phoneIndex}. */
export interface PhoneIndexOptions extends NormalizePhoneOptions {
  keyring: Keyring;
  /** Compute under this key id instead of the primary (for searches across a rotation). */
  keyId?: number;
  /** The retention epoch (`'YYYY-MM'`, or a `Date` in it). Default: the epoch `protect` uses at `now` under `policy`. */
  epoch?: Date | EpochId;
  /** Clock for the default epoch (default now). */
  now?: Date;
  /** Policy whose `retention` decides the default epoch, as in `protect`. */
  policy?: MaskPolicy;
}

function indexEpoch(opts: PhoneIndexOptions): EpochId | undefined {
  const months = epochMonthsOf(opts.keyring);
  if (months === undefined) return undefined;
  if (opts.epoch !== undefined) return epochOf(opts.epoch, months);
  const now = opts.now === undefined ? new Date() : opts.now;
  if (!(now instanceof Date) || Number.isNaN(now.getTime())) throw issueError('now', 'type');
  return recordEpoch(opts.keyring, resolvePolicy(opts.policy), now);
}

/**
 * The blind index of a phone number in one retention epoch, for searching protected records by
 * phone. Every format of the same number gives the same index. To search every live epoch, use
 * {@link phoneIndexes}.
 *
 * @param phone - a phone number in any common format
 * @param opts - the keyring, and optionally a key id and an epoch (default: the current one)
 * @returns `k<keyId>.<YYYY-MM>.<8 hex digits>` (`k<keyId>.<8 hex digits>` for a keyring without epochs)
 * @throws WaybillShieldError `INVALID_PHONE`; `DATA_SHREDDED` for a shredded epoch; `INVALID_KEYRING`
 *   for an unknown key id or an epoch the keyring does not hold
 * @example
 * ```ts
 * db.find({ 'index.recipient.phone': phoneIndex('0901 234 567', { keyring }) })
 * ```
 */
export function phoneIndex(phone: string, opts: PhoneIndexOptions): string {
  return guard('INVALID_INPUT', 'phoneIndex: arguments are not a phone and options', () => {
    assertKeyring(opts?.keyring);
    return phoneIndexOfE164(opts.keyring, normalizePhone(phone, opts).e164, opts.keyId, indexEpoch(opts));
  });
}

/**
 * The blind index of a phone under every key of the keyring (primary first) in every live
 * retention epoch (newest first), then the epoch-less form of each key for records protected
 * before retention epochs (until they are resealed). Shredded epochs give nothing: their values
 * can no longer be computed by anyone.
 *
 * @param phone - a phone number in any common format
 * @param opts - the keyring
 * @returns one index per live epoch and key id, then one epoch-less index per key id
 * @throws WaybillShieldError `INVALID_PHONE` or `INVALID_KEYRING`
 * @example
 * ```ts
 * db.find({ 'index.recipient.phone': { $in: phoneIndexes(phone, { keyring }) } })
 * ```
 */
export function phoneIndexes(phone: string, opts: Omit<PhoneIndexOptions, 'keyId' | 'epoch' | 'now' | 'policy'>): string[] {
  return guard('INVALID_INPUT', 'phoneIndexes: arguments are not a phone and options', () => {
    assertKeyring(opts?.keyring);
    const e164 = normalizePhone(phone, opts).e164;
    const { keyring } = opts;
    const ids = [keyring.primary, ...keyring.keyIds.filter((id) => id !== keyring.primary).reverse()];
    const out: string[] = [];
    for (const id of ids) for (const ep of liveEpochs(keyring)) out.push(phoneIndexOfE164(keyring, e164, id, ep));
    for (const id of ids) out.push(phoneIndexOfE164(keyring, e164, id));
    return out;
  });
}
