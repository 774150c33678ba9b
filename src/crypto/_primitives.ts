/**
 * The project's thin wrappers over its primitives: XChaCha20-Poly1305 (draft-irtf-cfrg-xchacha;
 * natively through OpenSSL on Node, on noble elsewhere — see `_aead.ts`),
 * HMAC-SHA256 with truncated tags (RFC 2104, truncation per RFC 4868 §2.6) and HKDF-SHA256
 * (RFC 5869). Every AEAD or MAC failure becomes one generic error; tags compare in constant time.
 * These are the functions the Wycheproof vectors run through.
 * @module
 * @internal
 */
import { equalBytes } from '@noble/ciphers/utils.js';
import { hkdf } from '@noble/hashes/hkdf.js';
import { hmac } from '@noble/hashes/hmac.js';
import { sha256 } from '@noble/hashes/sha2.js';
import { WaybillShieldError } from '../errors.js';
import { aead } from './_aead.js';

/** XChaCha20-Poly1305 nonce length in bytes. */
export const NONCE_BYTES = 24;
/** Poly1305 tag length in bytes. */
export const AEAD_TAG_BYTES = 16;

function decryptFailed(): WaybillShieldError {
  return new WaybillShieldError('DECRYPT_FAILED', 'the sealed value could not be opened');
}

/**
 * Encrypt with XChaCha20-Poly1305, into `output` when given (exactly plaintext length + 16 bytes).
 * @returns ciphertext followed by the 16-byte tag
 */
export function aeadEncrypt(key: Uint8Array, nonce: Uint8Array, aad: Uint8Array, plaintext: Uint8Array, output?: Uint8Array): Uint8Array {
  try {
    return aead.seal(key, nonce, aad, plaintext, output);
  } catch {
    throw new WaybillShieldError('INVALID_INPUT', 'encryption parameters are invalid');
  }
}

/**
 * Decrypt with XChaCha20-Poly1305.
 * @throws WaybillShieldError `DECRYPT_FAILED` for every failure: bad tag, wrong length, wrong key size
 */
export function aeadDecrypt(key: Uint8Array, nonce: Uint8Array, aad: Uint8Array, sealed: Uint8Array): Uint8Array {
  try {
    return aead.open(key, nonce, aad, sealed);
  } catch {
    throw decryptFailed();
  }
}

/** HMAC-SHA256 of `msg` under `key`, truncated to `bytes` (default the full 32). */
export function hmacSha256(key: Uint8Array, msg: Uint8Array, bytes = 32): Uint8Array {
  const full = hmac(sha256, key, msg);
  return bytes >= 32 ? full : full.subarray(0, bytes);
}

/** Constant-time comparison of two byte strings (length is not secret). */
export function ctEqual(a: Uint8Array, b: Uint8Array): boolean {
  return equalBytes(a, b);
}

/**
 * Check a (possibly truncated) HMAC-SHA256 tag in constant time.
 * Tags shorter than 8 bytes are always refused: below 64 bits a tag is guessable online.
 */
export function verifyHmacSha256(key: Uint8Array, msg: Uint8Array, tag: Uint8Array): boolean {
  if (tag.length < 8 || tag.length > 32) return false;
  return ctEqual(hmacSha256(key, msg, tag.length), tag);
}

/**
 * HKDF-SHA256 (RFC 5869) extract-and-expand.
 * @throws WaybillShieldError `INVALID_INPUT` when the output length is out of range (over 255 × 32 bytes)
 */
export function hkdfSha256(ikm: Uint8Array, salt: Uint8Array | undefined, info: Uint8Array, length: number): Uint8Array {
  try {
    return hkdf(sha256, ikm, salt, info, length);
  } catch {
    throw new WaybillShieldError('INVALID_INPUT', 'key derivation parameters are out of range');
  }
}
