/**
 * The two XChaCha20-Poly1305 backends (noble everywhere; node:crypto after HChaCha20 on Node) are
 * interchangeable: byte-identical output for any input, each opens what the other sealed, both
 * refuse tampering, and the backend choice falls back to noble whenever the native one is missing
 * or disagrees. (Wycheproof vectors through each backend: wycheproof.test.ts.)
 */
import * as nodeCrypto from 'node:crypto';
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { concatBytes } from '@noble/hashes/utils.js';
import { aead, selectAead, useAeadBackend } from '../../src/crypto/_aead.js';
import { nobleAead } from '../../src/crypto/_aead-noble.js';
import { createNodeAead, type NodeCryptoLike } from '../../src/crypto/_aead-node.js';
import type { AeadBackend } from '../../src/crypto/_aead-types.js';
import { openField, sealField, toBase64Url } from '../../src/crypto/envelope.js';
import { testKeyring } from '../helpers/fixtures.js';

const native = createNodeAead(nodeCrypto as unknown as NodeCryptoLike)!;
const bytes = (n: number) => fc.uint8Array({ minLength: n, maxLength: n });
const selected = aead;
afterEach(() => {
  useAeadBackend(selected);
});

describe('native and noble XChaCha20-Poly1305 backends', () => {
  it('Node selects the native backend at import', () => {
    expect(native).toBeDefined();
    expect(selected.name).toBe('node');
  });

  it('produce byte-identical output and open each other’s (property)', () => {
    fc.assert(
      fc.property(bytes(32), bytes(24), fc.uint8Array({ maxLength: 300 }), fc.uint8Array({ maxLength: 3000 }), (key, nonce, aad, pt) => {
        const a = nobleAead.seal(key, nonce, aad, pt);
        const b = native.seal(key, nonce, aad, pt);
        expect(b).toEqual(a);
        expect(native.open(key, nonce, aad, a)).toEqual(pt);
        expect(nobleAead.open(key, nonce, aad, b)).toEqual(pt);
      }),
      { numRuns: 300 },
    );
  });

  it('both refuse any single flipped bit of the sealed bytes, the nonce or the associated data (property)', () => {
    fc.assert(
      fc.property(bytes(32), bytes(24), fc.uint8Array({ maxLength: 64 }), fc.uint8Array({ maxLength: 200 }), fc.nat(), fc.integer({ min: 0, max: 7 }), fc.constantFrom('ct', 'nonce', 'aad'), (key, nonce, aad, pt, at, bit, where) => {
        const sealed = nobleAead.seal(key, nonce, aad, pt);
        const n = Uint8Array.from(nonce);
        const d = Uint8Array.from(aad);
        const s = Uint8Array.from(sealed);
        const target = where === 'ct' ? s : where === 'nonce' ? n : d;
        fc.pre(target.length > 0);
        target[at % target.length]! ^= 1 << bit;
        for (const b of [nobleAead, native]) expect(() => b.open(key, n, d, s)).toThrow();
      }),
      { numRuns: 200 },
    );
  });

  it('the native backend checks sizes itself: wrong key, nonce or output length throws', () => {
    const key = new Uint8Array(32);
    const nonce = new Uint8Array(24);
    expect(() => native.seal(new Uint8Array(16), nonce, new Uint8Array(0), new Uint8Array(3))).toThrow();
    expect(() => native.seal(key, new Uint8Array(12), new Uint8Array(0), new Uint8Array(3))).toThrow();
    expect(() => native.seal(key, nonce, new Uint8Array(0), new Uint8Array(3), new Uint8Array(18))).toThrow();
    expect(() => native.open(key, nonce, new Uint8Array(0), new Uint8Array(15))).toThrow();
  });

  it('envelopes are byte-identical under either backend, and each opens the other’s (property)', () => {
    const keyring = testKeyring();
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 200 }), fc.constantFrom('recipient.name', 'recipient.address', 'notes'), (text, field) => {
        for (const [sealWith, other] of [[nobleAead, native], [native, nobleAead]] as [AeadBackend, AeadBackend][]) {
          // Record exactly what sealField hands the backend (key, nonce, associated data, padded plaintext).
          const calls: { k: Uint8Array; n: Uint8Array; a: Uint8Array; p: Uint8Array }[] = [];
          useAeadBackend({
            name: sealWith.name,
            seal: (k, n, a, p, o) => {
              calls.push({ k: k.slice(), n: n.slice(), a: a.slice(), p: p.slice() });
              return sealWith.seal(k, n, a, p, o);
            },
            open: sealWith.open,
          });
          const env = sealField(keyring, 'WB7', field, text);
          expect(calls).toHaveLength(1);
          // The other backend, given the same inputs, yields the same envelope text.
          const c = calls[0]!;
          const same = toBase64Url(concatBytes(c.n, other.seal(c.k, c.n, c.a, c.p)));
          expect(env.endsWith(`.${same}`)).toBe(true);
          useAeadBackend(other);
          expect(openField(keyring, 'WB7', field, env)).toBe(text);
        }
      }),
      { numRuns: 150 },
    );
  });
});

describe('backend choice at import', () => {
  const realProcess = { getBuiltinModule: (id: string) => (id === 'crypto' ? nodeCrypto : undefined), env: {} };
  it('native when the runtime has node:crypto with chacha20-poly1305', () => expect(selectAead(realProcess, createNodeAead).name).toBe('node'));
  it('noble in a browser (no process), or where process has no getBuiltinModule (React Native shims, older Node)', () => {
    expect(selectAead(undefined, createNodeAead).name).toBe('noble');
    expect(selectAead({ env: {} }, createNodeAead).name).toBe('noble');
    // Without the injected constructor (what a browser build of the core does) it is noble too.
    expect(selectAead(realProcess).name).toBe('noble');
  });
  it('noble when the cipher is missing, the module throws, or WAYBILL_SHIELD_AEAD=noble', () => {
    expect(selectAead({ getBuiltinModule: () => ({ ...nodeCrypto, getCiphers: () => ['aes-256-gcm'] }) }, createNodeAead).name).toBe('noble');
    expect(selectAead({ getBuiltinModule: () => { throw new Error('no'); } }, createNodeAead).name).toBe('noble');
    expect(selectAead({ ...realProcess, env: { WAYBILL_SHIELD_AEAD: 'noble' } }, createNodeAead).name).toBe('noble');
  });
  it('noble when the native cipher does not reproduce noble’s bytes (self-test at selection)', () => {
    const lying = {
      ...nodeCrypto,
      createCipheriv: (...a: Parameters<typeof nodeCrypto.createCipheriv>) => {
        const c = nodeCrypto.createCipheriv(...a);
        const update = c.update.bind(c);
        (c as unknown as { update: (d: Uint8Array) => Uint8Array }).update = (d) => { const o = update(d); if (o.length) o[0]! ^= 1; return o; };
        return c;
      },
    };
    expect(selectAead({ getBuiltinModule: () => lying }, createNodeAead).name).toBe('noble');
  });
});

