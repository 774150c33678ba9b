/**
 * The word codes of the packed gazetteer (`_packed.ts`): names made of frequent words round-trip
 * exactly, whatever the words, their order, runs of coded words, repeated spaces and English
 * names; the bundled data uses them; a name holding a code character cannot be packed.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { GazetteerInput } from '../../src/address/gazetteer.js';
import { packGazetteer, unpackGazetteer } from '../../src/address/_packed.js';
import { GAZETTEER_DATA } from '../../src/address/gazetteer-data.js';

// Frequent enough to be coded (3+ uses, 3+ characters), and words that never are.
const WORDS = ['Phường', 'Thành', 'Bình', 'Xuân', 'Đông', 'Hưng', 'Nghĩa', 'An', 'Ea', 'Hà', '1', '12', 'Tây', 'Ngọc', 'Lộc'];
const name = fc
  .array(fc.constantFrom(...WORDS), { minLength: 1, maxLength: 5 })
  .chain((ws) => fc.constantFrom(' ', '  ').map((sep) => ws.join(sep)));

/**
 * The packed format stores an English name only when it differs from the Vietnamese name without
 * its marks (the gazetteer derives that one when none is given), so such an English name reads
 * back as absent: the unit means the same.
 */
const folded = (n: string): string => n.normalize('NFD').replace(/\p{M}/gu, '').replace(/đ/g, 'd').replace(/Đ/g, 'D');
const canonical = <T extends { name: string; nameEn?: string }>(u: T): T => {
  if (u.nameEn === undefined || u.nameEn !== folded(u.name)) return u;
  const { nameEn: _derived, ...rest } = u;
  return rest as T;
};

const base: GazetteerInput = {
  provinces2025: [{ code: '01', name: 'Hà Nội', nameEn: 'Hanoi', type: 'thanh-pho' }],
  wards2025: [],
  provincesLegacy: [{ code: '01', name: 'Hà Nội', type: 'thanh-pho', to2025: '01' }],
  districtsLegacy: [{ code: '009', name: 'Thanh Xuân', type: 'quan', province: '01' }],
  wardsLegacy: [],
};

describe('packed gazetteer word codes', () => {
  it('names of frequent words round-trip exactly, with and without English names', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ name, en: fc.option(name, { nil: undefined }) }), { minLength: 6, maxLength: 30 }),
        fc.array(name, { minLength: 3, maxLength: 12 }),
        (legacy, w25) => {
          const input: GazetteerInput = {
            ...base,
            wards2025: w25.map((n, i) => ({ code: String(100 + i).padStart(5, '0'), name: n, type: 'phuong' as const, province: '01' })),
            wardsLegacy: legacy.map((w, i) => ({
              code: String(1000 + 3 * i).padStart(5, '0'),
              name: w.name,
              ...(w.en === undefined ? {} : { nameEn: w.en }),
              type: 'xa' as const,
              district: '009',
            })),
          };
          const packed = packGazetteer(input);
          expect(packed.words).toBeDefined();
          expect(packed.names).not.toMatch(/[^\x00-\x7f]/);
          const back = unpackGazetteer(packed);
          expect(back.wardsLegacy).toEqual(input.wardsLegacy.map(canonical));
          expect(back.wards2025).toEqual(input.wards2025);
          expect(back.districtsLegacy).toEqual(input.districtsLegacy);
        },
      ),
      { numRuns: 200 },
    );
  });

  it('the bundled data is word-coded: every dictionary word is a whole word of 3+ names, and the tables hold codes', () => {
    expect(GAZETTEER_DATA.words).toBeDefined();
    expect(GAZETTEER_DATA.names).toMatch(/[{}_<)\]]/);
    const g = unpackGazetteer(GAZETTEER_DATA);
    const count = new Map<string, number>();
    for (const u of [...g.wards2025, ...g.districtsLegacy, ...g.wardsLegacy, ...(g.historyLegacy ?? [])]) {
      for (const n of [u.name, u.nameEn ?? '']) for (const w of n.split(' ')) count.set(w, (count.get(w) ?? 0) + 1);
    }
    // The dictionary as stored is in the ASCII form; its words, decoded, must be real name words.
    // Each word as the name of a 2025 ward of the first province (each unit a phường whose code is
    // written out, `'P-1`: code 00000; `.` ends the province, the others have none; no legacy
    // provinces, so the names stream has one section per 2025 province).
    const list = GAZETTEER_DATA.words!.split(' ');
    const provinces = GAZETTEER_DATA.provinces2025.split('\n').length;
    const decoded = unpackGazetteer({
      provinces2025: GAZETTEER_DATA.provinces2025,
      provincesLegacy: '',
      names: `${GAZETTEER_DATA.words!.replace(/ /g, ';')};\n${'\n'.repeat(provinces - 1)}`,
      wards2025Units: `${"'P-1".repeat(list.length)}.${'.'.repeat(provinces - 1)}`,
      legacyDistricts: '',
      legacyUnits: '',
      legacyTargets: '.',
      words: GAZETTEER_DATA.words!,
    });
    expect(decoded.wards2025.length).toBe(list.length);
    for (const w of decoded.wards2025) expect(count.get(w.name) ?? 0, w.name).toBeGreaterThanOrEqual(3);
  });

  it('a name holding a code character cannot be packed', () => {
    for (const ch of ['{', '}', '_', '<', ')', ']']) {
      const input: GazetteerInput = { ...base, wardsLegacy: [{ code: '00001', name: `Xã ${ch}An`, type: 'xa', district: '009' }] };
      expect(() => packGazetteer(input), ch).toThrow();
    }
  });
});
