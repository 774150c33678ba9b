/**
 * Sealed-field envelopes: XChaCha20-Poly1305 (draft-irtf-cfrg-xchacha-03) with a random 24-byte
 * nonce.
 *
 * Format ws2 (written): `ws2.<keyId>.<epoch>.<base64url(nonce ‖ ciphertext ‖ tag)>`.
 * - `epoch` is the retention epoch (`YYYY-MM`) whose secret, with the root key, derives the seal
 *   key (see `keys/purposes.ts`); `0` when the keyring has no retention epochs, in which case the
 *   root key's `seal` subkey is used as in ws1.
 * - The plaintext is padded to a bucket before sealing (`./_padding.ts`), so the envelope length
 *   shows the bucket, not the exact length.
 * - The associated data binds the format version, the key id, the epoch, the waybill id and the
 *   field path, so an envelope copied to another waybill, field or epoch does not open.
 *
 * Format ws1 (read only, written before retention epochs): `ws1.<keyId>.<base64url(…)>`, under the
 * root key's `seal` subkey, unpadded, associated data without the epoch. `reseal` upgrades it.
 *
 * Every failure is one generic `DECRYPT_FAILED`, except an envelope whose epoch the keyring has
 * destroyed: that is `DATA_SHREDDED`, decided from the header alone.
 * @module
 */
import { utf8ToBytes } from '@noble/hashes/utils.js';
import { base64urlnopad } from '@scure/base';
import { WaybillShieldError } from '../errors.js';
import { epochMonthsOf, epochState, epochSubkey, subkey, type Keyring } from '../keys/keyring.js';
import { epochOf, type EpochId } from '../keys/epochs.js';
import { aeadDecrypt, aeadEncrypt, NONCE_BYTES, AEAD_TAG_BYTES } from './_primitives.js';
import { writeFreshBytes } from './_random.js';
import { paddedLength, unpad, writePadding } from './_padding.js';
import { base64UrlEncode, encodeBase64Url } from './_base64.js';

/** Envelope format prefix written by `sealField`. */
export const ENVELOPE_PREFIX = 'ws2';
/** The previous format, still opened. */
export const LEGACY_ENVELOPE_PREFIX = 'ws1';
/** Epoch field of a ws2 envelope sealed by a keyring without retention epochs. */
export const NO_EPOCH = '0';
/** Upper bound on an envelope's text length; anything longer is refused before decoding. */
export const MAX_ENVELOPE_LENGTH = 32_768;

const PREFIX_BYTES_V1 = /* @__PURE__ */ utf8ToBytes('waybill-shield/seal/ws1');
const PREFIX_BYTES = /* @__PURE__ */ utf8ToBytes('waybill-shield/seal/ws2');
const ENVELOPE_RE_V1 = /^ws1\.([1-9][0-9]{0,3})\.([A-Za-z0-9_-]+)$/;
const ENVELOPE_RE = /^ws2\.([1-9][0-9]{0,3})\.(0|2[01][0-9]{2}-(?:0[1-9]|1[0-2]))\.([A-Za-z0-9_-]+)$/;
const decoder = /* @__PURE__ */ new TextDecoder('utf-8', { fatal: true });
const encoder = /* @__PURE__ */ new TextEncoder();

/**
 * Scratch space for the associated data and the plaintext of one seal. Small typed arrays live
 * on V8's heap and are copied out the first time a cipher asks for their buffer; one reused
 * off-heap buffer avoids that per-call cost. Sealing is synchronous, and the plaintext bytes
 * are wiped before `sealField` returns.
 */
let scratch = /* @__PURE__ */ new Uint8Array(4096);

/**
 * What `scratch` holds from offset 0 between seals: the associated data's head (prefix, key id,
 * epoch, waybill id) of the last seal, `headLen` bytes long. protect() seals 8–11 fields of one
 * waybill in a row, and only the field path differs between their associated data, so the head is
 * written once per waybill. The head is public (no plaintext): leaving it in place leaks nothing.
 */
let head: { keyId: number; epoch: string; waybillId: string; len: number } | undefined;

/** Length-prefixed UTF-8 of each field path seen, written after the head. */
const fieldBytes = /* @__PURE__ */ new Map<string, Uint8Array>();
/** Field paths are a fixed set; anything beyond this many distinct ones is encoded per call. */
const FIELD_CACHE_MAX = 64;

function writeLengthPrefixed(buf: Uint8Array, at: number, s: string): number {
  const r = encoder.encodeInto(s, buf.subarray(at + 2));
  buf[at] = r.written >>> 8;
  buf[at + 1] = r.written & 0xff;
  return at + 2 + r.written;
}

/** Write the associated data's head (prefix, key id, epoch, waybill id); returns its length. `epoch` undefined = ws1. */
function writeHead(buf: Uint8Array, keyId: number, epoch: string | undefined, waybillId: string): number {
  const prefix = epoch === undefined ? PREFIX_BYTES_V1 : PREFIX_BYTES;
  buf.set(prefix, 0);
  let at = prefix.length;
  buf[at++] = keyId >>> 8;
  buf[at++] = keyId & 0xff;
  if (epoch !== undefined) at = writeLengthPrefixed(buf, at, epoch);
  return writeLengthPrefixed(buf, at, waybillId);
}

