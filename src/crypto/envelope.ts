/**
 * Sealed-field envelopes: XChaCha20-Poly1305 (draft-irtf-cfrg-xchacha-03) with a random 24-byte
 * nonce, under the keyring's `seal` subkey.
 *
 * Text form: `ws1.<keyId>.<base64url(nonce ‖ ciphertext ‖ tag)>`. The associated data binds the
 * format version, the key id, the waybill id and the field path, so an envelope copied to another
 * waybill or another field does not open. Every failure is one generic `DECRYPT_FAILED`.
 * @module
 */
import { utf8ToBytes } from '@noble/hashes/utils.js';
import { base64urlnopad } from '@scure/base';
import { WaybillShieldError } from '../errors.js';
import { subkey, type Keyring } from '../keys/keyring.js';
import { aeadDecrypt, aeadEncrypt, NONCE_BYTES, AEAD_TAG_BYTES } from './_primitives.js';
import { freshBytes } from './_random.js';
import { base64UrlEncode } from './_base64.js';

/** Envelope format prefix. */
export const ENVELOPE_PREFIX = 'ws1';
/** Upper bound on an envelope's text length; anything longer is refused before decoding. */
export const MAX_ENVELOPE_LENGTH = 32_768;

const PREFIX = 'waybill-shield/seal/ws1';
const PREFIX_BYTES = utf8ToBytes(PREFIX);
const ENVELOPE_RE = /^ws1\.([1-9][0-9]{0,3})\.([A-Za-z0-9_-]+)$/;
const decoder = new TextDecoder('utf-8', { fatal: true });
const encoder = new TextEncoder();

/**
 * Scratch space for the associated data and the plaintext of one seal. Small typed arrays live
 * on V8's heap and are copied out the first time a cipher asks for their buffer; one reused
 * off-heap buffer avoids that per-call cost. Sealing is synchronous, and the plaintext bytes
 * are wiped before `sealField` returns.
 */
let scratch = new Uint8Array(4096);

function writeLengthPrefixed(buf: Uint8Array, at: number, s: string): number {
  const r = encoder.encodeInto(s, buf.subarray(at + 2));
  buf[at] = r.written >>> 8;
  buf[at + 1] = r.written & 0xff;
  return at + 2 + r.written;
}

/** Write the associated data into `buf` from offset 0; returns its length. */
function writeAssociatedData(buf: Uint8Array, keyId: number, waybillId: string, field: string): number {
  buf.set(PREFIX_BYTES, 0);
  let at = PREFIX_BYTES.length;
  buf[at++] = keyId >>> 8;
  buf[at++] = keyId & 0xff;
  at = writeLengthPrefixed(buf, at, waybillId);
  return writeLengthPrefixed(buf, at, field);
}

/**
 * The associated data: version, key id, waybill id and field path, each length-prefixed.
 * @internal
 */
export function associatedData(keyId: number, waybillId: string, field: string): Uint8Array {
  const buf = new Uint8Array(PREFIX_BYTES.length + 2 + 4 + (waybillId.length + field.length) * 3);
  return buf.slice(0, writeAssociatedData(buf, keyId, waybillId, field));
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

/**
 * Seal `plaintext` for one field of one waybill under the primary key.
 * @internal used by protect/reseal; the caller never handles nonces
 */
export function sealField(keyring: Keyring, waybillId: string, field: string, plaintext: string): string {
  const k = subkey(keyring, 'seal')!;
  // Worst case UTF-8 is 3 bytes per UTF-16 unit, for the plaintext and again for the ciphertext.
  const need = 512 + (waybillId.length + field.length) * 3 + plaintext.length * 6;
  if (scratch.length < need) scratch = new Uint8Array(need);
  const aadLen = writeAssociatedData(scratch, k.id, waybillId, field);
  const ptAt = (aadLen + 3) & ~3;
  const ptLen = encoder.encodeInto(plaintext, scratch.subarray(ptAt)).written;
  // Nonce and ciphertext go into the scratch buffer side by side: no fresh small output array for
  // the cipher to copy off V8's heap, and one base64 pass over nonce ‖ ciphertext.
  const nonceAt = (ptAt + ptLen + 3) & ~3;
  const ctAt = nonceAt + NONCE_BYTES;
  const end = ctAt + ptLen + AEAD_TAG_BYTES;
  scratch.set(freshBytes(NONCE_BYTES), nonceAt);
  try {
    aeadEncrypt(k.key, scratch.subarray(nonceAt, ctAt), scratch.subarray(0, aadLen), scratch.subarray(ptAt, ptAt + ptLen), scratch.subarray(ctAt, end));
    return `${ENVELOPE_PREFIX}.${k.id}.${toBase64Url(scratch.subarray(nonceAt, end))}`;
  } finally {
    scratch.fill(0, ptAt, end);
  }
}

/** The key id an envelope names, or undefined when it is not an envelope. @internal */
export function envelopeKeyId(envelope: unknown): number | undefined {
  if (typeof envelope !== 'string' || envelope.length > MAX_ENVELOPE_LENGTH) return undefined;
  const m = ENVELOPE_RE.exec(envelope);
  return m ? Number(m[1]) : undefined;
}

/**
 * Open an envelope sealed for `waybillId`/`field`.
 * @internal
 * @throws WaybillShieldError `DECRYPT_FAILED` for anything that is not a valid envelope for that context
 */
export function openField(keyring: Keyring, waybillId: string, field: string, envelope: unknown): string {
  if (typeof envelope !== 'string' || envelope.length > MAX_ENVELOPE_LENGTH) throw failed();
  const m = ENVELOPE_RE.exec(envelope);
  if (!m) throw failed();
  const keyId = Number(m[1]);
  const k = subkey(keyring, 'seal', keyId);
  if (!k) throw failed();
  let raw: Uint8Array;
  try {
    raw = base64urlnopad.decode(m[2]!);
  } catch {
    throw failed();
  }
  if (raw.length < NONCE_BYTES + AEAD_TAG_BYTES) throw failed();
  const pt = aeadDecrypt(k.key, raw.subarray(0, NONCE_BYTES), associatedData(keyId, waybillId, field), raw.subarray(NONCE_BYTES));
  try {
    return decoder.decode(pt);
  } catch {
    throw failed();
  }
}
