/**
 * Reveal token wire format v1: 100 bits written as 20 characters of Crockford base32
 * (https://www.crockford.com/base32.html), authenticated by HMAC-SHA256 (RFC 2104) truncated
 * to 64 bits (RFC 4868 §2.6 style left-most truncation). `docs/token-format.md` is the
 * specification; this file is its implementation and must change only together with it.
 *
 * ```
 * bit  0..1   version          2 bits  = 1
 * bit  2..4   key id mod 8     3 bits
 * bit  5..12  fields bitmask   8 bits  (bit i set = SEALED_FIELDS[i] granted, MSB = i 0;
 *                                       a phone bit also grants that party's altPhone)
 * bit 13..25  notBefore mod 2^13  13 bits (15-minute units since 2025-01-01T00:00Z)
 * bit 26..35  duration - 1    10 bits  (15-minute units, so 15 min .. 256 h)
 * bit 36..99  tag             64 bits  = HMAC-SHA256(reveal subkey, message)[0..8]
 * ```
 * @module
 * @internal
 */
import { base32crockford } from '@scure/base';
import { SEALED_FIELDS, type SealedField } from '../_fields.js';

/** Format version carried in the top two bits. */
export const TOKEN_VERSION = 1;
/** Significant characters in a token. */
export const TOKEN_CHARS = 20;
/** Bytes of HMAC-SHA256 kept as the tag (64 bits). */
export const TAG_BYTES = 8;
/** The time unit of the validity window: 15 minutes. */
export const TIME_UNIT_MS = 15 * 60_000;
/** Origin of the time units: 2025-01-01T00:00:00Z. */
export const TOKEN_EPOCH_MS = /* @__PURE__ */ Date.UTC(2025, 0, 1);
/** notBefore is carried modulo this many units (13 bits, about 85 days). */
export const NB_PERIOD = 1 << 13;
/** Longest validity window in units (10 bits): 1024 × 15 min = 256 h. */
export const MAX_DURATION_UNITS = 1 << 10;
/** Key ids are carried modulo this (3 bits). */
export const KID_MODULUS = 8;

/** The authenticated header of a token, with notBefore reconstructed to absolute units. */
export interface TokenHeader {
  version: number;
  kidLow: number;
  fieldMask: number;
  nbLow: number;
  durationUnits: number;
}

/** A decoded token: header plus the 8-byte tag. */
export interface DecodedToken extends TokenHeader {
  tag: Uint8Array;
}

//#region fields

/** Fields with a bit of their own: the first 8 of SEALED_FIELDS. */
export const MASK_BITS = 8;

/**
 * A phone bit grants the whole phone field of that party: the phone and, when the record holds
 * one, the second number typed in the same field. Nothing else is implied by any bit.
 */
export const IMPLIED_BY: Readonly<Partial<Record<SealedField, SealedField>>> = /* @__PURE__ */ Object.freeze({
  'recipient.altPhone': 'recipient.phone',
  'sender.altPhone': 'sender.phone',
});

/**
 * Bit for each field: SEALED_FIELDS[0] is the most significant of the 8 bits. An implied field
 * (`<party>.altPhone`) sets its phone's bit; callers check that the phone was asked for too.
 * Fields with neither a bit nor an implying bit (`goods.category`) set nothing; callers refuse them.
 */
export function fieldsToMask(fields: readonly SealedField[]): number {
  let m = 0;
  for (const f of fields) {
    const i = SEALED_FIELDS.indexOf(IMPLIED_BY[f] ?? f);
    if (i >= 0 && i < MASK_BITS) m |= 0x80 >>> i;
  }
  return m;
}

/**
 * Everything a mask grants, in SEALED_FIELDS order: the fields of its bits plus the fields they
 * imply (a phone bit also grants that party's `altPhone`). Grants, audits and the retention check
 * use this list; a field the record lacks is simply not opened.
 */
