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
