/**
 * The portable XChaCha20-Poly1305 backend: @noble/ciphers, pure JavaScript. Used in browsers,
 * React Native, workers, and on any Node without a native `chacha20-poly1305`.
 * @module
 * @internal
 */
import { xchacha20poly1305 } from '@noble/ciphers/chacha.js';
import type { AeadBackend } from './_aead-types.js';

/** XChaCha20-Poly1305 through @noble/ciphers. @internal */
export const nobleAead: AeadBackend = {
  name: 'noble',
  seal: (key, nonce, aad, plaintext, output) => xchacha20poly1305(key, nonce, aad).encrypt(plaintext, output),
  open: (key, nonce, aad, sealed) => xchacha20poly1305(key, nonce, aad).decrypt(sealed),
};
