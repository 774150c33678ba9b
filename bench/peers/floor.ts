/**
 * Peer: a stricter crypto floor for protect(). Exactly the noble calls protect() makes for one
 * waybill and nothing else, with protect()'s own buffer handling: one XChaCha20-Poly1305 encryption per sealed field, with the plaintext and
 * associated data encoded into a reused off-heap buffer and the ciphertext written into it (as
 * `sealField` does), nonces from the same batched CSPRNG source, and one HMAC-SHA256 for the phone
 * index. No validation, masking, address or goods work, and no text encoding of the output.
 */
import { xchacha20poly1305 } from '@noble/ciphers/chacha.js';
import { hmac } from '@noble/hashes/hmac.js';
import { sha256 } from '@noble/hashes/sha2.js';
import { freshBytes } from '../../src/crypto/_random.js';
import { deriveSubkey } from '../../src/keys/purposes.js';
import type { SealedField } from '../../src/schema.js';

const encoder = new TextEncoder();
const PREFIX = encoder.encode('waybill-shield/seal/ws1');

export function createNobleFloor(root: Uint8Array) {
  const sealKey = deriveSubkey(root, 'seal');
  const indexKey = deriveSubkey(root, 'index');
  const buf = new Uint8Array(64 * 1024);
  const mac = hmac.create(sha256, indexKey);
  return (id: string, values: [SealedField, string][], e164: string) => {
    let sum = 0;
    for (const [field, value] of values) {
      // Associated data: prefix, key id, length-prefixed waybill id and field (same bytes as sealField).
      buf.set(PREFIX, 0);
      let at = PREFIX.length;
      buf[at++] = 0;
      buf[at++] = 1;
      const w = encoder.encodeInto(id, buf.subarray(at + 2)).written;
      buf[at] = w >>> 8;
      buf[at + 1] = w & 0xff;
      at += 2 + w;
      const f = encoder.encodeInto(field, buf.subarray(at + 2)).written;
      buf[at] = f >>> 8;
      buf[at + 1] = f & 0xff;
      const aadLen = at + 2 + f;
      const ptAt = (aadLen + 3) & ~3;
      const ptLen = encoder.encodeInto(value, buf.subarray(ptAt)).written;
      const ctAt = (ptAt + ptLen + 3) & ~3;
      const ct = xchacha20poly1305(sealKey, freshBytes(24), buf.subarray(0, aadLen)).encrypt(buf.subarray(ptAt, ptAt + ptLen), buf.subarray(ctAt, ctAt + ptLen + 16));
      sum += ct[0]!;
    }
    const h = mac.clone();
    h.update(encoder.encode(`phone\u0000${e164}`));
    return sum + h.digest()[0]!;
  };
}
