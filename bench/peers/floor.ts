/**
 * Peer: the crypto floor under protect(). Only the primitive calls protect() makes for one waybill,
 * on bytes encoded before timing starts: one XChaCha20-Poly1305 seal per sealed field (through the
 * given backend, into a preallocated output, nonces from the same batched CSPRNG source the library
 * uses) and one HMAC-SHA256 for the phone index from a pre-keyed state, cloned per call as the
 * library does. No validation, masking, text encoding, padding, associated-data building or base64.
 */
import { hmac } from '@noble/hashes/hmac.js';
import { sha256 } from '@noble/hashes/sha2.js';
import { freshBytes } from '../../src/crypto/_random.js';
import type { AeadBackend } from '../../src/crypto/_aead-types.js';
import { associatedData, NO_EPOCH } from '../../src/crypto/envelope.js';
import { paddedLength, writePadding } from '../../src/crypto/_padding.js';
import { deriveSubkey } from '../../src/keys/purposes.js';
import { sealedValues } from '../../src/protect.js';
import type { Waybill } from '../../src/schema.js';

const encoder = new TextEncoder();

/** One waybill's inputs to the primitives, encoded ahead of time. */
export interface EncodedWaybill {
  fields: { ad: Uint8Array; pt: Uint8Array; out: Uint8Array }[];
  phone: Uint8Array;
}

/** Encode a parsed waybill's seal inputs and index message (outside any timed loop). */
export function encodeForFloor(wb: Waybill): EncodedWaybill {
  return {
    fields: sealedValues(wb).map(([field, value]) => {
      // The plaintext padded exactly as sealField pads it, and the associated data it builds.
      const raw = encoder.encode(value);
      const pt = new Uint8Array(paddedLength(field, raw.length));
      pt.set(raw);
      writePadding(pt, 0, raw.length, pt.length);
      return { ad: associatedData(1, wb.id, field, NO_EPOCH), pt, out: new Uint8Array(pt.length + 16) };
    }),
    phone: encoder.encode(`phone\u0000${wb.recipient.phone}`),
  };
}

export function createFloor(root: Uint8Array, backend: AeadBackend) {
  const sealKey = deriveSubkey(root, 'seal');
  const mac = hmac.create(sha256, deriveSubkey(root, 'index'));
  return (w: EncodedWaybill) => {
    let sum = 0;
    for (const f of w.fields) sum += backend.seal(sealKey, freshBytes(24), f.ad, f.pt, f.out)[0]!;
    return sum + mac.clone().update(w.phone).digest()[0]!;
  };
}