export function grantedFields(mask: number): SealedField[] {
  const bits = maskToFields(mask);
  return SEALED_FIELDS.filter((f) => bits.includes(f) || (IMPLIED_BY[f] !== undefined && bits.includes(IMPLIED_BY[f]!)));
}

/** The fields of a mask, in SEALED_FIELDS order. */
export function maskToFields(mask: number): SealedField[] {
  const out: SealedField[] = [];
  for (let i = 0; i < MASK_BITS; i++) if (mask & (0x80 >>> i)) out.push(SEALED_FIELDS[i]!);
  return out;
}

//#endregion

//#region text

// Accepts the Crockford aliases on input: case, I/L → 1, O → 0; grouping with '-' or spaces.
const SEPARATORS = /[\s-]+/g;
const CANONICAL = /^[0-9A-HJKMNP-TV-Z]{20}$/;
// Checked BEFORE case mapping: toUpperCase() maps U+017F ſ to S, U+0131 ı to I and ligatures
// such as U+FB01 ﬁ to FI, so a check after it would accept spellings the format never documents.
// Only ASCII letters and digits reach the alias rewrite.
const ASCII_ALNUM = /^[0-9A-Za-z]+$/;
/** Longest input looked at; anything longer is malformed before any work is done on it. */
const MAX_INPUT = 64;

/**
 * The canonical 20-character form of a token text, or undefined when it is not one.
 * Only shape is checked here, not the tag. Accepted: ASCII letters and digits of the Crockford
 * alphabet in either case, the aliases I/L → 1 and O → 0, and `-`/white space as grouping.
 * Nothing else, not even characters that case-fold onto those letters.
 */
export function normalizeToken(text: unknown): string | undefined {
  if (typeof text !== 'string' || text.length > MAX_INPUT) return undefined;
  // Fast path: a token as issued (scanned from the QR) needs no rewriting.
  if (text.length === TOKEN_CHARS && CANONICAL.test(text)) return text;
  const stripped = text.replace(SEPARATORS, '');
  if (stripped.length !== TOKEN_CHARS || !ASCII_ALNUM.test(stripped)) return undefined;
  const s = stripped.toUpperCase().replace(/O/g, '0').replace(/[IL]/g, '1');
  if (!CANONICAL.test(s)) return undefined;
  return s;
}

/** Group a canonical token for display: `XXXXX-XXXXX-XXXXX-XXXXX`. */
export function groupToken(canonical: string): string {
  return `${canonical.slice(0, 5)}-${canonical.slice(5, 10)}-${canonical.slice(10, 15)}-${canonical.slice(15, 20)}`;
}

//#endregion

//#region bits

/** Pack a header and tag into 20 Crockford characters. */
export function encodeToken(h: TokenHeader, tag: Uint8Array): string {
  // 36 header bits as a safe integer (< 2^53); multiplication, not shifts, to stay out of int32.
  const header = (((h.version * KID_MODULUS + h.kidLow) * 256 + h.fieldMask) * NB_PERIOD + h.nbLow) * MAX_DURATION_UNITS + (h.durationUnits - 1);
  const b = new Uint8Array(13);
  const hi = Math.floor(header / 16);
  b[0] = hi >>> 24;
  b[1] = (hi >>> 16) & 0xff;
  b[2] = (hi >>> 8) & 0xff;
  b[3] = hi & 0xff;
  b[4] = (header % 16) << 4;
  for (let i = 0; i < TAG_BYTES; i++) {
    b[4 + i] = b[4 + i]! | (tag[i]! >>> 4);
    b[5 + i] = (tag[i]! << 4) & 0xff;
  }
  // 104 bits give 21 characters; the 21st holds only the 4 zero pad bits and is always '0'.
  return base32crockford.encode(b).slice(0, TOKEN_CHARS);
}