/** Write the associated data into `buf` from offset 0; returns its length. `epoch` undefined = ws1. */
function writeAssociatedData(buf: Uint8Array, keyId: number, epoch: string | undefined, waybillId: string, field: string): number {
  return writeLengthPrefixed(buf, writeHead(buf, keyId, epoch, waybillId), field);
}

/**
 * The associated data of a ws2 seal into `scratch`, reusing the head already there when the key,
 * epoch and waybill are the last seal's; returns its length.
 */
function writeSealAssociatedData(keyId: number, epoch: string, waybillId: string, field: string): number {
  let at: number;
  if (head !== undefined && head.waybillId === waybillId && head.epoch === epoch && head.keyId === keyId) {
    at = head.len;
  } else {
    at = writeHead(scratch, keyId, epoch, waybillId);
    head = { keyId, epoch, waybillId, len: at };
  }
  let f = fieldBytes.get(field);
  if (f === undefined) {
    if (fieldBytes.size >= FIELD_CACHE_MAX) return writeLengthPrefixed(scratch, at, field);
    const tmp = new Uint8Array(2 + field.length * 3);
    f = tmp.slice(0, writeLengthPrefixed(tmp, 0, field));
    fieldBytes.set(field, f);
  }
  scratch.set(f, at);
  return at + f.length;
}

/**
 * The associated data: version, key id, epoch (ws2 only), waybill id and field path, each
 * length-prefixed. `epoch` undefined gives the ws1 form.
 * @internal
 */
export function associatedData(keyId: number, waybillId: string, field: string, epoch?: string): Uint8Array {
  const buf = new Uint8Array(PREFIX_BYTES.length + 2 + 6 + (waybillId.length + field.length + (epoch?.length ?? 0)) * 3);
  return buf.slice(0, writeAssociatedData(buf, keyId, epoch, waybillId, field));
}

/**
 * base64url without padding, identical to `@scure/base`'s `base64urlnopad.encode` (a test checks
 * the two agree); see `_base64.ts`. Decoding keeps using `@scure/base` for its strict validation.
 * @internal
 */
export const toBase64Url = base64UrlEncode;

function failed(): WaybillShieldError {
  return new WaybillShieldError('DECRYPT_FAILED', 'the sealed value could not be opened');
}

/** The one error for a value whose retention epoch was destroyed. @internal */
export function shreddedError(): WaybillShieldError {
  return new WaybillShieldError('DATA_SHREDDED', 'the sealed value belongs to a retention epoch that has been shredded');
}

/** A seal key with the epoch it belongs to. */
interface SealKey {
  id: number;
  key: Uint8Array;
  epoch: string;
}
/**
 * The last epoch seal key looked up, per keyring. Weak, so a keyring replaced by its shredded
 * successor is not kept alive by this cache.
 */
const lastSealKeys = /* @__PURE__ */ new WeakMap<Keyring, SealKey>();

/**
 * The seal key for new envelopes in `epoch`.
 * @throws WaybillShieldError `DATA_SHREDDED` for a destroyed epoch, `INVALID_KEYRING` for one
 *   the keyring does not hold (create it ahead with `ensureEpochs`)
 */
function sealKey(keyring: Keyring, epoch: EpochId | undefined): SealKey {
  // protect() seals 8–11 fields of one record into one epoch: the lookups run once per record.
  // Keyrings never change after construction (rotate, shred and ensureEpochs return new ones), so
  // the keyring and the epoch name decide the key.
  if (epoch !== undefined) {
    const hit = lastSealKeys.get(keyring);
    if (hit !== undefined && hit.epoch === epoch) return hit;
  }
  const months = epochMonthsOf(keyring);
  if (months === undefined) {
    const k = subkey(keyring, 'seal')!;
    return { id: k.id, key: k.key, epoch: NO_EPOCH };
  }
  const ep = epoch ?? epochOf(new Date(), months);
  const k = epochSubkey(keyring, 'seal', undefined, ep);
  if (k) {
    const found = { id: k.id, key: k.key, epoch: ep };
    lastSealKeys.set(keyring, found);
    return found;
  }
  if (epochState(keyring, ep) === 'shredded') throw shreddedError();
  throw new WaybillShieldError('INVALID_KEYRING', 'the keyring holds no secret for the retention epoch of this record; create epochs ahead with ensureEpochs (CLI: keys ensure)');
}

/**
 * Seal `plaintext` for one field of one waybill under the primary key, in a retention epoch.
 * @param epoch - the record's epoch (default: the current one); ignored by a keyring without epochs
 * @internal used by protect/reseal; the caller never handles nonces
 * @throws WaybillShieldError `DATA_SHREDDED` or `INVALID_KEYRING` when the epoch has no secret
 */
