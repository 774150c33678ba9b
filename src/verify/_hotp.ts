/**
 * RFC 4226 §5.3 dynamic truncation and the HOTP decimal reduction, applied to any HMAC output
 * (HMAC-SHA-1 in the RFC's vectors, HMAC-SHA256 here as RFC 6238 allows). The offset comes from
 * the low 4 bits of the last byte, so it is at most 15 and the 4 bytes read always exist.
 * @module
 * @internal
 */
import { ctEqual } from '../crypto/_primitives.js';

/**
 * RFC 4226 DT: a 31-bit integer from 4 bytes of `mac` at the dynamic offset.
 * @param mac - an HMAC output of at least 20 bytes
 * @returns the 31-bit "Snum"
 * @internal
 */
export function dynamicTruncate(mac: Uint8Array): number {
  const o = mac[mac.length - 1]! & 0x0f;
  return (((mac[o]! & 0x7f) << 24) | (mac[o + 1]! << 16) | (mac[o + 2]! << 8) | mac[o + 3]!) >>> 0;
}

/**
 * The HOTP value: `DT(mac) mod 10^digits`, left-padded with zeros.
 * @internal
 */
export function hotpDigits(mac: Uint8Array, digits: number): string {
  return String(dynamicTruncate(mac) % 10 ** digits).padStart(digits, '0');
}

/** Normalise a typed code: drop spaces and dashes; undefined unless exactly `digits` ASCII digits. @internal */
export function normalizeDigits(input: unknown, digits: number): string | undefined {
  if (typeof input !== 'string' || input.length > 32) return undefined;
  const s = input.replace(/[\s-]/g, '');
  return s.length === digits && /^[0-9]+$/.test(s) ? s : undefined;
}

/**
 * Compare `code` with every candidate in constant time per candidate, without stopping at a
 * match, so timing does not tell which window or key matched.
 * @internal
 */
export function matchesAny(code: string, candidates: readonly string[]): boolean {
  const a = asciiBytes(code);
  let hit = false;
  for (const c of candidates) hit = ctEqual(a, asciiBytes(c)) || hit;
  return hit;
}

function asciiBytes(s: string): Uint8Array {
  const b = new Uint8Array(s.length);
  for (let i = 0; i < s.length; i++) b[i] = s.charCodeAt(i);
  return b;
}

/** `prefix ‖ (u16 len ‖ ascii)… ‖ u64 counter`, big-endian: the MAC input of codes and PINs. @internal */
export function codeMessage(domain: string, ids: readonly string[], counter: number): Uint8Array {
  let len = domain.length + 8;
  for (const id of ids) len += 2 + id.length;
  const out = new Uint8Array(len);
  const v = new DataView(out.buffer);
  let o = 0;
  for (let i = 0; i < domain.length; i++) out[o++] = domain.charCodeAt(i);
  for (const id of ids) {
    v.setUint16(o, id.length);
    o += 2;
    for (let i = 0; i < id.length; i++) out[o++] = id.charCodeAt(i);
  }
  // The 8-byte big-endian counter, as two 32-bit halves (counters stay below 2^53).
  v.setUint32(o, Math.floor(counter / 2 ** 32));
  v.setUint32(o + 4, counter >>> 0);
  return out;
}