/** Unpack a canonical 20-character token. Undefined only for text that is not base32. */
export function decodeToken(canonical: string): DecodedToken | undefined {
  let b: Uint8Array;
  try {
    b = base32crockford.decode(`${canonical}0`);
  } catch {
    return undefined;
  }
  if (b.length !== 13) return undefined;
  const header = (((b[0]! << 24) >>> 0) + (b[1]! << 16) + (b[2]! << 8) + b[3]!) * 16 + (b[4]! >>> 4);
  const tag = new Uint8Array(TAG_BYTES);
  for (let i = 0; i < TAG_BYTES; i++) tag[i] = ((b[4 + i]! << 4) & 0xff) | (b[5 + i]! >>> 4);
  let rest = header;
  const durationUnits = (rest % MAX_DURATION_UNITS) + 1;
  rest = Math.floor(rest / MAX_DURATION_UNITS);
  const nbLow = rest % NB_PERIOD;
  rest = Math.floor(rest / NB_PERIOD);
  const fieldMask = rest % 256;
  rest = Math.floor(rest / 256);
  const kidLow = rest % KID_MODULUS;
  const version = Math.floor(rest / KID_MODULUS);
  return { version, kidLow, fieldMask, nbLow, durationUnits, tag };
}

//#endregion

//#region time

/** The 15-minute unit containing `ms` (floor). */
export function unitFloor(ms: number): number {
  return Math.floor((ms - TOKEN_EPOCH_MS) / TIME_UNIT_MS);
}

/** The first unit boundary at or after `ms` (ceil). */
export function unitCeil(ms: number): number {
  return Math.ceil((ms - TOKEN_EPOCH_MS) / TIME_UNIT_MS);
}

/** Milliseconds at the start of unit `u`. */
export function unitToMs(u: number): number {
  return TOKEN_EPOCH_MS + u * TIME_UNIT_MS;
}

/**
 * The absolute notBefore unit congruent to `nbLow` (mod 2^13) nearest to `nowUnit`. Correct for
 * every token whose window is within ±42 days of now; anything further reconstructs to another
 * absolute value and so fails the tag, which covers the absolute value.
 */
export function reconstructNotBefore(nbLow: number, nowUnit: number): number {
  let n = nbLow + NB_PERIOD * Math.round((nowUnit - nbLow) / NB_PERIOD);
  if (n < 0) n += NB_PERIOD;
  return n;
}

//#endregion

//#region MAC input

const DOMAIN = 'waybill-shield/reveal-token/v1\u0000';

/** Everything the tag covers, with the absolute window. */
export interface TagInput {
  version: number;
  keyId: number;
  fieldMask: number;
  nbUnits: number;
  durationUnits: number;
  waybillId: string;
  courierId: string;
  assignment: number;
}

/**
 * The exact bytes the tag is computed over:
 * `DOMAIN ‖ u8 version ‖ u16 keyId ‖ u8 fields ‖ u32 notBefore ‖ u16 duration ‖
 *  u16 len ‖ waybillId ‖ u16 len ‖ courierId ‖ u32 assignment` (big-endian).
 * Identifiers are ASCII by rule, so each char is one byte.
 */
export function tagMessage(t: TagInput): Uint8Array {
  const w = t.waybillId;
  const c = t.courierId;
  const out = new Uint8Array(DOMAIN.length + 10 + 2 + w.length + 2 + c.length + 4);
  const v = new DataView(out.buffer);
  let o = 0;
  for (let i = 0; i < DOMAIN.length; i++) out[o++] = DOMAIN.charCodeAt(i);
  // Big-endian throughout (DataView's default).
  out[o++] = t.version;
  v.setUint16(o, t.keyId);
  out[o + 2] = t.fieldMask;
  v.setUint32(o + 3, t.nbUnits);
  v.setUint16(o + 7, t.durationUnits);
  o += 9;
  for (const s of [w, c]) {
    v.setUint16(o, s.length);
    o += 2;
    for (let i = 0; i < s.length; i++) out[o++] = s.charCodeAt(i);
  }
  v.setUint32(o, t.assignment);
  return out;
}

//#endregion
