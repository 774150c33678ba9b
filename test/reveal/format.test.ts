import { readFileSync } from 'node:fs';
import { hkdf } from '@noble/hashes/hkdf.js';
import { hmac } from '@noble/hashes/hmac.js';
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, hexToBytes, utf8ToBytes } from '@noble/hashes/utils.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Keyring } from '../../src/keys/keyring.js';
import { SEALED_FIELDS, type SealedField } from '../../src/schema.js';
import { formatRevealToken, issueRevealToken, redeemRevealToken } from '../../src/reveal/index.js';
import { decodeToken, encodeToken, normalizeToken, tagMessage } from '../../src/reveal/_format.js';
import { MemoryLedger } from '../../src/ledger/memory.js';

interface Vector {
  name: string;
  keyring: 'A' | 'B';
  waybillId: string;
  courierId: string;
  assignment: number;
  fields: SealedField[];
  notBefore: string;
  notAfter: string;
  keyId: number;
  fieldMask: number;
  nbUnits: number;
  durationUnits: number;
  message: string;
  tag: string;
  token: string;
  tokenId: string;
}

const doc = readFileSync(new URL('../../docs/token-format.md', import.meta.url), 'utf8');
const block = /<!-- vectors:begin -->\s*```json\n([\s\S]*?)```\s*<!-- vectors:end -->/.exec(doc);
const vectors: Vector[] = JSON.parse(block![1]!);

const K1 = 'AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8';
const K2 = 'ICEiIyQlJicoKSorLC0uLzAxMjM0NTY3ODk6Ozw9Pj8';
const KEYRINGS = {
  A: Keyring.fromJSON({ v: 1, primary: 1, keys: [{ id: 1, key: K1, created: '2025-01-01T00:00:00.000Z' }] }),
  B: Keyring.fromJSON({
    v: 1,
    primary: 10,
    keys: [
      { id: 1, key: K1, created: '2025-01-01T00:00:00.000Z' },
      { id: 10, key: K2, created: '2026-06-01T00:00:00.000Z' },
    ],
  }),
};
const ROOTS: Record<number, Uint8Array> = {
  1: Uint8Array.from({ length: 32 }, (_, i) => i),
  10: Uint8Array.from({ length: 32 }, (_, i) => 32 + i),
};

/** An independent reading of docs/token-format.md: BigInt bit packing, noble HKDF + HMAC. */
function referenceToken(v: Vector): { message: string; token: string; tokenId: string } {
  const subkey = hkdf(sha256, ROOTS[v.keyId]!, utf8ToBytes('waybill-shield/hkdf-salt/v1'), utf8ToBytes('waybill-shield/v1/reveal'), 32);
  const u = (n: number, bytes: number) => n.toString(16).padStart(bytes * 2, '0');
  const lp = (s: string) => u(s.length, 2) + bytesToHex(utf8ToBytes(s));
  const mask = v.fields.reduce((m, f) => m | (1 << (7 - SEALED_FIELDS.indexOf(f))), 0);
  const message =
    bytesToHex(utf8ToBytes('waybill-shield/reveal-token/v1\u0000')) +
    u(1, 1) + u(v.keyId, 2) + u(mask, 1) + u(v.nbUnits, 4) + u(v.durationUnits, 2) + lp(v.waybillId) + lp(v.courierId) + u(v.assignment, 4);
  const mac = hmac(sha256, subkey, hexToBytes(message));
  let bits = 1n;
  bits = (bits << 3n) | BigInt(v.keyId % 8);
  bits = (bits << 8n) | BigInt(mask);
  bits = (bits << 13n) | BigInt(v.nbUnits % 8192);
  bits = (bits << 10n) | BigInt(v.durationUnits - 1);
  bits = (bits << 64n) | BigInt(`0x${bytesToHex(mac.subarray(0, 8))}`);
  const alphabet = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
  let token = '';
  for (let i = 19; i >= 0; i--) token += alphabet[Number((bits >> BigInt(i * 5)) & 31n)];
  return { message, token, tokenId: bytesToHex(mac.subarray(8, 24)) };
}

