import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Keyring } from '../../src/keys/keyring.js';
import { openField, sealField } from '../../src/crypto/envelope.js';
import { paddedLength, unpad, writePadding } from '../../src/crypto/_padding.js';
import { protect } from '../../src/protect.js';
import { LIMITS } from '../../src/schema.js';
import { sampleWaybill } from '../helpers/fixtures.js';

const keyring = Keyring.generate({ now: new Date('2026-11-30T00:00:00Z') });
const EPOCH = '2026-11';
const utf8 = (s: string) => new TextEncoder().encode(s).length;
// Names, addresses and notes as the schema accepts them: printable text.
const text = (max: number) =>
  fc.string({ unit: 'grapheme', minLength: 1, maxLength: max }).map((s) => s.replace(/[\p{Cc}\p{Cs}\p{Cf}]/gu, '').normalize('NFC').trim()).filter((s) => s.length > 0);

describe('length padding (format ws2)', () => {
  it('two names of different lengths within a bucket give envelopes of equal length (property)', () => {
    fc.assert(
      fc.property(text(40), text(40), (a, b) => {
        fc.pre(utf8(a) < 64 && utf8(b) < 64);
        expect(sealField(keyring, 'WB1', 'recipient.name', a, EPOCH).length).toBe(sealField(keyring, 'WB1', 'recipient.name', b, EPOCH).length);
      }),
      { numRuns: 300 },
    );
  });

  it('every phone envelope has the same length, whatever the number', () => {
    const lengths = new Set(['+84901234567', '+842838123456', '+12025550123', '+4915123456789', '+8613912345678'].map((p) => sealField(keyring, 'WB1', 'recipient.phone', p, EPOCH).length));
    expect(lengths.size).toBe(1);
  });

  it('protect: records of different name, phone and short-address lengths are the same size', () => {
    const a = protect(sampleWaybill({ recipient: { name: 'An', phone: '0901234567', address: 'Hà Nội' } }), { keyring });
    const b = protect(sampleWaybill({ recipient: { name: 'Nguyễn Thị Phương Thảo', phone: '02838123456', address: 'Số 5 ngõ 2 Hàng Bài, Hà Nội' } }), { keyring });
    for (const f of ['recipient.name', 'recipient.phone', 'recipient.address'] as const) expect(a.sealed[f]!.length).toBe(b.sealed[f]!.length);
  });

  it('addresses, goods and notes fall in power-of-two buckets, the last one the field maximum', () => {
    expect([0, 63, 64, 127, 128, 500].map((n) => paddedLength('recipient.address', n))).toEqual([64, 64, 128, 128, 256, 512]);
    expect(paddedLength('recipient.address', LIMITS.address * 3)).toBe(LIMITS.address * 3 + 1);
    expect(paddedLength('notes', LIMITS.notes * 3)).toBe(LIMITS.notes * 3 + 1);
    expect(paddedLength('goods.description', 1500)).toBe(2048);
    expect(paddedLength('recipient.name', 63)).toBe(64);
    expect(paddedLength('recipient.name', 64)).toBe(128);
    expect(paddedLength('sender.phone', 16)).toBe(32);
    expect(paddedLength('recipient.altPhone', 16)).toBe(32);
    expect(paddedLength('goods.category', 10)).toBe(32);
  });

  it('the envelope length depends only on the bucket (property)', () => {
    fc.assert(
      fc.property(text(500), (addr) => {
        const env = sealField(keyring, 'WB1', 'recipient.address', addr, EPOCH);
        const bucket = paddedLength('recipient.address', utf8(addr));
        // ws2.1.YYYY-MM. + base64url(24-byte nonce + bucket + 16-byte tag)
        expect(env.length).toBe(14 + Math.ceil(((24 + bucket + 16) * 4) / 3));
        expect(openField(keyring, 'WB1', 'recipient.address', env)).toBe(addr);
      }),
      { numRuns: 200 },
    );
  });

  it('pads and unpads any bytes, including ones ending in 0x00 or 0x80 (property)', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), (bytes) => {
        const size = paddedLength('notes', bytes.length);
        const buf = new Uint8Array(size + 8).fill(0xee);
        buf.set(bytes, 0);
        writePadding(buf, 0, bytes.length, size);
        expect([...unpad(buf.subarray(0, size))!]).toEqual([...bytes]);
      }),
    );
    expect(unpad(new Uint8Array(32))).toBeUndefined();
    expect(unpad(Uint8Array.of(0x61, 0x62))).toBeUndefined();
  });
});
