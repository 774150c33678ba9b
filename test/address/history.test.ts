import { describe, expect, it } from 'vitest';
import { addressRouting, createGazetteer, defaultGazetteer, maskAddress, parseAddress } from '../../src/address/index.js';
import { historicalKey } from '../../src/address/gazetteer.js';
import { packGazetteer, unpackGazetteer } from '../../src/address/_packed.js';

const gz = defaultGazetteer();

describe('historical units (units-history.json successors)', () => {
  it('Phường 4 of Quận 6 (HCMC) went into the new Phường 1, which kept its code 27373', () => {
    const h = gz.historical.get(historicalKey('ward', '27373', '4'));
    expect(h?.unit.historical).toBe(true);
    expect(h?.successor?.unit.code).toBe('27373');
    expect(h?.successor?.unit.name).toBe('1');
    // The old Phường 1 (27370) went into the same new Phường 1.
    expect(gz.historical.get(historicalKey('ward', '27370', '1'))?.successor?.unit.code).toBe('27373');

    const a = parseAddress('12 Hậu Giang, Phường 4, Quận 6, TP.HCM');
    expect(a.ward).toMatchObject({ code: '27373', name: '4', historical: true, scheme: 'legacy' });
    expect(a.historical).toBe(true);
    const r = addressRouting(a);
    expect(r.ward).toEqual({ code: '27373', name: '1', type: 'phuong', scheme: 'legacy' });
    expect(r.district?.name).toBe('6');
    expect(r.in2025.ward?.scheme).toBe('2025');
    expect(r.in2025.province?.name).toBe('Hồ Chí Minh');
    // The label shows the current unit, never the text as typed.
    expect(maskAddress(a)).toBe('***, Phường 1, Quận 6, Hồ Chí Minh');
  });

  it('a ward moved to another district that still exists is found under its old one (Xã Nghi Thái: Huyện Nghi Lộc, now Thành phố Vinh)', () => {
    const h = gz.historical.get(historicalKey('ward', '17926', 'Nghi Thái'));
    expect(h?.unit.historical).toBe(true);
    expect(h?.successor?.unit.code).toBe('17926');
    const a = parseAddress('Xã Nghi Thái, Huyện Nghi Lộc, Tỉnh Nghệ An');
    expect(a.ward).toMatchObject({ code: '17926', name: 'Nghi Thái', historical: true });
    expect(a.district?.name).toBe('Nghi Lộc');
    const r = addressRouting(a);
    expect(r.ward?.code).toBe('17926');
    expect(r.district?.name).toBe('Vinh');
    expect(r.in2025.ward).not.toBeNull();
    expect(maskAddress(a)).toBe('***, Xã Nghi Thái, Thành phố Vinh, Nghệ An');
    // Written with its current district, or with none, it is the current unit.
    for (const s of ['Xã Nghi Thái, Thành phố Vinh, Tỉnh Nghệ An', 'Xã Nghi Thái, Nghệ An']) {
      const b = parseAddress(s);
      expect(b.ward?.historical ?? false, s).toBe(false);
      expect(addressRouting(b).in2025.ward?.code, s).toBe(r.in2025.ward?.code);
    }
  });

  it('Quận 2, Quận 9 and Quận Thủ Đức became Thành phố Thủ Đức (769) in 2021', () => {
    for (const [code, name] of [['769', '2'], ['763', '9'], ['762', 'Thủ Đức']] as const) {
      const h = gz.historical.get(historicalKey('district', code, name));
      expect(h?.successor?.unit.code, name).toBe('769');
      expect(h?.successor?.unit.fullName).toBe('Thành phố Thủ Đức');
    }
    const a = parseAddress('Phường Thảo Điền, Quận 2, TP HCM');
    expect(a.district).toMatchObject({ name: '2', historical: true });
    expect(a.ward?.name).toBe('Thảo Điền');
    expect(addressRouting(a).district).toEqual({ code: '769', name: 'Thủ Đức', type: 'thanh-pho', scheme: 'legacy' });
    expect(maskAddress(a)).toBe('***, Phường Thảo Điền, Thành phố Thủ Đức, Hồ Chí Minh');
    expect(addressRouting(parseAddress('P. Hiệp Phú, Quận 9, HCM')).district?.code).toBe('769');
    // Bare `Thủ Đức` is the current city, not the old district.
    expect(parseAddress('Phường Linh Trung, Thủ Đức, Hồ Chí Minh').district).toMatchObject({ code: '769', type: 'thanh-pho' });
    expect(parseAddress('Phường Linh Trung, Thủ Đức, Hồ Chí Minh').district?.historical).toBeUndefined();
  });

  it('wards merged away before 2025-03 are read with every name, not as a namesake', () => {
    // Both were merged between the 2024-11 and 2025-03 snapshots.
    for (const s of ['Trung Tự, Đống Đa, Hà Nội', 'Kim Giang, Thanh Xuân, Hà Nội']) {
      const a = parseAddress(s);
      expect(a.ward?.historical, s).toBe(true);
      expect(a.district?.historical, s).toBeUndefined();
      expect(a.province?.name).toBe('Hà Nội');
      const r = addressRouting(a);
      expect(r.ward?.scheme).toBe('legacy');
      expect(r.district?.code).toBe(a.district?.code);
    }
    // Phường 7 of Quận 3 went into Võ Thị Sáu (2020).
    expect(addressRouting(parseAddress('Phường 7, Quận 3, TP HCM')).ward?.name).toBe('Võ Thị Sáu');
  });

  it('a historical ward is printed with its current district, so the label reads back the same', () => {
    for (const text of ['163 Lê Lợi, Phường 9, Cần Thơ', '145 Lê Lợi, Xã Yết Kiêu, Hà Nội']) {
      const p = parseAddress(text);
      expect(p.historical).toBe(true);
      const label = maskAddress(p);
      const d = addressRouting(p).district;
      expect(d).not.toBeNull();
      expect(label).toContain(d!.name);
      expect(maskAddress(label)).toBe(label);
    }
    expect(maskAddress('163 Lê Lợi, Phường 9, Cần Thơ')).toBe('***, Phường 1, Thành phố Sóc Trăng, Sóc Trăng');
  });

  it('a current unit of the same name wins over a historical one', () => {
    const a = parseAddress('Phường 1, Quận 6, TP HCM');
    expect(a.ward).toMatchObject({ code: '27373', name: '1' });
    expect(a.ward?.historical).toBeUndefined();
    expect(a.historical).toBe(false);
  });

  it('a historical unit survives a JSON round trip of the parse result', () => {
    const a = parseAddress('12 Hậu Giang, Phường 4, Quận 6, TP.HCM');
    const copy = JSON.parse(JSON.stringify(a)) as typeof a;
    expect(addressRouting(copy).ward?.code).toBe('27373');
    expect(maskAddress(copy)).toBe(maskAddress(a));
    // A forged historical unit that the gazetteer does not know prints nothing.
    const forged = { ...copy, ward: { ...copy.ward!, name: 'Nhà số 5' } };
    expect(maskAddress(forged)).toBe('***, Quận 6, Hồ Chí Minh');
  });

  it('the packed history round-trips and a custom gazetteer may carry history', () => {
    const input = {
      provinces2025: [{ code: '79', name: 'Hồ Chí Minh', type: 'thanh-pho' as const }],
      wards2025: [{ code: '27000', name: 'Bình Tây', type: 'phuong' as const, province: '79' }],
      provincesLegacy: [{ code: '79', name: 'Hồ Chí Minh', type: 'thanh-pho' as const, to2025: '79' }],
      districtsLegacy: [{ code: '775', name: '6', type: 'quan' as const, province: '79' }],
      wardsLegacy: [{ code: '27373', name: '1', type: 'phuong' as const, district: '775', to2025: ['27000'] }],
      historyLegacy: [
        { level: 'ward' as const, code: '27373', name: '4', type: 'phuong' as const, province: '79', parent: '775', successor: '27373' },
        { level: 'ward' as const, code: '27370', name: '1', type: 'phuong' as const, province: '79', parent: '775', successor: '27373' },
      ],
    };
    const back = unpackGazetteer(packGazetteer(input));
    expect(back.historyLegacy).toHaveLength(2);
    expect(back.historyLegacy).toEqual(expect.arrayContaining(input.historyLegacy.map((h) => expect.objectContaining(h))));
    const tiny = createGazetteer(back);
    expect(tiny.counts.historicalWards).toBe(2);
    const a = parseAddress('Phường 4, Quận 6, Hồ Chí Minh', { gazetteer: tiny });
    expect(a.ward).toMatchObject({ name: '4', historical: true });
    expect(addressRouting(a, { gazetteer: tiny }).in2025.ward?.name).toBe('Bình Tây');
  });

  it('a history record naming an unknown successor is rejected with INVALID_INPUT', () => {
    expect(() =>
      createGazetteer({
        provinces2025: [],
        wards2025: [],
        provincesLegacy: [{ code: '79', name: 'Hồ Chí Minh', type: 'thanh-pho' }],
        districtsLegacy: [{ code: '775', name: '6', type: 'quan', province: '79' }],
        wardsLegacy: [],
        historyLegacy: [{ level: 'ward', code: '1', name: 'X', type: 'phuong', province: '79', parent: '775', successor: '99999' }],
      }),
    ).toThrow(expect.objectContaining({ code: 'INVALID_INPUT' }));
  });
});
