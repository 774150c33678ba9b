/**
 * The columnar packed gazetteer (`_packed.ts`): every field of a coded table is a stream of its
 * own, read with one cursor per stream, so the failure mode to rule out is streams falling out of
 * step. Checked here: generated gazetteers (every unit type, codes far apart and out of order
 * across parents, English names, targets in and out of the 2025 province, repeated and empty
 * target lists, history with several successors) round-trip exactly; the bundled data does too,
 * unit for unit; and a stream that is truncated, extended, or missing one record makes the decoder
 * throw instead of pairing one unit's fields with another's.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { GazetteerInput } from '../../src/address/gazetteer.js';
import type { UnitType } from '../../src/address/types.js';
import { packGazetteer, unpackGazetteer, type PackedGazetteer } from '../../src/address/_packed.js';
import { GAZETTEER_DATA } from '../../src/address/gazetteer-data.js';

/** The streams of the columnar tables (the province tables are plain lines, the dictionary a word list). */
const STREAMS = ['names', 'wards2025Units', 'legacyDistricts', 'legacyUnits', 'legacyTargets', 'historyLines', 'historyUnits', 'historySuccessors'] as const;
type Stream = (typeof STREAMS)[number];

const folded = (n: string): string => n.normalize('NFD').replace(/\p{M}/gu, '').replace(/đ/g, 'd').replace(/Đ/g, 'D');
/** The format keeps an English name only when it is not the name without marks (which is derived back). */
const canonical = <T extends { name: string; nameEn?: string }>(u: T): T => {
  if (u.nameEn === undefined || u.nameEn !== folded(u.name)) return u;
  const { nameEn: _derived, ...rest } = u;
  return rest as T;
};
const byCode = (a: { code: string }, b: { code: string }): number => Number(a.code) - Number(b.code);
const pad = (n: number, w: number): string => String(n).padStart(w, '0');

const WORDS = ['Phường', 'Thành', 'Bình', 'Xuân', 'Đắk', 'Hưng', 'An', 'Ea', 'Hà', '1', '12', 'Tây', 'Ngọc', 'Lộc', 'Ia', 'Mường'];
const nameArb = fc.array(fc.constantFrom(...WORDS), { minLength: 1, maxLength: 4 }).map((ws) => ws.join(' '));
const enArb = fc.option(nameArb.map((n) => `${folded(n)} Ward`), { nil: undefined });
const WARD_TYPES: UnitType[] = ['phuong', 'xa', 'thi-tran', 'dac-khu'];
const DISTRICT_TYPES: UnitType[] = ['quan', 'huyen', 'thi-xa', 'thanh-pho'];

