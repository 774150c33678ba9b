/**
 * Length padding for sealed plaintexts (envelope format ws2), so an envelope's length no longer
 * gives away the exact length of what it holds.
 *
 * Scheme: the UTF-8 plaintext, one `0x80` byte, then zero bytes up to the bucket size
 * (ISO/IEC 7816-4 padding, as in ISO/IEC 9797-1 method 2). Removal strips the trailing zeros and
 * the `0x80`; it is unambiguous whatever the plaintext, and it runs only on authenticated bytes.
 *
 * Buckets, in bytes of padded plaintext:
 * - phones (any field path ending in `phone`/`Phone`): one fixed size, 32 (E.164 is at most 16);
 * - names (`*.name`): one fixed size, 64, which holds every name up to 63 UTF-8 bytes; longer
 *   names go to 128, 256, 512, then the field maximum;
 * - addresses, goods descriptions, notes: powers of two from 64 up to the field's maximum
 *   (schema limit × 3 bytes + 1), which is the last bucket;
 * - any other field: powers of two from 32.
 * @module
 * @internal
 */
import { LIMITS } from '../_limits.js';

/** The padding marker byte. */
export const PAD_MARKER = 0x80;

interface Buckets {
  /** Smallest bucket. */
  readonly min: number;
  /** Largest bucket: the field's maximum padded size (no cap when undefined). */
  readonly max?: number;
}

const PHONE: Buckets = { min: 32 };
const OTHER: Buckets = { min: 32 };

interface FieldBuckets {
  readonly name: Buckets;
  readonly address: Buckets;
  readonly byField: Readonly<Record<string, Buckets>>;
}

// Built at the first seal rather than at import, so that a bundle which only opens envelopes
// (`unpad`) does not reach the schema limits, or the chunk they are built into.
let fieldBuckets: FieldBuckets | undefined;

function buckets(): FieldBuckets {
  return (fieldBuckets ??= {
    name: { min: 64, max: LIMITS.name * 3 + 1 },
    address: { min: 64, max: LIMITS.address * 3 + 1 },
    byField: {
      'goods.description': { min: 64, max: LIMITS.goodsDescription * 3 + 1 },
      notes: { min: 64, max: LIMITS.notes * 3 + 1 },
    },
  });
}

function bucketsOf(field: string): Buckets {
  const t = buckets();
  const b = t.byField[field];
  if (b) return b;
  if (field.endsWith('.name')) return t.name;
  if (field.endsWith('.address')) return t.address;
  if (/phone$/i.test(field)) return PHONE;
  return OTHER;
}

/**
 * The padded size for `bytes` bytes of plaintext in `field`: the smallest bucket that holds the
 * plaintext and its marker byte.
 * @param field - the sealed field path
 * @param bytes - UTF-8 length of the plaintext
 * @returns the padded length, always more than `bytes`
 */
export function paddedLength(field: string, bytes: number): number {
  const { min, max } = bucketsOf(field);
  const need = bytes + 1;
  let size = min;
  while (size < need) size *= 2;
  // The last bucket is the field maximum; a plaintext beyond it (not accepted by the schema)
  // still gets the next power of two rather than an error.
  if (max !== undefined && size > max && need <= max) size = max;
  return size;
}

/**
 * Write the padding after `len` plaintext bytes at `at` in `buf`, up to `padded` bytes.
 * @param buf - the buffer holding the plaintext
 * @param at - where the plaintext starts
 * @param len - plaintext length
 * @param padded - the padded length from {@link paddedLength}
 */
export function writePadding(buf: Uint8Array, at: number, len: number, padded: number): void {
  buf[at + len] = PAD_MARKER;
  buf.fill(0, at + len + 1, at + padded);
}

/**
 * The plaintext inside padded bytes, or undefined when the padding is malformed.
 * @param padded - decrypted, authenticated bytes
 * @returns a view of the plaintext bytes
 */
export function unpad(padded: Uint8Array): Uint8Array | undefined {
  let i = padded.length - 1;
  while (i >= 0 && padded[i] === 0) i--;
  if (i < 0 || padded[i] !== PAD_MARKER) return undefined;
  return padded.subarray(0, i);
}
