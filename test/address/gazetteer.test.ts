import { describe, expect, it } from 'vitest';
import { createGazetteer, defaultGazetteer, maskAddress, parseAddress, type GazetteerInput } from '../../src/address/index.js';
import { packGazetteer, unpackGazetteer } from '../../src/address/_packed.js';
import { GAZETTEER_DATA } from '../../src/address/gazetteer-data.js';
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';

/** JSON with object keys sorted, arrays in order: equal strings mean equal content, order included. */
const canon = (v: unknown): string =>
  Array.isArray(v)
    ? `[${v.map(canon).join(',')}]`
    : v !== null && typeof v === 'object'
      ? `{${Object.keys(v).sort().map((k) => `${JSON.stringify(k)}:${canon((v as Record<string, unknown>)[k])}`).join(',')}}`
      : JSON.stringify(v);
const hash = (v: unknown): string => bytesToHex(sha256(utf8ToBytes(canon(v))));

const tiny: GazetteerInput = {
  provinces2025: [{ code: '01', name: 'Hà Nội', nameEn: 'Hanoi', type: 'thanh-pho' }],
  wards2025: [
    { code: '00367', name: 'Thanh Xuân', type: 'phuong', province: '01' },
    { code: '00004', name: 'Ba Đình', type: 'phuong', province: '01' },
  ],
  provincesLegacy: [{ code: '01', name: 'Hà Nội', type: 'thanh-pho', to2025: '01' }],
  districtsLegacy: [{ code: '009', name: 'Thanh Xuân', type: 'quan', province: '01' }],
  wardsLegacy: [
    { code: '00343', name: 'Thượng Đình', type: 'phuong', district: '009', to2025: ['00367'] },
    { code: '00367', name: 'Khương Trung', type: 'phuong', district: '009', to2025: ['00367', '00004'] },
  ],
};