/** A gazetteer in the order the decoder gives it back (parents in list order, units by code). */
const gazetteerArb: fc.Arbitrary<GazetteerInput> = fc
  .record({
    p25: fc.uniqueArray(fc.integer({ min: 1, max: 99 }), { minLength: 1, maxLength: 3 }),
    pL: fc.uniqueArray(fc.integer({ min: 1, max: 99 }), { minLength: 1, maxLength: 3 }),
    w25: fc.uniqueArray(fc.record({ code: fc.integer({ min: 0, max: 99999 }), name: nameArb, nameEn: enArb, type: fc.constantFrom(...WARD_TYPES), p: fc.nat(), donor: fc.option(fc.nat(), { nil: undefined }) }), {
      selector: (w) => w.code,
      maxLength: 25,
    }),
    districts: fc.uniqueArray(fc.record({ code: fc.integer({ min: 1, max: 999 }), name: nameArb, nameEn: enArb, type: fc.constantFrom(...DISTRICT_TYPES), p: fc.nat() }), {
      selector: (d) => d.code,
      minLength: 1,
      maxLength: 6,
    }),
    wards: fc.uniqueArray(
      fc.record({
        code: fc.integer({ min: 0, max: 99999 }),
        name: nameArb,
        nameEn: enArb,
        type: fc.constantFrom(...WARD_TYPES),
        d: fc.nat(),
        // Indices into the 2025 wards; `same` copies the previous ward's list; `named` takes the first target's name.
        to: fc.uniqueArray(fc.nat(), { maxLength: 4 }),
        same: fc.boolean(),
        named: fc.boolean(),
      }),
      { selector: (w) => w.code, maxLength: 40 },
    ),
    history: fc.array(
      fc.record({
        ward: fc.boolean(),
        code: fc.integer({ min: 0, max: 99999 }),
        name: nameArb,
        type: fc.constantFrom(...WARD_TYPES, ...DISTRICT_TYPES),
        parent: fc.nat(),
        successor: fc.option(fc.integer({ min: 0, max: 99999 }), { nil: undefined }),
        also: fc.array(fc.integer({ min: 0, max: 99999 }), { maxLength: 2 }),
      }),
      { maxLength: 12 },
    ),
    to2025: fc.array(fc.option(fc.nat(), { nil: undefined }), { minLength: 3, maxLength: 3 }),
  })
  .map((r) => {
    const provinces2025 = r.p25.map((c) => ({ code: pad(c, 2), name: `Tỉnh ${c}`, type: 'tinh' as const }));
    const provincesLegacy = r.pL.map((c, i) => {
      const to = r.to2025[i];
      return { code: pad(c, 2), name: `Tỉnh cũ ${c}`, type: 'tinh' as const, ...(to === undefined ? {} : { to2025: provinces2025[to % provinces2025.length]!.code }) };
    });
    const w25 = r.w25.map((w) => ({ code: pad(w.code, 5), name: w.name, ...(w.nameEn === undefined ? {} : { nameEn: w.nameEn }), type: w.type, province: provinces2025[w.p % provinces2025.length]!.code }));
    const ds = r.districts.map((d) => ({ code: pad(d.code, 3), name: d.name, ...(d.nameEn === undefined ? {} : { nameEn: d.nameEn }), type: d.type, province: provincesLegacy[d.p % provincesLegacy.length]!.code }));
    const districtsLegacy = provincesLegacy.flatMap((p) => ds.filter((d) => d.province === p.code).sort(byCode));
    const ws = r.wards.map((w) => ({ ...w, district: districtsLegacy[w.d % districtsLegacy.length]!.code }));
    // Legacy wards in the decoder's order, their targets as 2025 ward records for now.
    const legacy: Array<{ ward: GazetteerInput['wardsLegacy'][number]; to: typeof w25 }> = [];
    for (const d of districtsLegacy) {
      let prev: typeof w25 = [];
      for (const w of ws.filter((x) => x.district === d.code).sort((a, b) => a.code - b.code)) {
        const to = w25.length === 0 ? [] : w.same ? prev : [...new Set(w.to.map((i) => w25[i % w25.length]!))];
        prev = to;
        const name = w.named && to.length > 0 ? to[0]!.name : w.name;
        legacy.push({ ward: { code: pad(w.code, 5), name, ...(w.nameEn === undefined ? {} : { nameEn: w.nameEn }), type: w.type, district: d.code }, to });
      }
    }
    // As in the real data, a 2025 ward may take the code of one of the legacy wards that went into it.
    r.w25.forEach((g, i) => {
      const sources = legacy.filter((l) => l.to.includes(w25[i]!));
      if (g.donor === undefined || sources.length === 0) return;
      const code = sources[g.donor % sources.length]!.ward.code;
      if (!w25.some((w) => w.code === code)) w25[i]!.code = code;
    });
    const wards2025 = provinces2025.flatMap((p) => w25.filter((w) => w.province === p.code).sort(byCode));
    const wardsLegacy = legacy.map(({ ward, to }) => (to.length > 0 ? { ...ward, to2025: to.map((w) => w.code) } : ward));
    // A district code names one district: a historical district takes a code no other district has.
    const districtCodes = new Set(districtsLegacy.map((d) => d.code));
    const history = r.history.filter((h) => h.ward || !districtCodes.has(pad(h.code % 1000, 3)) && districtCodes.add(pad(h.code % 1000, 3)) !== undefined);
    const historyLegacy = history.map((h) => {
      const d = districtsLegacy[h.parent % districtsLegacy.length]!;
      const code = h.ward ? pad(h.code, 5) : pad(h.code % 1000, 3);
      const width = h.ward ? 5 : 3;
      const at = (c: number): string => pad(h.ward ? c : c % 1000, width);
      return {
        level: h.ward ? ('ward' as const) : ('district' as const),
        code,
        name: h.name,
        type: h.type,
        province: d.province,
        parent: h.ward ? d.code : d.province,
        successor: h.successor === undefined ? code : at(h.successor),
        ...(h.also.length > 0 ? { alsoInto: h.also.map(at) } : {}),
      };
    });
    return { provinces2025, wards2025, provincesLegacy, districtsLegacy, wardsLegacy, historyLegacy };
  });

/** History comes back in line order (by parent, then code): compare it as a sorted list. */
const historyKey = (h: NonNullable<GazetteerInput['historyLegacy']>[number]): string => `${h.level}|${h.parent}|${h.code}|${h.name}|${h.successor}`;
const sortedHistory = (h: GazetteerInput['historyLegacy']): unknown[] => [...(h ?? [])].sort((a, b) => (historyKey(a) < historyKey(b) ? -1 : 1));

