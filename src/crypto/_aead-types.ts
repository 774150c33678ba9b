/**
 * The contract an XChaCha20-Poly1305 backend meets. Backends throw on any failure (bad sizes,
 * bad tag); `_primitives.ts` turns every throw into the project's one generic error.
 * @module
 * @internal
 */

/** One XChaCha20-Poly1305 implementation (draft-irtf-cfrg-xchacha-03). @internal */
export interface AeadBackend {
  /** `noble` or `node`: for benchmarks and diagnostics, never for behaviour. */
  readonly name: 'noble' | 'node';
  /**
   * Encrypt; writes into `output` when given (exactly plaintext length + 16 bytes).
   * @returns ciphertext ‖ 16-byte tag
   */
  seal(key: Uint8Array, nonce: Uint8Array, aad: Uint8Array, plaintext: Uint8Array, output?: Uint8Array): Uint8Array;
  /** Decrypt and verify; throws on a bad tag or bad sizes. */
  open(key: Uint8Array, nonce: Uint8Array, aad: Uint8Array, sealed: Uint8Array): Uint8Array;
}
