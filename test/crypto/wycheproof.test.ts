/**
 * Project Wycheproof vectors (test/vectors/README.md) run through the project's own wrappers in
 * src/crypto/_primitives.ts: every valid vector passes, every invalid one is refused with the
 * project's generic error. The XChaCha20-Poly1305 vectors also run through each backend on its
 * own (noble, and node:crypto after HChaCha20), so both are checked whichever one is selected.
 */
import * as nodeCrypto from 'node:crypto';
import { readFileSync } from 'node:fs';
import { hexToBytes, bytesToHex, concatBytes } from '@noble/hashes/utils.js';
import { describe, expect, it } from 'vitest';
import { aeadDecrypt, aeadEncrypt, hkdfSha256, hmacSha256, verifyHmacSha256 } from '../../src/crypto/_primitives.js';
import { WaybillShieldError } from '../../src/errors.js';
import { aead } from '../../src/crypto/_aead.js';
import { nobleAead } from '../../src/crypto/_aead-noble.js';
import { createNodeAead, type NodeCryptoLike } from '../../src/crypto/_aead-node.js';

type Vector = Record<string, unknown> & { tcId: number; result: 'valid' | 'invalid' | 'acceptable'; flags: string[] };
type Group = Record<string, unknown> & { tests: Vector[] };
const load = (f: string) => JSON.parse(readFileSync(new URL(`../vectors/${f}`, import.meta.url), 'utf8')) as { numberOfTests: number; testGroups: Group[] };
const h = (s: unknown) => hexToBytes(s as string);

describe('Wycheproof XChaCha20-Poly1305 through aeadEncrypt/aeadDecrypt', () => {
  const file = load('xchacha20_poly1305_test.json');
  const tests = file.testGroups.flatMap((g) => g.tests.map((t) => ({ g, t })));
  it('covers every vector in the file', () => expect(tests.length).toBe(file.numberOfTests));
  const valid = tests.filter((x) => x.t.result === 'valid');
  const invalid = tests.filter((x) => x.t.result === 'invalid');
  it(`the wrappers run on the native backend here (Node with chacha20-poly1305)`, () => expect(aead.name).toBe('node'));
  it(`passes all ${valid.length} valid vectors both ways`, () => {
    expect(valid.length).toBeGreaterThan(0);
    for (const { t } of valid) {
      const sealed = aeadEncrypt(h(t.key), h(t.iv), h(t.aad), h(t.msg));
      expect(bytesToHex(sealed), `tcId ${t.tcId}`).toBe((t.ct as string) + (t.tag as string));
      expect(bytesToHex(aeadDecrypt(h(t.key), h(t.iv), h(t.aad), sealed)), `tcId ${t.tcId}`).toBe(t.msg);
    }
  });
  it(`refuses all ${invalid.length} invalid vectors with the generic DECRYPT_FAILED`, () => {
    expect(invalid.length).toBeGreaterThan(0);
    for (const { t } of invalid) {
      let err: unknown;
      try {
        aeadDecrypt(h(t.key), h(t.iv), h(t.aad), concatBytes(h(t.ct), h(t.tag)));
      } catch (e) {
        err = e;
      }
      expect(err, `tcId ${t.tcId}`).toBeInstanceOf(WaybillShieldError);
      expect((err as WaybillShieldError).code).toBe('DECRYPT_FAILED');
      expect((err as WaybillShieldError).message).toBe('DECRYPT_FAILED: the sealed value could not be opened');
    }
  });
});

describe.each([
  ['noble', nobleAead],
  ['node', createNodeAead(nodeCrypto as unknown as NodeCryptoLike)!],
])('Wycheproof XChaCha20-Poly1305 through the %s backend directly', (_name, backend) => {
  const file = load('xchacha20_poly1305_test.json');
  const tests = file.testGroups.flatMap((g) => g.tests.map((t) => ({ g, t })));
  it('exists on this runtime', () => expect(backend).toBeDefined());
  it('seals every valid vector to its ciphertext and tag, into a fresh or a given output, and opens it', () => {
    let n = 0;
    for (const { t } of tests.filter((x) => x.t.result === 'valid')) {
      const want = (t.ct as string) + (t.tag as string);
      expect(bytesToHex(backend.seal(h(t.key), h(t.iv), h(t.aad), h(t.msg))), `tcId ${t.tcId}`).toBe(want);
      const out = new Uint8Array(h(t.msg).length + 16);
      backend.seal(h(t.key), h(t.iv), h(t.aad), h(t.msg), out);
      expect(bytesToHex(out), `tcId ${t.tcId}`).toBe(want);
      expect(bytesToHex(backend.open(h(t.key), h(t.iv), h(t.aad), h(want))), `tcId ${t.tcId}`).toBe(t.msg);
      n++;
    }
    expect(n).toBeGreaterThan(0);
  });
  it('throws on every invalid vector', () => {
    let n = 0;
    for (const { t } of tests.filter((x) => x.t.result === 'invalid')) {
      expect(() => backend.open(h(t.key), h(t.iv), h(t.aad), concatBytes(h(t.ct), h(t.tag))), `tcId ${t.tcId}`).toThrow();
      n++;
    }
    expect(n).toBeGreaterThan(0);
  });
});

describe('Wycheproof HMAC-SHA256 (full and truncated tags) through hmacSha256/verifyHmacSha256', () => {
  const file = load('hmac_sha256_test.json');
  const tests = file.testGroups.flatMap((g) => g.tests.map((t) => ({ g, t })));
  it('covers every vector in the file', () => expect(tests.length).toBe(file.numberOfTests));
  it('accepts every valid tag and computes it exactly; refuses every invalid tag', () => {
    let v = 0;
    let inv = 0;
    for (const { g, t } of tests) {
      const tagBytes = (g.tagSize as number) / 8;
      const ok = verifyHmacSha256(h(t.key), h(t.msg), h(t.tag));
      if (t.result === 'valid') {
        v++;
        expect(ok, `tcId ${t.tcId}`).toBe(true);
        expect(bytesToHex(hmacSha256(h(t.key), h(t.msg), tagBytes))).toBe(t.tag);
      } else {
        inv++;
        expect(ok, `tcId ${t.tcId}`).toBe(false);
      }
    }
    expect(v).toBeGreaterThan(0);
    expect(inv).toBeGreaterThan(0);
  });
});

describe('Wycheproof HKDF-SHA256 through hkdfSha256', () => {
  const file = load('hkdf_sha256_test.json');
  const tests = file.testGroups.flatMap((g) => g.tests.map((t) => ({ g, t })));
  it('covers every vector in the file', () => expect(tests.length).toBe(file.numberOfTests));
  it('derives every valid output and refuses every invalid request with WaybillShieldError', () => {
    let inv = 0;
    for (const { t } of tests) {
      const salt = (t.salt as string).length ? h(t.salt) : undefined;
      if (t.result === 'valid') {
        expect(bytesToHex(hkdfSha256(h(t.ikm), salt, h(t.info), t.size as number)), `tcId ${t.tcId}`).toBe(t.okm);
      } else {
        inv++;
        expect(() => hkdfSha256(h(t.ikm), salt, h(t.info), t.size as number), `tcId ${t.tcId}`).toThrow(WaybillShieldError);
      }
    }
    expect(inv).toBeGreaterThan(0);
  });
});
