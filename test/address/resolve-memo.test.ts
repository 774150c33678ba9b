import { describe, expect, it } from 'vitest';
import { addressRouting, maskAddress, parseAddress } from '../../src/address/index.js';
import { digestOf, generatedAddresses } from './_differential-corpus.js';

// The address step keeps some results across calls: masking and routing the last resolution of a
// parse result's units (`_resolve.ts`), keyed by the unit objects; the parser the cuts of long entry
// lists by place (`parse.ts`); the tokenizer, the word cache. These tests hold each to giving
// exactly what a fresh computation gives, whatever was read before, and the first to never keeping
// a unit object that is not the gazetteer's own.

const ADDRESSES = [
  '47/9B Lê Lợi, Phường Bến Nghé, Quận 1, TP.HCM',
  'Số 12 ngõ 34 Nguyễn Trãi, Phường Thượng Đình, Quận Thanh Xuân, Hà Nội',
  '88 đường 3/2, phường 12, quận 10, Hồ Chí Minh',
  'Ấp 3, xã Tân Thạnh Tây, huyện Củ Chi, TPHCM',
  'P402 tòa CT2, 36 Lê Văn Lương, Phường Thanh Xuân, Hà Nội',
  'Số 1, P. Phúc Xá, Q. Ba Đình, Hà Nội',
  'P. Cống Vị, Q. Ba Đình, Hà Nội',
  'Hà Giang',
  'nhà bà Tư đầu hẻm',
];

/** The same parse result with new unit objects of the same fields (found by scheme and code). */
function copied<T>(p: T): T {
  return JSON.parse(JSON.stringify(p)) as T;
}

describe('resolving the units of a parse result', () => {
  it('gives the same label and routing from the parser’s own units as from copies of them, in any order of calls', () => {
    const parsed = ADDRESSES.map((a) => parseAddress(a));
    const fresh = parsed.map((p) => ({
      label: maskAddress(copied(p)),
      converted: maskAddress(copied(p), { convertTo2025: true }),
      routing: addressRouting(copied(p)),
    }));
    // Interleaved so the kept resolution is sometimes the one asked for and sometimes another one.
    for (let round = 0; round < 3; round++) {
      for (let i = 0; i < parsed.length; i++) {
        const k = (i * (round + 2)) % parsed.length;
        const p = parsed[k]!;
        expect(maskAddress(p)).toBe(fresh[k]!.label);
        expect(addressRouting(p)).toEqual(fresh[k]!.routing);
        expect(maskAddress(p, { convertTo2025: true })).toBe(fresh[k]!.converted);
        expect(addressRouting(p)).toEqual(fresh[k]!.routing);
      }
    }
  });

  it('reads a hand-made unit object again on every call (a changed object is never answered from before)', () => {
    const a = parseAddress('Phường Bến Nghé, Quận 1, TP.HCM');
    const b = parseAddress('Phường Thượng Đình, Quận Thanh Xuân, Hà Nội');
    expect(a.ward).not.toBeNull();
    expect(b.ward).not.toBeNull();
    const wardOnly = { keep: { district: false, province: false } } as const;
    const labelA = maskAddress(a, wardOnly);
    const labelB = maskAddress(b, wardOnly);
    expect(labelA).not.toBe(labelB);
    const unit = { ...a.ward! };
    const handMade = { ...a, ward: unit };
    expect(addressRouting(handMade).ward?.code).toBe(a.ward!.code);
    expect(maskAddress(handMade, wardOnly)).toBe(labelA);
    // The same object, now naming another ward, asked for right after.
    Object.assign(unit, { ...b.ward! });
    expect(addressRouting(handMade).ward?.code).toBe(b.ward!.code);
    expect(maskAddress(handMade, wardOnly)).toBe(labelB);
  });

  it('gives every address the same outputs whatever was read before it (forward, backward and interleaved order)', () => {
    const texts = generatedAddresses(400, 0x0dd5);
    const forward = texts.map((t) => digestOf(t));
    const backward: string[] = [];
    for (let i = texts.length - 1; i >= 0; i--) backward[i] = digestOf(texts[i]!);
    expect(backward).toEqual(forward);
    // Every seventh address, seven times round: each is read after a different one than before.
    const n = texts.length;
    for (let i = 0, k = 0; i < n; i++, k = (k + 7) % n) expect(digestOf(texts[k]!)).toBe(forward[k]);
  });
});

