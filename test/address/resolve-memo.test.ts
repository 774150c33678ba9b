import { describe, expect, it } from 'vitest';
import { addressRouting, defaultGazetteer, maskAddress, parseAddress } from '../../src/address/index.js';
import { codeKey, type GazetteerEntry } from '../../src/address/gazetteer.js';
import { districtOf, province2025Of, provinceOf, ward2025Of } from '../../src/address/_resolve.js';
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

  it('links every entry its gazetteer reaches by code to it, and its neighbours are what code look-ups give', () => {
    const gz = defaultGazetteer();
    const reached = new Set<GazetteerEntry>([...gz.byCode.values(), ...gz.historical.values()]);
    for (const m of [gz.provinceKeys, gz.districtKeys, gz.wardKeys]) {
      for (const list of m.values()) for (const e of list) expect(e.links?.owner === gz).toBe(reached.has(e));
    }
    for (const e of reached) {
      expect(provinceOf(gz, e)).toBe(gz.byCode.get(codeKey(e.unit.scheme, 'province', e.province)) ?? null);
      if (e.level === 'ward' && e.unit.scheme === 'legacy') expect(districtOf(gz, e)).toBe(gz.byCode.get(codeKey('legacy', 'district', e.district!)) ?? null);
      if (e.level === 'ward' && e.unit.scheme === 'legacy' && e.to2025.length === 1) expect(ward2025Of(gz, e)).toBe(gz.byCode.get(codeKey('2025', 'ward', e.to2025[0]!)) ?? null);
      if (e.level === 'province') expect(province2025Of(gz, e)).toBe(e.unit.scheme === '2025' ? e : (gz.byCode.get(codeKey('2025', 'province', e.to2025[0]!)) ?? null));
    }
  });

  it('keeps no resolution of units that are not its gazetteer’s own (hand-made entries): they resolve by code, as a copy does', () => {
    // A gazetteer built by createGazetteer reaches every unit it holds by its code (a second unit of
    // one code is refused: gazetteer.test.ts), so its parser's units are always its own. An object of
    // the gazetteer's shape may hold entries made by hand: here each ward entry is a copy whose unit
    // has another name but the same code, so its code look-up reaches the original.
    const gz = defaultGazetteer();
    const renamed = (e: GazetteerEntry): GazetteerEntry => ({ ...e, unit: { ...e.unit, name: `${e.unit.name} Mới`, fullName: `${e.unit.fullName} Mới` }, links: undefined });
    const handMade = { ...gz, wardKeys: new Map([...gz.wardKeys].map(([k, list]) => [k, list.map(renamed)] as const)) };
    const p = parseAddress('P. Phúc Xá, Q. Ba Đình, Hà Nội', { gazetteer: handMade });
    expect(p.ward?.name).toBe('Phúc Xá Mới');
    // Masking and routing read the ward by its code: the gazetteer's Phúc Xá, never the hand-made copy.
    const label = maskAddress(p, { gazetteer: handMade });
    expect(label).toBe(maskAddress(copied(p), { gazetteer: handMade }));
    expect(label).not.toContain('Mới');
    expect(addressRouting(p, { gazetteer: handMade })).toEqual(addressRouting(copied(p), { gazetteer: handMade }));
    expect(addressRouting(p, { gazetteer: handMade }).ward?.name).toBe('Phúc Xá');
  });
});
