/**
 * Shared token checking for redemption and revocation: parse the text, rebuild the absolute
 * window, find the key(s) matching the carried key-id bits and compare tags in constant time.
 * @module
 * @internal
 */
import type { Keyring } from '../keys/keyring.js';
import { decodeToken, KID_MODULUS, normalizeToken, reconstructNotBefore, TOKEN_VERSION, type DecodedToken } from './_format.js';
import { checkTag } from './_tag.js';

/** What a token is bound to besides its own bits. */
export interface TokenBinding {
  waybillId: string;
  courierId: string;
  assignment: number;
}

/** A token whose tag matched. */
export interface AuthenticToken {
  keyId: number;
  fieldMask: number;
  nbUnits: number;
  durationUnits: number;
  /** The full 32-byte MAC; bytes 8..24 name the token in the ledger. */
  mac: Uint8Array;
}

/** Decode a token text; undefined for anything that is not a well-formed v1 token. */
export function parseToken(text: unknown): DecodedToken | undefined {
  const c = normalizeToken(text);
  if (c === undefined) return undefined;
  const d = decodeToken(c);
  // An empty field mask grants nothing; the issuer never makes one.
  if (d === undefined || d.version !== TOKEN_VERSION || d.fieldMask === 0) return undefined;
  return d;
}

/**
 * Check `d`'s tag for `binding` under every key whose id matches the carried low bits.
 * Usually one key matches; the carried bits only narrow the search, the tag covers the full id.
 */
export function authenticate(keyring: Keyring, d: DecodedToken, binding: TokenBinding, nowUnit: number): AuthenticToken | undefined {
  const nbUnits = reconstructNotBefore(d.nbLow, nowUnit);
  for (const keyId of keyring.keyIds) {
    if (keyId % KID_MODULUS !== d.kidLow) continue;
    const mac = checkTag(
      keyring,
      { version: d.version, keyId, fieldMask: d.fieldMask, nbUnits, durationUnits: d.durationUnits, ...binding },
      d.tag,
    );
    if (mac) return { keyId, fieldMask: d.fieldMask, nbUnits, durationUnits: d.durationUnits, mac };
  }
  return undefined;
}
