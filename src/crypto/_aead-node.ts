/**
 * The native XChaCha20-Poly1305 backend for Node: the XChaCha subkey comes from HChaCha20
 * (@noble/ciphers' `hchacha`), then OpenSSL's IETF `chacha20-poly1305` seals under that subkey with
 * the nonce `0x00000000 ‖ nonce[16..24]` (draft-irtf-cfrg-xchacha-03 §2.3). Bytes are identical to
 * the noble backend's; tests check that property-wise and on the Wycheproof vectors.
 *
 * This module never imports `node:crypto`: the caller passes the module in, so nothing here
 * reaches a browser bundle as a `node:` import.
 * @module
 * @internal
 */
import { hchacha } from '@noble/ciphers/chacha.js';
import { selectAead, useAeadBackend, type ProcessLike } from './_aead.js';
import { base64UrlEncode, useBase64UrlEncoder, type Base64UrlEncoder } from './_base64.js';
import type { AeadBackend } from './_aead-types.js';

/** The parts of `node:crypto` this backend calls. @internal */
export interface NodeCryptoLike {
  getCiphers(): string[];
  createCipheriv(alg: 'chacha20-poly1305', key: Uint8Array, iv: Uint8Array, opts: { authTagLength: number }): NodeAeadCipher;
  createDecipheriv(alg: 'chacha20-poly1305', key: Uint8Array, iv: Uint8Array, opts: { authTagLength: number }): NodeAeadDecipher;
}
interface NodeAeadCipher {
  setAAD(aad: Uint8Array): unknown;
  update(data: Uint8Array): Uint8Array;
  final(): Uint8Array;
  getAuthTag(): Uint8Array;
}
interface NodeAeadDecipher {
  setAAD(aad: Uint8Array): unknown;
  setAuthTag(tag: Uint8Array): unknown;
  update(data: Uint8Array): Uint8Array;
  final(): Uint8Array;
}

const KEY = 32;
const NONCE = 24;
const TAG = 16;
// "expand 32-byte k" as little-endian words, laid out as bytes so hchacha's byte-order handling applies.
const SIGMA = /* @__PURE__ */ (() => new Uint32Array(new Uint8Array([...'expand 32-byte k'].map((c) => c.charCodeAt(0))).buffer))();

/**
 * A native backend over the given `node:crypto` module.
 * @param nc - `node:crypto` (or anything with the same three functions)
 * @returns the backend, or undefined when the runtime has no `chacha20-poly1305`
 * @internal
 */
export function createNodeAead(nc: NodeCryptoLike): AeadBackend | undefined {
  if (typeof nc?.getCiphers !== 'function' || !nc.getCiphers().includes('chacha20-poly1305')) return undefined;
  // Scratch words, reused: one seal runs synchronously to the end before the next starts.
  const k8 = new Uint8Array(KEY);
  const k32 = new Uint32Array(k8.buffer);
  const n8 = new Uint8Array(16);
  const n32 = new Uint32Array(n8.buffer);
  const sub32 = new Uint32Array(8);
  const sub8 = new Uint8Array(sub32.buffer);
  const iv = new Uint8Array(12); // bytes 0..3 stay zero

  /** Subkey into `sub8` and the 12-byte IETF nonce into `iv`. */
  function derive(key: Uint8Array, nonce: Uint8Array): void {
    if (!(key instanceof Uint8Array) || key.length !== KEY || !(nonce instanceof Uint8Array) || nonce.length !== NONCE) {
      throw new RangeError('XChaCha20-Poly1305 needs a 32-byte key and a 24-byte nonce');
    }
    k8.set(key);
    // Byte loops rather than `set(nonce.subarray(…))`: no view object per seal.
    for (let i = 0; i < 16; i++) n8[i] = nonce[i]!;
    hchacha(SIGMA, k32, n32, sub32);
    for (let i = 0; i < 8; i++) iv[4 + i] = nonce[16 + i]!;
  }
  function wipe(): void {
    k8.fill(0);
    sub8.fill(0);
  }

  return {
    name: 'node',
    seal(key, nonce, aad, plaintext, output) {
      derive(key, nonce);
      try {
        const c = nc.createCipheriv('chacha20-poly1305', sub8, iv, { authTagLength: TAG });
        c.setAAD(aad);
        const ct = c.update(plaintext);
        c.final();
        const tag = c.getAuthTag();
        const out = output ?? new Uint8Array(plaintext.length + TAG);
        if (out.length !== plaintext.length + TAG) throw new RangeError('output must be plaintext length + 16 bytes');
        out.set(ct, 0);
        out.set(tag, plaintext.length);
        return out;
      } finally {
        wipe();
      }
    },
    open(key, nonce, aad, sealed) {
      if (!(sealed instanceof Uint8Array) || sealed.length < TAG) throw new RangeError('sealed value is shorter than a tag');
      derive(key, nonce);
      try {
        const d = nc.createDecipheriv('chacha20-poly1305', sub8, iv, { authTagLength: TAG });
        d.setAAD(aad);
        d.setAuthTag(sealed.subarray(sealed.length - TAG));
        const pt = d.update(sealed.subarray(0, sealed.length - TAG));
        try {
          d.final(); // throws on a bad tag
        } catch (e) {
          pt.fill(0); // never hand back, or leave around, unauthenticated plaintext
          throw e;
        }
        return new Uint8Array(pt.buffer, pt.byteOffset, pt.length);
      } finally {
        wipe();
      }
    },
  };
}

