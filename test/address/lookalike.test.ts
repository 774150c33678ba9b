/**
 * Scanner look-alikes (`repairTokens`): letters a scanner reads for others (`Q` → `O`, `m` → `rn`,
 * `l` → `I`) and numbers read as letters after a numbered unit's word (`Phường l2`, `P.lO`, `O.11`).
 * A name read through one counts as misspelt: lower confidence, listed in `fuzzy`, and never the only
 * evidence for a province.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addressRouting, defaultGazetteer, maskAddress, parseAddress } from '../../src/address/index.js';

const codes = (s: string): [string | undefined, string | undefined, string | undefined] => {
  const a = parseAddress(s);
  return [a.province?.code, a.district?.code, a.ward?.code];
};

describe('numbers read as letters after a numbered unit word', () => {
  it.each([
    ['Số 5 Lê Lợi, Phường l2, Quận 10, TP HCM', 'Số 5 Lê Lợi, Phường 12, Quận 10, TP HCM'],
    ['5 Lê Lợi, P.lO, Q.5, TPHCM', '5 Lê Lợi, P.10, Q.5, TPHCM'],
    ['5 Lê Lợi, F I4, Q.11, TPHCM', '5 Lê Lợi, F 14, Q.11, TPHCM'],
    ['Phường 1O, Quận 1O, HCM', 'Phường 10, Quận 10, HCM'],
    ['phường lO, Tp.Sóc Trăng, Sóc Trăng', 'phường 10, Tp.Sóc Trăng, Sóc Trăng'],
    ['Phường 7 Quận I1 Tp. Hồ Chí Minh', 'Phường 7 Quận 11 Tp. Hồ Chí Minh'],
  ])('%s reads as %s', (noisy, clean) => {
    const want = codes(clean);
    expect(want[2]).toBeDefined();
    expect(codes(noisy)).toEqual(want);
    const a = parseAddress(noisy);
    expect(a.fuzzy.length).toBeGreaterThan(0);
    expect(a.confidence).toBeLessThan(parseAddress(clean).confidence);
  });

  it('O for Q before a number at the start of a segment: O.11, O 7', () => {
    expect(codes('5 Lê Lợi, F 14, O.11, TPHCM')).toEqual(codes('5 Lê Lợi, F 14, Q.11, TPHCM'));
    expect(codes('Số 9, Phường 6, O 3, TP HCM')).toEqual(codes('Số 9, Phường 6, Q 3, TP HCM'));
  });

  it('a ward named with a Roman numeral stays itself (Vị Thanh, Phường I)', () => {
    for (const s of ['Phường I, Vị Thanh, Hậu Giang', 'Phường I, TP Vị Thạnh, Hậu Giang', 'P. I, TP. Vị Thanh, Hậu Giang']) {
      const a = parseAddress(s);
      expect(a.ward?.name).toBe('I');
      expect(a.district?.name).toBe('Vị Thanh');
    }
  });

  it('a house number read as letters is left alone: it is the door, not a unit', () => {
    const a = parseAddress('l68 Lê Duẩn, Phường Bến Nghé, Quận 1, TP HCM');
    expect(a.ward?.name).toBe('Bến Nghé');
    expect(a.fuzzy).toEqual([]);
    expect(maskAddress('l68 Lê Duẩn, Phường Bến Nghé, Quận 1, TP HCM')).toBe('***, Phường Bến Nghé, Quận 1, Hồ Chí Minh');
  });
});

describe('letter look-alikes', () => {
  it('Q read as O in a unit word: Ouận', () => {
    expect(codes('45 Lê Duẩn, Phường Bến Nghé, Ouận 1, TP.HCM')).toEqual(codes('45 Lê Duẩn, Phường Bến Nghé, Quận 1, TP.HCM'));
    expect(codes('Phường Vĩnh Tuy, Ouận Hai Bà Trưng, Hà Nội')).toEqual(codes('Phường Vĩnh Tuy, Quận Hai Bà Trưng, Hà Nội'));
    // A repaired unit word is no misspelt name.
    expect(parseAddress('Phường 6, Ouận 3, TP HCM').confidence).toBe(parseAddress('Phường 6, Quận 3, TP HCM').confidence);
  });

  it('Q read as O, m read as rn, l read as I in names: read, and marked fuzzy', () => {
    const cases: Array<[string, string, 'province' | 'district' | 'ward']> = [
      ['Xã Tịnh Ấn Tây, Thành phố Quảng Ngãi, Tỉnh Ouảng Ngãi', 'Xã Tịnh Ấn Tây, Thành phố Quảng Ngãi, Tỉnh Quảng Ngãi', 'province'],
      ['Tổ 3, Phường Cẩm Trung, Thành phố Cẩrn Phả, Quảng Ninh', 'Tổ 3, Phường Cẩm Trung, Thành phố Cẩm Phả, Quảng Ninh', 'district'],
      ['Xã Long Phước, Huyện Long Hồ, Vĩnh Iong', 'Xã Long Phước, Huyện Long Hồ, Vĩnh Long', 'province'],
      // A digit look-alike and a letter look-alike in one word.
      ['Xã Ou0c Oai, Hà Nội', 'Xã Quốc Oai, Hà Nội', 'ward'],
    ];
    for (const [noisy, clean, level] of cases) {
      expect(codes(noisy)).toEqual(codes(clean));
      const a = parseAddress(noisy);
      expect(a.fuzzy).toContain(level);
      expect(a.confidence).toBeLessThan(parseAddress(clean).confidence);
    }
  });

  it('never a province from one look-alike name alone', () => {
    const a = parseAddress('12 Lê Lợi, Ouảng Ngãi');
    expect(a.province).toBeNull();
    expect(a.ward).toBeNull();
    expect(maskAddress('12 Lê Lợi, Ouảng Ngãi')).not.toMatch(/Lê|Lợi|12/);
  });

  it('an i inside a word is never read as l (EaBia is not Ea Bla)', () => {
    const a = parseAddress('213 Kim Ma, xa EaBia, H. Song Hinh, Tinh Phu Yen');
    expect(a.ward?.name).toBe('EaBia');
  });
});

describe('look-alike noise never leaks', () => {
  const gz = defaultGazetteer();
  const entries = [...gz.byCode.values()];
  const official = new Set<string>(['***', ...entries.map((e) => (e.level === 'province' ? e.unit.name : e.unit.fullName))]);
  const lookalike = (s: string, r: number): string => {
    let out = s;
    if (r & 1) out = out.replace(/1/g, 'l').replace(/0/g, 'O');
    if (r & 2) out = out.replace(/Q/g, 'O');
    if (r & 4) out = out.replace(/m/g, 'rn');
    if (r & 8) out = out.replace(/l/g, 'I');
    return out;
  };
  const tails = [
    'Phường 12, Quận 10, TP HCM',
    'P.7, Q.3, Hồ Chí Minh',
    'Phường Bến Nghé, Quận 1, TP.HCM',
    'Xã Long Phước, Huyện Long Hồ, Vĩnh Long',
    'Phường Cẩm Trung, Thành phố Cẩm Phả, Quảng Ninh',
    'Quận 11, Thành phố Hồ Chí Minh',
  ];

  it('the label holds official names or the mask only, and routing names no other province', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 999 }), fc.integer({ min: 1, max: 99 }), fc.constantFrom(...tails), fc.integer({ min: 0, max: 15 }), (house, alley, tail, r) => {
        const door = `Số ${house} ngõ ${alley} Lê Lợi`;
        const text = lookalike(`${door}, ${tail}`, r);
        const label = maskAddress(text);
        for (const part of label.split(', ')) expect(official.has(part)).toBe(true);
        // Routing never names a unit the clean text does not.
        const clean = addressRouting(parseAddress(`${door}, ${tail}`));
        const noisy = addressRouting(parseAddress(text));
        if (noisy.in2025.province !== null) expect(noisy.in2025.province.code).toBe(clean.in2025.province?.code);
      }),
      { numRuns: 300 },
    );
  });
});
