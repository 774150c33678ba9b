import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { openField, sealField, envelopeKeyId, toBase64Url } from '../../src/crypto/envelope.js';
import { base64urlnopad } from '@scure/base';
import { nodeBase64UrlEncoder } from '../../src/crypto/_aead-node.js';
import { encodeBase64Url } from '../../src/crypto/_base64.js';
import { Keyring } from '../../src/keys/keyring.js';
import { WaybillShieldError } from '../../src/errors.js';
import { testKeyring } from '../helpers/fixtures.js';

const keyring = testKeyring();
const decryptFails = (fn: () => unknown) => {
  try {
    fn();
  } catch (e) {
    return e instanceof WaybillShieldError && e.code === 'DECRYPT_FAILED' && e.message === 'DECRYPT_FAILED: the sealed value could not be opened';
  }
  return false;
};

describe('envelopes', () => {
  it('encodes base64url exactly as @scure/base does, for any bytes (property)', () => {
    fc.assert(fc.property(fc.uint8Array({ maxLength: 20_000 }), (arr) => { const b = Uint8Array.from(arr); expect(toBase64Url(b)).toBe(base64urlnopad.encode(b)); }), { numRuns: 300 });
  });

  it('the Node base64url encoder (Buffer) installed with the native backend gives the same text as @scure/base on any bytes and offsets', () => {
    const node = nodeBase64UrlEncoder();
    expect(node).toBeDefined();
    // The test setup installs the Node backends, as the package's Node entry does.
    expect(encodeBase64Url).not.toBe(toBase64Url);
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 5_000 }), fc.nat(7), (arr, off) => {
        const buf = new Uint8Array(arr.length + 2 * off);
        buf.set(arr, off);
        const view = buf.subarray(off, off + arr.length);
        expect(node!(view)).toBe(base64urlnopad.encode(Uint8Array.from(arr)));
      }),
      { numRuns: 300 },
    );
  });

  it('both base64url encoders encode any range of any buffer as @scure/base encodes those bytes, alternating buffers (property)', () => {
    const node = nodeBase64UrlEncoder()!;
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.uint8Array({ maxLength: 600 }), fc.nat(), fc.nat()), { minLength: 1, maxLength: 6 }), (cases) => {
        for (const [arr, a, b] of cases) {
          // A view into a larger buffer, so byteOffset is not 0 either.
          const backing = new Uint8Array(arr.length + 5);
          backing.set(arr, 3);
          const bytes = backing.subarray(3, 3 + arr.length);
          const start = arr.length === 0 ? 0 : a % (arr.length + 1);
          const end = start + (arr.length === 0 ? 0 : b % (arr.length - start + 1));
          const want = base64urlnopad.encode(Uint8Array.from(arr.subarray(start, end)));
          expect(toBase64Url(bytes, start, end)).toBe(want);
          expect(node(bytes, start, end)).toBe(want);
          expect(node(bytes)).toBe(base64urlnopad.encode(Uint8Array.from(arr)));
        }
      }),
      { numRuns: 300 },
    );
  });

  it('seals of interleaved waybills, fields, key ids and epochs each bind their own context (property)', () => {
    // Sealing reuses the associated data's head between seals of one waybill: any order of seals
    // must still give envelopes that open in their own context and in no neighbour's.
    const first = Keyring.generate({ now: new Date('2026-03-15T00:00:00Z') });
    const epoch = '2026-03';
    // Same epoch, different primary key ids (1 and 2), and a keyring without epochs.
    const rings = [
      { ring: keyring, epoch: undefined },
      { ring: first, epoch },
      { ring: first.rotate(), epoch },
    ] as const;
    const ids = ['WB1', 'WB12', 'WB2', 'WB1A', 'X'];
    const fields = ['recipient.name', 'recipient.phone', 'recipient.address', 'goods.description', 'notes'] as const;
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.nat(rings.length - 1), fc.nat(ids.length - 1), fc.nat(fields.length - 1), fc.string({ maxLength: 40 })), { minLength: 1, maxLength: 12 }),
        (steps) => {
          const sealed = steps.map(([r, i, f, text]) => ({ r, i, f, text: text.replace(/\p{Cs}/gu, ''), env: '' }));
          for (const s of sealed) s.env = sealField(rings[s.r]!.ring, ids[s.i]!, fields[s.f]!, s.text, rings[s.r]!.epoch);
          for (const s of sealed) {
            const ring = rings[s.r]!.ring;
            expect(openField(ring, ids[s.i]!, fields[s.f]!, s.env)).toBe(s.text);
            const otherId = ids[(s.i + 1) % ids.length]!;
            expect(decryptFails(() => openField(ring, otherId, fields[s.f]!, s.env))).toBe(true);
            const otherField = fields[(s.f + 1) % fields.length]!;
            expect(decryptFails(() => openField(ring, ids[s.i]!, otherField, s.env))).toBe(true);
          }
        },
      ),
      { numRuns: 200 },
    );
  });

  it('seal/open round-trips any Unicode string (property)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 300 }), fc.string({ unit: 'binary', maxLength: 100 }), (plain, more) => {
        const text = plain + more.replace(/\p{Cs}/gu, '');
        const env = sealField(keyring, 'WB1', 'recipient.name', text);
        expect(env.startsWith('ws2.1.0.')).toBe(true);
        expect(openField(keyring, 'WB1', 'recipient.name', env)).toBe(text);
      }),
    );
  });

  it('uses a fresh nonce per seal', () => {
    expect(sealField(keyring, 'WB1', 'notes', 'x')).not.toBe(sealField(keyring, 'WB1', 'notes', 'x'));
  });

  it('rejects any single-character change with one generic error (property)', () => {
    const env = sealField(keyring, 'WB1', 'recipient.phone', '+84901234567');
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.';
    fc.assert(
      fc.property(fc.nat({ max: env.length - 1 }), fc.constantFrom(...alphabet), (pos, ch) => {
        fc.pre(env[pos] !== ch);
        const tampered = env.slice(0, pos) + ch + env.slice(pos + 1);
        expect(decryptFails(() => openField(keyring, 'WB1', 'recipient.phone', tampered))).toBe(true);
      }),
      { numRuns: 500 },
    );
  });

  it('does not open under another waybill id or field (property)', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[A-Z0-9]{1,20}$/), fc.constantFrom('recipient.name', 'recipient.address', 'sender.phone', 'notes'), (otherId, otherField) => {
        const env = sealField(keyring, 'WB1', 'recipient.phone', '+84901234567');
        if (otherId !== 'WB1') expect(decryptFails(() => openField(keyring, otherId, 'recipient.phone', env))).toBe(true);
        expect(decryptFails(() => openField(keyring, 'WB1', otherField, env))).toBe(true);
      }),
    );
  });

  it('does not open under another keyring, with an unknown key id, or from non-envelopes', () => {
    const env = sealField(keyring, 'WB1', 'notes', 'hello');
    expect(decryptFails(() => openField(Keyring.generate(), 'WB1', 'notes', env))).toBe(true);
    expect(decryptFails(() => openField(keyring, 'WB1', 'notes', env.replace('ws2.1.', 'ws2.2.')))).toBe(true);
    expect(decryptFails(() => openField(keyring, 'WB1', 'notes', env.replace('ws2.1.', 'ws1.1.').replace(/\.\d{4}-\d{2}\./, '.')))).toBe(true);
    for (const junk of ['', 'ws1', 'ws1.1.', 'ws1.1.AAAA', 'ws2.1.', 'ws2.1.0.AAAA', 'ws3.1.' + env.slice(6), 'ws2.1.2026-13.' + env.slice(14), 42, null, {}, 'ws2.1.0.' + 'A'.repeat(40000)]) {
      expect(decryptFails(() => openField(keyring, 'WB1', 'notes', junk))).toBe(true);
    }
  });

  it('names its key id, so old envelopes open after rotation', () => {
    const env = sealField(keyring, 'WB1', 'notes', 'hello');
    expect(envelopeKeyId(env)).toBe(1);
    const rotated = keyring.rotate();
    expect(openField(rotated, 'WB1', 'notes', env)).toBe('hello');
    expect(envelopeKeyId(sealField(rotated, 'WB1', 'notes', 'x'))).toBe(2);
  });
});
