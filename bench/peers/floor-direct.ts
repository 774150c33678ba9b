/**
 * Peer: the noble calls protect() makes, written as a direct caller of noble would: one
 * XChaCha20-Poly1305 encryption per sealed field (plaintext and associated data encoded per call,
 * nonces from the same batched CSPRNG source the library uses) and one HMAC-SHA256 for the index.
 * No validation, masking or text encoding of the output.
 */
import { xchacha20poly1305 } from '@noble/ciphers/chacha.js';
import { hmac } from '@noble/hashes/hmac.js';
import { sha256 } from '@noble/hashes/sha2.js';
import { utf8ToBytes } from '@noble/hashes/utils.js';
import { associatedData } from '../../src/crypto/envelope.js';
import { freshBytes } from '../../src/crypto/_random.js';
import { deriveSubkey } from '../../src/keys/purposes.js';
import type { SealedField } from '../../src/schema.js';

export function createDirectNobleFloor(root: Uint8Array) {
  const sealKey = deriveSubkey(root, 'seal');
  const indexKey = deriveSubkey(root, 'index');
  return (id: string, values: [SealedField, string][], e164: string) => {
    const out: Uint8Array[] = [];
    for (const [field, value] of values) {
      out.push(xchacha20poly1305(sealKey, freshBytes(24), associatedData(1, id, field)).encrypt(utf8ToBytes(value)));
    }
    out.push(hmac(sha256, indexKey, utf8ToBytes(`phone\u0000${e164}`)));
    return out;
  };
}