export function sealField(keyring: Keyring, waybillId: string, field: string, plaintext: string, epoch?: EpochId): string {
  const k = sealKey(keyring, epoch);
  // Worst case UTF-8 is 3 bytes per UTF-16 unit; padding at most doubles it (plus the marker and
  // the smallest bucket), for the plaintext and again for the ciphertext.
  const need = 640 + (waybillId.length + field.length) * 3 + plaintext.length * 12;
  if (scratch.length < need) {
    scratch = new Uint8Array(need);
    head = undefined;
  }
  const aadLen = writeSealAssociatedData(k.id, k.epoch, waybillId, field);
  const ptAt = (aadLen + 3) & ~3;
  const raw = encoder.encodeInto(plaintext, scratch.subarray(ptAt)).written;
  const ptLen = paddedLength(field, raw);
  writePadding(scratch, ptAt, raw, ptLen);
  // Nonce and ciphertext go into the scratch buffer side by side: no fresh small output array for
  // the cipher to copy off V8's heap, and one base64 pass over nonce ‖ ciphertext.
  const nonceAt = (ptAt + ptLen + 3) & ~3;
  const ctAt = nonceAt + NONCE_BYTES;
  const end = ctAt + ptLen + AEAD_TAG_BYTES;
  writeFreshBytes(scratch, nonceAt, NONCE_BYTES);
  try {
    aeadEncrypt(k.key, scratch.subarray(nonceAt, ctAt), scratch.subarray(0, aadLen), scratch.subarray(ptAt, ptAt + ptLen), scratch.subarray(ctAt, end));
    return `${ENVELOPE_PREFIX}.${k.id}.${k.epoch}.${encodeBase64Url(scratch, nonceAt, end)}`;
  } finally {
    scratch.fill(0, ptAt, end);
  }
}

/** What an envelope's header says, without opening it. */
export interface EnvelopeHeader {
  /** Format version: 1 (`ws1`) or 2 (`ws2`). */
  version: 1 | 2;
  keyId: number;
  /** The retention epoch (`YYYY-MM`); undefined for ws1 and for ws2 sealed without epochs. */
  epoch?: EpochId;
}

/** The header of an envelope, or undefined when it is not one. @internal */
export function envelopeHeader(envelope: unknown): EnvelopeHeader | undefined {
  if (typeof envelope !== 'string' || envelope.length > MAX_ENVELOPE_LENGTH) return undefined;
  const m = ENVELOPE_RE.exec(envelope);
  if (m) return m[2] === NO_EPOCH ? { version: 2, keyId: Number(m[1]) } : { version: 2, keyId: Number(m[1]), epoch: m[2]! };
  const m1 = ENVELOPE_RE_V1.exec(envelope);
  return m1 ? { version: 1, keyId: Number(m1[1]) } : undefined;
}

/** The key id an envelope names, or undefined when it is not an envelope. @internal */
export function envelopeKeyId(envelope: unknown): number | undefined {
  return envelopeHeader(envelope)?.keyId;
}

/**
 * True when the envelope names a retention epoch the keyring has destroyed.
 * @internal
 */
export function isShredded(keyring: Keyring, envelope: unknown): boolean {
  const h = envelopeHeader(envelope);
  return h?.epoch !== undefined && epochState(keyring, h.epoch) === 'shredded';
}

/**
 * Open an envelope sealed for `waybillId`/`field` (ws2, or ws1).
 * @internal
 * @throws WaybillShieldError `DATA_SHREDDED` when its epoch was shredded; `DECRYPT_FAILED` for
 *   anything else that is not a valid envelope for that context
 */
export function openField(keyring: Keyring, waybillId: string, field: string, envelope: unknown): string {
  if (typeof envelope !== 'string' || envelope.length > MAX_ENVELOPE_LENGTH) throw failed();
  let keyId: number;
  let epoch: string | undefined;
  let body: string;
  let k: { key: Uint8Array } | undefined;
  const m = ENVELOPE_RE.exec(envelope);
  if (m) {
    keyId = Number(m[1]);
    epoch = m[2]!;
    body = m[3]!;
    if (epoch === NO_EPOCH) {
      k = subkey(keyring, 'seal', keyId);
    } else {
      const state = epochState(keyring, epoch);
      if (state === 'shredded') throw shreddedError();
      k = state === 'live' ? epochSubkey(keyring, 'seal', keyId, epoch) : undefined;
    }
  } else {
    const m1 = ENVELOPE_RE_V1.exec(envelope);
    if (!m1) throw failed();
    keyId = Number(m1[1]);
    body = m1[2]!;
    k = subkey(keyring, 'seal', keyId);
  }
  if (!k) throw failed();
  let raw: Uint8Array;
  try {
    raw = base64urlnopad.decode(body);
  } catch {
    throw failed();
  }
  if (raw.length < NONCE_BYTES + AEAD_TAG_BYTES) throw failed();
  const opened = aeadDecrypt(k.key, raw.subarray(0, NONCE_BYTES), associatedData(keyId, waybillId, field, epoch), raw.subarray(NONCE_BYTES));
  const pt = epoch === undefined ? opened : unpad(opened);
  if (pt === undefined) throw failed();
  try {
    return decoder.decode(pt);
  } catch {
    throw failed();
  } finally {
    opened.fill(0);
  }
}