describe('token format vectors (docs/token-format.md)', () => {
  it('has vectors', () => {
    expect(vectors.length).toBeGreaterThanOrEqual(3);
  });

  for (const v of vectors) {
    it(`issues the documented token: ${v.name}`, () => {
      const keyring = KEYRINGS[v.keyring];
      const token = issueRevealToken({
        keyring,
        waybillId: v.waybillId,
        courierId: v.courierId,
        assignment: v.assignment,
        fields: v.fields,
        notBefore: new Date(v.notBefore),
        notAfter: new Date(v.notAfter),
      });
      expect(token).toBe(v.token);
      expect(token).toHaveLength(20);
      const d = decodeToken(token)!;
      expect(d.version).toBe(1);
      expect(d.kidLow).toBe(v.keyId % 8);
      expect(d.fieldMask).toBe(v.fieldMask);
      expect(d.nbLow).toBe(v.nbUnits % 8192);
      expect(d.durationUnits).toBe(v.durationUnits);
      expect(bytesToHex(d.tag)).toBe(v.tag);
      const msg = tagMessage({ version: 1, keyId: v.keyId, fieldMask: v.fieldMask, nbUnits: v.nbUnits, durationUnits: v.durationUnits, waybillId: v.waybillId, courierId: v.courierId, assignment: v.assignment });
      expect(bytesToHex(msg)).toBe(v.message);
    });

    it(`matches an independent implementation of the spec: ${v.name}`, () => {
      const ref = referenceToken(v);
      expect(ref.message).toBe(v.message);
      expect(ref.token).toBe(v.token);
      expect(ref.tokenId).toBe(v.tokenId);
    });

    it(`redeems inside its window: ${v.name}`, async () => {
      const grant = await redeemRevealToken(formatRevealToken(v.token).toLowerCase(), {
        keyring: KEYRINGS[v.keyring],
        waybillId: v.waybillId,
        courierId: v.courierId,
        assignment: v.assignment,
        now: new Date(v.notBefore),
        ledger: new MemoryLedger(),
      });
      expect(grant.fields).toEqual(v.fields);
    });
  }
});

describe('token text', () => {
  const token = vectors[0]!.token;

  it('accepts lowercase, grouping and the I/L/O aliases', () => {
    expect(normalizeToken(token.toLowerCase())).toBe(token);
    expect(normalizeToken(formatRevealToken(token))).toBe(token);
    expect(normalizeToken(` ${token.slice(0, 10)}  ${token.slice(10)} `)).toBe(token);
    expect(normalizeToken(token.replace(/0/g, 'O').replace(/1/g, 'l'))).toBe(token);
    expect(normalizeToken(token.replace(/0/g, 'o').replace(/1/g, 'I'))).toBe(token);
  });

  it('refuses other lengths, U, punctuation and huge input', () => {
    expect(normalizeToken(token.slice(1))).toBeUndefined();
    expect(normalizeToken(`${token}0`)).toBeUndefined();
    expect(normalizeToken(`U${token.slice(1)}`)).toBeUndefined();
    expect(normalizeToken(`${token.slice(0, 19)}*`)).toBeUndefined();
    expect(normalizeToken('-'.repeat(1000) + token)).toBeUndefined();
    expect(normalizeToken(42)).toBeUndefined();
  });

  it('groups as XXXXX-XXXXX-XXXXX-XXXXX', () => {
    expect(formatRevealToken(token)).toMatch(/^[0-9A-Z]{5}-[0-9A-Z]{5}-[0-9A-Z]{5}-[0-9A-Z]{5}$/);
    expect(() => formatRevealToken('nope')).toThrow(expect.objectContaining({ code: 'INVALID_INPUT' }));
  });

  it('encodes and decodes every header value losslessly', () => {
    for (const h of [
      { version: 1, kidLow: 0, fieldMask: 1, nbLow: 0, durationUnits: 1 },
      { version: 3, kidLow: 7, fieldMask: 255, nbLow: 8191, durationUnits: 1024 },
      { version: 1, kidLow: 5, fieldMask: 0x40, nbLow: 4097, durationUnits: 513 },
    ]) {
      const tag = Uint8Array.from({ length: 8 }, (_, i) => (i * 37 + h.nbLow) & 0xff);
      const t = encodeToken(h, tag);
      expect(t).toHaveLength(20);
      const d = decodeToken(t)!;
      expect({ ...d, tag: bytesToHex(d.tag) }).toEqual({ ...h, tag: bytesToHex(tag) });
    }
  });
});

//#region alphabet: only ASCII letters, digits and the documented aliases

const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
/** What a naive normaliser did: case-map first, alias after. Used only as the test's oracle. */
const naiveFold = (s: string): string => s.replace(/[\s-]+/g, '').toUpperCase().replace(/O/g, '0').replace(/[IL]/g, '1');

/**
 * Every non-ASCII code point whose case mapping or compatibility form contains an ASCII letter
 * or digit: U+017F ſ, U+0131 ı, U+0130 İ, U+212A KELVIN SIGN, ligatures (U+FB01 ﬁ), full-width
 * and mathematical letters, superscripts… Computed, not listed, so nothing is forgotten.
 */
const FOLDING: string[] = [];
for (let cp = 0x80; cp <= 0x10ffff; cp++) {
  if (cp >= 0xd800 && cp <= 0xdfff) continue;
  const c = String.fromCodePoint(cp);
  const forms = [c.toUpperCase(), c.toLowerCase(), c.normalize('NFKC'), c.normalize('NFKD'), c.normalize('NFKC').toUpperCase()];
  if (forms.some((f) => /[0-9A-Za-z]/.test(f))) FOLDING.push(c);
}