describe('columnar packed gazetteer', () => {
  it('generated gazetteers round-trip exactly (every field, every unit type, escapes, empty and repeated target lists, 2025 codes taken from legacy wards)', () => {
    let donated = 0;
    fc.assert(
      fc.property(gazetteerArb, (g) => {
        const packed = packGazetteer(g);
        // A 2025 ward stored by which legacy ward's code it took is one unit character (not a `'` escape).
        if (/[^.]/.test(packed.wards2025Units.replace(/'[A-Z]-?(?:\+[0-9a-zA-Z]{2}|\*[0-9a-zA-Z]{3}|[0-9a-zA-Z])/g, ''))) donated++;
        // ASCII (the names stream's sections end with `\n`).
        for (const k of STREAMS) if (packed[k] !== undefined) expect(packed[k], k).toMatch(/^[\n\x20-\x7e]*$/);
        const back = unpackGazetteer(packed);
        expect(back.provinces2025).toEqual(g.provinces2025);
        expect(back.provincesLegacy).toEqual(g.provincesLegacy);
        expect(back.wards2025).toEqual(g.wards2025.map(canonical));
        expect(back.districtsLegacy).toEqual(g.districtsLegacy.map(canonical));
        expect(back.wardsLegacy).toEqual(g.wardsLegacy.map(canonical));
        expect(sortedHistory(back.historyLegacy)).toEqual(sortedHistory(g.historyLegacy?.length ? g.historyLegacy : undefined));
      }),
      { numRuns: 300 },
    );
    expect(donated).toBeGreaterThan(30);
  });

  it('every unit of the bundled data survives unpack → pack → unpack unchanged, field by field', () => {
    const g = unpackGazetteer(GAZETTEER_DATA);
    const again = unpackGazetteer(packGazetteer(g));
    expect(again).toStrictEqual(g);
    // And the counts are the bundled data's (a decoder that dropped units on both passes would pass the line above).
    expect([g.wards2025.length, g.districtsLegacy.length, g.wardsLegacy.length, g.historyLegacy?.length]).toEqual([3321, 696, 10035, 1907]);
  });

  it('the bundled streams are plain printable ASCII, with nothing a bundler escapes but the names sections\' `\\n`', () => {
    for (const k of [...STREAMS, 'words'] as const) {
      expect(GAZETTEER_DATA[k], k).toMatch(k === 'names' ? /^[\n\x20-\x21\x23-\x5b\x5d-\x7e]+$/ : /^[\x20-\x21\x23-\x5b\x5d-\x7e]+$/);
    }
    // One section per 2025 province, and two per legacy province (its units, its history).
    expect(GAZETTEER_DATA.names.split('\n').length - 1).toBe(34 + 2 * 63);
  });

  describe('a stream out of step throws', () => {
    const decodeWith = (k: keyof PackedGazetteer, v: string) => (): unknown => unpackGazetteer({ ...GAZETTEER_DATA, [k]: v });

    it('the unchanged data decodes (the checks below can pass)', () => {
      expect(() => unpackGazetteer(GAZETTEER_DATA)).not.toThrow();
    });

    it('any stream truncated anywhere', () => {
      fc.assert(
        fc.property(fc.constantFrom<Stream>(...STREAMS), fc.double({ min: 0, max: 1, noNaN: true }), (k, at) => {
          const s = GAZETTEER_DATA[k]!;
          const cut = Math.min(s.length - 1, Math.floor(at * s.length));
          expect(decodeWith(k, s.slice(0, cut)), `${k} cut at ${cut}`).toThrow(/packed gazetteer/);
        }),
        { numRuns: 60 },
      );
      // Every stream cut by its last character, and emptied.
      for (const k of STREAMS) {
        expect(decodeWith(k, GAZETTEER_DATA[k]!.slice(0, -1)), k).toThrow(/packed gazetteer/);
        expect(decodeWith(k, ''), k).toThrow(/packed gazetteer/);
      }
    });

    it('any stream with one more record at its end', () => {
      const extra: Record<Stream, string> = {
        names: 'An;',
        wards2025Units: '#',
        legacyDistricts: '1Q/',
        legacyUnits: '#.',
        legacyTargets: '=',
        historyLines: '1',
        historyUnits: '#.',
        historySuccessors: '=',
      };
      for (const k of STREAMS) {
        const s = GAZETTEER_DATA[k]!;
        expect(decodeWith(k, s + extra[k]), k).toThrow(/packed gazetteer/);
        // Before the stream's last character too (the end markers are checked, not only the length).
        expect(decodeWith(k, s.slice(0, -1) + extra[k] + s.slice(-1)), `${k} (inside)`).toThrow(/packed gazetteer/);
      }
    });

    it('any stream missing one record, at its start or in its middle', () => {
      const g = unpackGazetteer(GAZETTEER_DATA);
      const drops: Record<Stream, (s: string) => string[]> = {
        // A name record (`…;`): the first (a 2025 ward's), others in the middle (a legacy or
        // historical unit's, whichever is there); the end of a section (`\n`).
        names: (s) => [dropRecord(s, 0), dropRecord(s, 5000), dropRecord(s, 12000), dropChar(s, '\n', s.length >> 1)],
        // A unit character (the first is a one-character unit in the bundled data), and a group end.
        wards2025Units: (s) => [s.slice(1), dropChar(s, '.', s.length >> 1)],
        legacyUnits: (s) => [s.slice(1), dropChar(s, '.', s.length >> 1)],
        historyUnits: (s) => [dropChar(s, '.', 0), dropChar(s, '.', s.length >> 1)],
        // A district (`<int><type letter>`), a province end.
        legacyDistricts: (s) => [s.replace(/^[0-9a-zA-Z][A-Z]/, ''), dropChar(s, '/', s.length >> 1)],
        // A ward's `^` (same targets) or `=` (none), one `,` continuation.
        legacyTargets: (s) => [dropChar(s, '^', s.length >> 1), dropChar(s, ',', 0)],
        // A line header (`=<province>` first), a successor `=`.
        historyLines: (s) => [s.replace(/^=[0-9a-zA-Z]/, ''), s.slice(0, -1)],
        historySuccessors: (s) => [dropChar(s, '=', s.length >> 1), dropChar(s, ',', 0)],
      };
      for (const k of STREAMS) {
        for (const v of drops[k](GAZETTEER_DATA[k]!)) {
          expect(v.length, k).toBeLessThan(GAZETTEER_DATA[k]!.length);
          expect(decodeWith(k, v), k).toThrow(/packed gazetteer/);
        }
      }
      expect(g.wardsLegacy.length).toBe(10035);
    });

    it('an empty name (a record that lost its text) is refused, and cannot be packed', () => {
      // The first record's text gone, its `;` kept: the counts still agree, the empty name does not.
      expect(decodeWith('names', `;${dropRecord(GAZETTEER_DATA.names, 0)}`)).toThrow(/empty name/);
      const g = unpackGazetteer(GAZETTEER_DATA);
      expect(() => packGazetteer({ ...g, wardsLegacy: [{ ...g.wardsLegacy[0]!, name: '' }, ...g.wardsLegacy.slice(1)] })).toThrow(/packed gazetteer/);
    });

    it('history streams come all together or not at all', () => {
      const { historyLines: _l, historyUnits: _u, historySuccessors: _s, ...without } = GAZETTEER_DATA;
      // Without them, the names stream has no history sections: the bundled one, which has, is refused.
      expect(() => unpackGazetteer(without)).toThrow(/packed gazetteer/);
      expect(() => unpackGazetteer({ ...without, historyUnits: GAZETTEER_DATA.historyUnits })).toThrow(/packed gazetteer/);
      // A gazetteer packed without history decodes without it.
      const { historyLegacy: _h, ...rest } = unpackGazetteer(GAZETTEER_DATA);
      const packed = packGazetteer(rest);
      expect(packed.historyLines).toBeUndefined();
      expect(unpackGazetteer(packed).historyLegacy).toBeUndefined();
      expect(unpackGazetteer(packed).wardsLegacy).toEqual(rest.wardsLegacy);
    });
  });
});

/**
 * The names stream without its record `k`. Records end with `;`, but `;` is also the second
 * character of some word codes (a code prefix `{}_<)]` and any character), so they are found by
 * reading the codes as the decoder does.
 */
function dropRecord(s: string, k: number): string {
  const ends: number[] = [];
  for (let i = 0; i < s.length; i++) {
    if ('{}_<)]'.includes(s[i]!)) i++;
    else if (s[i] === ';') ends.push(i);
  }
  const start = k === 0 ? 0 : ends[k - 1]! + 1;
  return s.slice(0, start) + s.slice(ends[k]! + 1);
}

/** The stream without the first `ch` at or after `from`. */
function dropChar(s: string, ch: string, from: number): string {
  const at = s.indexOf(ch, from);
  if (at < 0) throw new Error(`no ${ch} in the stream`);
  return s.slice(0, at) + s.slice(at + 1);
}