/**
 * Install the native backend for this process when the runtime has node:crypto's
 * `chacha20-poly1305` and it reproduces noble's bytes (see `_aead.ts`); otherwise noble stays.
 * Also installs Buffer's native `base64url` for envelope text when it gives the portable
 * encoder's output on a self-test (it has no padding, like ours).
 * Called as a top-level statement by the Node entries (`index.node.ts`, the CLI and its worker
 * threads), so that the call lives in those entry files themselves: bundlers keep it there, while
 * a side-effect-only import of a shared chunk could be dropped. Browser builds never call it, so
 * they carry neither this backend nor a `node:` module.
 * @internal
 */
export function installNodeAead(): void {
  useAeadBackend(selectAead((globalThis as { process?: ProcessLike }).process, createNodeAead));
  const encoder = nodeBase64UrlEncoder();
  if (encoder) useBase64UrlEncoder(encoder);
}

type NodeBuffer = { toString(enc: 'base64url', start: number, end: number): string };
type BufferLike = { from(a: ArrayBufferLike, offset?: number, length?: number): NodeBuffer };

/**
 * Buffer's native base64url as an encoder, when this runtime has Buffer and it agrees with the
 * portable encoder on every length class and offset.
 *
 * Sealing encodes a range of one reused scratch buffer, so the encoder keeps a Buffer view of the
 * last `ArrayBuffer` it was given and encodes the range through it: no Buffer object per call.
 * That view holds only a reference to memory its caller already owns.
 * @returns the encoder, or undefined
 * @internal
 */
export function nodeBase64UrlEncoder(): Base64UrlEncoder | undefined {
  const B = (globalThis as { Buffer?: BufferLike }).Buffer;
  if (typeof B?.from !== 'function') return undefined;
  let lastBuffer: ArrayBufferLike | undefined;
  let lastView: NodeBuffer | undefined;
  const encode: Base64UrlEncoder = (bytes, start = 0, end = bytes.length) => {
    if (bytes.buffer !== lastBuffer || lastView === undefined) {
      lastView = B.from(bytes.buffer);
      lastBuffer = bytes.buffer;
    }
    return lastView.toString('base64url', bytes.byteOffset + start, bytes.byteOffset + end);
  };
  try {
    const probe = new Uint8Array(67).map((_, i) => (i * 151 + 7) & 0xff);
    for (let n = 0; n <= 6; n++) {
      const v = probe.subarray(n, probe.length - n);
      if (encode(v) !== base64UrlEncode(v)) return undefined;
      if (encode(probe, n, probe.length - 2 * n) !== base64UrlEncode(probe, n, probe.length - 2 * n)) return undefined;
    }
    return encode;
  } catch {
    return undefined;
  }
}
