import { describe, expect, it } from 'vitest';
import { phoneIndex, phoneIndexes, PHONE_INDEX_BITS } from '../../src/crypto/blind-index.js';
import { Keyring } from '../../src/keys/keyring.js';
import { hmacSha256 } from '../../src/crypto/_primitives.js';
import { deriveSubkey } from '../../src/keys/purposes.js';
import { bytesToHex, utf8ToBytes, concatBytes } from '@noble/hashes/utils.js';
import { base64urlnopad } from '@scure/base';
import { testKeyring, TEST_KEYRING_JSON } from '../helpers/fixtures.js';

const keyring = testKeyring();

describe('phoneIndex', () => {
  it('is the same for every format of the same number', () => {
    const formats = ['0901 234 567', '+84901234567', '84-90-123-4567', '(090) 123-4567', '+84 90 123 45 67', '0901.234.567'];
    const idx = formats.map((f) => phoneIndex(f, { keyring }));
    expect(new Set(idx).size).toBe(1);
    expect(idx[0]).toMatch(/^k1\.[0-9a-f]{8}$/);
    expect(PHONE_INDEX_BITS).toBe(32);
  });

  it('converts legacy 11-digit numbers before indexing', () => {
    expect(phoneIndex('0168 123 4567', { keyring })).toBe(phoneIndex('0381234567', { keyring }));
  });

  it('is a keyed HMAC-SHA256 of the E.164 under the index subkey, truncated to 32 bits', () => {
    const root = base64urlnopad.decode(TEST_KEYRING_JSON.keys[0]!.key);
    const expected = hmacSha256(deriveSubkey(root, 'index'), concatBytes(utf8ToBytes('phone\u0000'), utf8ToBytes('+84901234567')));
    expect(phoneIndex('0901234567', { keyring })).toBe(`k1.${bytesToHex(expected.subarray(0, 4))}`);
  });

  it('differs across keys and distinct numbers; phoneIndexes covers every key, primary first', () => {
    const other = Keyring.generate();
    expect(phoneIndex('0901234567', { keyring: other })).not.toBe(phoneIndex('0901234567', { keyring }));
    expect(phoneIndex('0901234568', { keyring })).not.toBe(phoneIndex('0901234567', { keyring }));
    const rotated = keyring.rotate();
    const all = phoneIndexes('0901234567', { keyring: rotated });
    expect(all).toHaveLength(2);
    expect(all[0]!.startsWith('k2.')).toBe(true);
    expect(all[1]).toBe(phoneIndex('0901234567', { keyring }));
    expect(phoneIndex('0901234567', { keyring: rotated, keyId: 1 })).toBe(all[1]);
  });

  it('rejects invalid phones with INVALID_PHONE and no digits in the message', () => {
    expect(() => phoneIndex('0901', { keyring })).toThrow(/^INVALID_PHONE: not a valid/);
    try {
      phoneIndex('12345678', { keyring });
    } catch (e) {
      expect((e as Error).message).not.toMatch(/\d{3}/);
    }
  });
});
