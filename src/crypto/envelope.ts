/**
 * Sealed-field envelopes: XChaCha20-Poly1305 (draft-irtf-cfrg-xchacha-03) with a random 24-byte
 * nonce, under the keyring's `seal` subkey.
 *
 * Text form: `ws1.<keyId>.<base64url(nonce ‖ ciphertext ‖ tag)>`. The associated data binds the
 * format version, the key id, the waybill id and the field path, so an envelope copied to another
 * waybill or another field does not open. Every failure is one generic `DECRYPT_FAILED`.
 * @module
 */
import { concatBytes, randomBytes, utf8ToBytes } from '@noble/hashes/utils.js';
import { base64urlnopad } from '@scure/base';
import { WaybillShieldError } from '../errors.js';
import { subkey, type Keyring } from '../keys/keyring.js';
import { aeadDecrypt, aeadEncrypt, NONCE_BYTES, AEAD_TAG_BYTES } from './_primitives.js';

/** Envelope format prefix. */
export const ENVELOPE_PREFIX = 'ws1';
/** Upper bound on an envelope's text length; anything longer is refused before decoding. */
export const MAX_ENVELOPE_LENGTH = 32_768;

const PREFIX_BYTES = utf8ToBytes('waybill-shield/seal/ws1');
const ENVELOPE_RE = /^ws1\.([1-9][0-9]{0,3})\.([A-Za-z0-9_-]+)$/;
const decoder = new TextDecoder('utf-8', { fatal: true });

function lengthPrefixed(s: string): Uint8Array {
  const b = utf8ToBytes(s);
  return concatBytes(new Uint8Array([b.length >>> 8, b.length & 0xff]), b);
}

/** The associated data: version, key id, waybill id and field path, each length-prefixed. */
function associatedData(keyId: number, waybillId: string, field: string): Uint8Array {
  return concatBytes(PREFIX_BYTES, new Uint8Array([keyId >>> 8, keyId & 0xff]), lengthPrefixed(waybillId), lengthPrefixed(field));
}

function failed(): WaybillShieldError {
  return new WaybillShieldError('DECRYPT_FAILED', 'the sealed value could not be opened');
}

/**
 * Seal `plaintext` for one field of one waybill under the primary key.
 * @internal used by protect/reseal; the caller never handles nonces
 */
export function sealField(keyring: Keyring, waybillId: string, field: string, plaintext: string): string {
  const k = subkey(keyring, 'seal')!;
  const nonce = randomBytes(NONCE_BYTES);
  const ct = aeadEncrypt(k.key, nonce, associatedData(k.id, waybillId, field), utf8ToBytes(plaintext));
  return `${ENVELOPE_PREFIX}.${k.id}.${base64urlnopad.encode(concatBytes(nonce, ct))}`;
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