/** Put `c` in place of the characters of `token` its upper-case fold stands for, at `at`. */
function spell(token: string, c: string, at: number): string {
  const n = c.toUpperCase().length;
  const i = Math.min(at, token.length - Math.min(n, token.length));
  return token.slice(0, i) + c + token.slice(i + n);
}

describe('token alphabet: no Unicode spelling of a token (issue #13)', () => {
  const token = vectors[0]!.token;

  it('finds the folding code points (the oracle is not empty)', () => {
    for (const c of ['\u017f', '\u0131', '\u0130', '\u212a', '\ufb01', '\uff21']) expect(FOLDING).toContain(c);
    expect(FOLDING.length).toBeGreaterThan(1000);
  });

  it('the old case-fold-first reading accepted ſ, ı and ligature spellings; they are refused now', () => {
    // A token with an S and a 1 in it, so each spelling below names a real token under the naive fold.
    const t = encodeToken({ version: 1, kidLow: 1, fieldMask: 0x40, nbLow: 1234, durationUnits: 96 }, Uint8Array.from([0xe5, 0x31, 0x7a, 0x10, 0x42, 0x99, 0xcc, 0x01]));
    const spellings: string[] = [];
    for (const [ascii, c] of [['S', '\u017f'], ['1', '\u0131']] as const) {
      const at = t.indexOf(ascii);
      if (at >= 0) spellings.push(t.slice(0, at) + c + t.slice(at + 1));
    }
    expect(spellings.length).toBeGreaterThan(0);
    for (const s of spellings) {
      expect(naiveFold(s)).toBe(t);
      expect(normalizeToken(s)).toBeUndefined();
    }
    expect(normalizeToken(t)).toBe(t);
  });

  it('refuses every folding code point at every position of a real token (exhaustive)', () => {
    let wouldHavePassed = 0;
    for (const c of FOLDING) {
      for (let at = 0; at < token.length; at += 7) {
        const s = spell(token, c, at);
        if (/^[0-9A-HJKMNP-TV-Z]{20}$/.test(naiveFold(s))) wouldHavePassed++;
        expect(normalizeToken(s)).toBeUndefined();
      }
    }
    // ſ, ı, İ and the ligatures fold onto valid tokens under the naive reading: the test bites.
    expect(wouldHavePassed).toBeGreaterThan(0);
  });

  it('property: a random token with any folding code point spliced in is refused; ASCII aliases still pass', () => {
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom(...CROCKFORD), { minLength: 20, maxLength: 20 }),
        fc.constantFrom(...FOLDING),
        fc.nat(19),
        (chars, c, at) => {
          const t = chars.join('');
          expect(normalizeToken(spell(t, c, at))).toBeUndefined();
          const aliased = t.toLowerCase().replace(/0/g, 'o').replace(/1/g, 'l');
          expect(normalizeToken(aliased)).toBe(t);
        },
      ),
      { numRuns: 2_000 },
    );
  });

  it('property: whatever is accepted is written in ASCII letters, digits, white space and -', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 30 }), fc.array(fc.constantFrom(...CROCKFORD, ...FOLDING), { minLength: 20, maxLength: 20 }), (junk, chars) => {
        for (const s of [junk, chars.join('')]) {
          const n = normalizeToken(s);
          if (n !== undefined) expect(s).toMatch(/^[0-9A-Za-z\s-]+$/);
        }
      }),
      { numRuns: 1_000 },
    );
  });

  it('redeem refuses a ſ/ı spelling of a valid token with the generic TOKEN_REJECTED', async () => {
    const v = vectors.find((x) => /[S1]/.test(x.token))!;
    const at = v.token.search(/[S1]/);
    const spelled = v.token.slice(0, at) + (v.token[at] === 'S' ? '\u017f' : '\u0131') + v.token.slice(at + 1);
    expect(naiveFold(spelled)).toBe(v.token);
    await expect(
      redeemRevealToken(spelled, { keyring: KEYRINGS[v.keyring], waybillId: v.waybillId, courierId: v.courierId, assignment: v.assignment, now: new Date(v.notBefore), ledger: new MemoryLedger() }),
    ).rejects.toMatchObject({ code: 'TOKEN_REJECTED' });
    // The same token in its documented spelling still redeems.
    const grant = await redeemRevealToken(v.token, { keyring: KEYRINGS[v.keyring], waybillId: v.waybillId, courierId: v.courierId, assignment: v.assignment, now: new Date(v.notBefore), ledger: new MemoryLedger() });
    expect(grant.fields).toEqual(v.fields);
  });
});

//#endregion
