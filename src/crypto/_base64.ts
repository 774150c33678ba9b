/**
 * base64url without padding (RFC 4648 §5), encode only. A table encoder writing ASCII into one
 * reused buffer, turned into a string by the platform's `TextDecoder` (browsers, React Native,
 * Node): about three times faster than `btoa` plus the two character replacements on
 * envelope-sized input, and no per-call intermediate strings. Output is identical to
 * `@scure/base`'s `base64urlnopad.encode` (a property test checks it); decoding stays with
 * `@scure/base` for its strict validation.
 * @module
 * @internal
 */

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
const TABLE = /* @__PURE__ */ Uint8Array.from(ALPHABET, (c) => c.charCodeAt(0));
const ascii = /* @__PURE__ */ new TextDecoder();
let out = /* @__PURE__ */ new Uint8Array(1024);

/**
 * Encode bytes as unpadded base64url.
 * @param bytes - any bytes
 * @param start - first byte to encode (default 0)
 * @param end - end of the bytes to encode, exclusive (default `bytes.length`)
 * @returns the base64url text, without `=` padding
 * @example
 * ```ts
 * base64UrlEncode(new Uint8Array([251, 255])) // '-_8'
 * ```
 */
export function base64UrlEncode(bytes: Uint8Array, start = 0, end = bytes.length): string {
  const n = end;
  const need = Math.ceil((end - start) / 3) * 4;
  if (out.length < need) out = new Uint8Array(need);
  const o8 = out;
  let o = 0;
  let i = start;
  for (; i + 2 < n; i += 3) {
    const x = (bytes[i]! << 16) | (bytes[i + 1]! << 8) | bytes[i + 2]!;
    o8[o++] = TABLE[x >>> 18]!;
    o8[o++] = TABLE[(x >>> 12) & 63]!;
    o8[o++] = TABLE[(x >>> 6) & 63]!;
    o8[o++] = TABLE[x & 63]!;
  }
  if (n - i === 1) {
    const x = bytes[i]! << 16;
    o8[o++] = TABLE[x >>> 18]!;
    o8[o++] = TABLE[(x >>> 12) & 63]!;
  } else if (n - i === 2) {
    const x = (bytes[i]! << 16) | (bytes[i + 1]! << 8);
    o8[o++] = TABLE[x >>> 18]!;
    o8[o++] = TABLE[(x >>> 12) & 63]!;
    o8[o++] = TABLE[(x >>> 6) & 63]!;
  }
  return ascii.decode(o8.subarray(0, o));
}

/** A base64url encoder over `bytes[start, end)`, as {@link base64UrlEncode}. @internal */
export type Base64UrlEncoder = (bytes: Uint8Array, start?: number, end?: number) => string;

/** The encoder sealing uses: {@link base64UrlEncode}, or a native one installed on Node. */
export let encodeBase64Url: Base64UrlEncoder = base64UrlEncode;

/**
 * Replace the encoder (the Node entries install Buffer's native `base64url`, which gives the same
 * text; `installNodeAead` in `_aead-node.ts`).
 * @param encoder - an encoder whose output equals {@link base64UrlEncode}'s for every input
 * @returns the encoder that was in use
 * @internal
 */
export function useBase64UrlEncoder(encoder: Base64UrlEncoder): Base64UrlEncoder {
  const was = encodeBase64Url;
  encodeBase64Url = encoder;
  return was;
}
