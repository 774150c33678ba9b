import { describe, expect, it } from 'vitest';
import { createGazetteer, defaultGazetteer, maskAddress, parseAddress, type GazetteerInput } from '../../src/address/index.js';
import { packGazetteer, unpackGazetteer } from '../../src/address/_packed.js';

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

  it('the packed form round-trips', () => {
    const back = unpackGazetteer(packGazetteer(tiny));
    expect(back.wardsLegacy).toEqual(tiny.wardsLegacy);
    expect(back.wards2025.map((w) => w.code).sort()).toEqual(['00004', '00367']);
    expect(back.provinces2025[0]).toEqual(tiny.provinces2025[0]);
    expect(back.provincesLegacy[0]?.to2025).toBe('01');
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
      historicalWards: 1820,
    });
  });
});