describe('gazetteer', () => {
  it('an injected tiny gazetteer drives the parser', () => {
    const gz = createGazetteer(tiny);
    const a = parseAddress('5 Nguyễn Trãi, Thượng Đình, Thanh Xuân, Hanoi', { gazetteer: gz });
    expect(a.ward?.code).toBe('00343');
    expect(a.district?.code).toBe('009');
    expect(maskAddress(a, { gazetteer: gz, convertTo2025: true })).toBe('***, Phường Thanh Xuân, Hà Nội');
    // Split ward: stays legacy.
    expect(maskAddress('Khương Trung, Thanh Xuân, Hà Nội', { gazetteer: gz, convertTo2025: true })).toBe(
      '***, Phường Khương Trung, Quận Thanh Xuân, Hà Nội',
    );
  });

  it('codes always carry their scheme: the same code is two different wards', () => {
    const gz = createGazetteer(tiny);
    expect(gz.byCode.get('2025:ward:00367')?.unit.name).toBe('Thanh Xuân');
    expect(gz.byCode.get('legacy:ward:00367')?.unit.name).toBe('Khương Trung');
  });

  it('rejects malformed input with INVALID_INPUT', () => {
    expect(() => createGazetteer({ ...tiny, wards2025: [{ code: '1', name: 'X', type: 'phuong', province: '99' }] })).toThrowError(
      expect.objectContaining({ code: 'INVALID_INPUT' }),
    );
    expect(() => createGazetteer(null as never)).toThrowError(expect.objectContaining({ code: 'INVALID_INPUT' }));
  });

  it('refuses two units of one level and scheme with one code, which a code look-up could not tell apart', () => {
    const second = { code: '00343', name: 'Hạ Đình', type: 'phuong', district: '009', to2025: ['00367'] } as const;
    const cases: GazetteerInput[] = [
      { ...tiny, wardsLegacy: [...tiny.wardsLegacy, second] },
      { ...tiny, wards2025: [...tiny.wards2025, { code: '00004', name: 'Ngọc Hà', type: 'phuong', province: '01' }] },
      { ...tiny, districtsLegacy: [...tiny.districtsLegacy, { code: '009', name: 'Hoàng Mai', type: 'quan', province: '01' }] },
      { ...tiny, provincesLegacy: [...tiny.provincesLegacy, { code: '01', name: 'Hà Tây', type: 'tinh', to2025: '01' }] },
      { ...tiny, provinces2025: [...tiny.provinces2025, { code: '01', name: 'Hà Tây', type: 'tinh' }] },
    ];
    for (const input of cases) {
      let caught: unknown;
      try {
        createGazetteer(input);
      } catch (e) {
        caught = e;
      }
      expect(caught).toEqual(expect.objectContaining({ name: 'WaybillShieldError', code: 'INVALID_INPUT' }));
      // The message names neither the code nor a unit.
      expect((caught as Error).message).not.toMatch(/\d|Đình|Hà|Hoàng|Ngọc/);
    }
    // One code in two schemes, or in two levels, is two units, each reached by its own look-up.
    const gz = createGazetteer({ ...tiny, districtsLegacy: [...tiny.districtsLegacy, { code: '00343', name: 'Hoàng Mai', type: 'quan', province: '01' }] });
    expect(gz.byCode.get('legacy:ward:00343')?.unit.name).toBe('Thượng Đình');
    expect(gz.byCode.get('legacy:district:00343')?.unit.name).toBe('Hoàng Mai');
  });

  it('the packed form round-trips', () => {
    const back = unpackGazetteer(packGazetteer(tiny));
    expect(back.wardsLegacy).toEqual(tiny.wardsLegacy);
    expect(back.wards2025.map((w) => w.code).sort()).toEqual(['00004', '00367']);
    expect(back.provinces2025[0]).toEqual(tiny.provinces2025[0]);
    expect(back.provincesLegacy[0]?.to2025).toBe('01');
  });

  // Recorded from the decode of the packed text format of 2026-11 (before the format changed): any
  // re-encoding of the bundled data must decode to exactly these tables, unit for unit, in order.
  // The history table was re-recorded when the build began squashing the source's doubled spaces
  // (`Cò  Nòi`): 8 records that differed from their current unit only by a space went; and again when
  // it began keeping wards moved between two districts that both still exist (68 records came).
  it('the bundled data decodes to exactly the recorded content', () => {
    const g = unpackGazetteer(GAZETTEER_DATA);
    const tables = Object.fromEntries(Object.entries(g).map(([k, v]) => [k, [(v as unknown[]).length, hash(v)]]));
    expect(tables).toEqual({
      provinces2025: [34, '2cf03177bd3349f0984e00d42b0fa59ceb97444a89518d550e3aa47a0469bd9c'],
      wards2025: [3321, '19894d2d80b5f6cb888248844bd3483440d025bc668577927969798b603d54c8'],
      provincesLegacy: [63, '48567683c656baa35d35cdd5e0655646c7508f06504c1233b934ace86937d9f7'],
      districtsLegacy: [696, 'eb645a8f1a8ac304976db9f653275dffed56bde55bcb834cfa12243fecc6f3bc'],
      wardsLegacy: [10035, '2d48681c89e3eaca00c892b4aba933d68ee9b83cbd1754cc3cb03026d7110f9c'],
      historyLegacy: [1907, '95286356cdcdfc6ed6a2b5649e7ef909d2796ee9777824331f6ed34dbbb54c47'],
    });
    expect(hash(g)).toBe('eda18acade524a6aeabb6649cde54c9b38ca98536b0fe4dcd3279b18c86628ec');
  });

  it('packing the decoded bundled data gives back the committed packed text', () => {
    expect(packGazetteer(unpackGazetteer(GAZETTEER_DATA))).toEqual(GAZETTEER_DATA);
  });

  it('the packed form round-trips name references, targets in another province and diacritics', () => {
    const input: GazetteerInput = {
      ...tiny,
      provinces2025: [...tiny.provinces2025, { code: '79', name: 'Hồ Chí Minh', type: 'thanh-pho' }],
      wards2025: [...tiny.wards2025, { code: '26734', name: 'Sài Gòn', type: 'phuong', province: '79' }],
      wardsLegacy: [
        ...tiny.wardsLegacy,
        // Named like its 2025 target: packed as a reference.
        { code: '00368', name: 'Thanh Xuân', type: 'phuong', district: '009', to2025: ['00367'] },
        // A target outside the 2025 province its province went into.
        { code: '00370', name: 'Đắk Rơ Wa', nameEn: 'Dak Ro Wa Commune', type: 'xa', district: '009', to2025: ['26734', '00004'] },
      ],
    };
    const packed = packGazetteer(input);
    // Every stream of the coded tables is ASCII (the names in the ASCII form of Vietnamese).
    for (const k of ['names', 'wards2025Units', 'legacyDistricts', 'legacyUnits', 'legacyTargets'] as const) {
      expect(packed[k], k).not.toMatch(/[^\x00-\x7f]/);
    }
    expect(packed.names.split(/[;\n]/)).toContain('@');
    const back = unpackGazetteer(packed);
    expect(back.wardsLegacy).toEqual(input.wardsLegacy);
    expect(back.wards2025.find((w) => w.code === '26734')?.name).toBe('Sài Gòn');
    // A character the ASCII form reserves cannot be packed (the build stops instead of corrupting).
    expect(() => packGazetteer({ ...input, wardsLegacy: [{ code: '00371', name: 'Ia (Grai)', type: 'xa', district: '009' }] })).toThrow();
  });

  it('the bundled gazetteer holds both schemes in full', () => {
    expect(defaultGazetteer().counts).toEqual({
      provinces2025: 34,
      wards2025: 3321,
      provincesLegacy: 63,
      districtsLegacy: 696,
      wardsLegacy: 10035,
      // Abolished or renamed before 2025-03 (history/units-history.json, see docs/address.md).
      historicalDistricts: 27,
      historicalWards: 1880,
    });
  });
});
