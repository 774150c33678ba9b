import { describe, expect, it } from 'vitest';
import { addressRouting, maskAddress, parseAddress } from '../../src/address/index.js';

describe('maskAddress', () => {
  it('keeps routing units in official spelling and masks the rest with a fixed ***', () => {
    expect(maskAddress('số 5 ngõ 12, thuong dinh, q thanh xuan, HN')).toBe('***, Phường Thượng Đình, Quận Thanh Xuân, Hà Nội');
    expect(maskAddress('P402 tòa A, 10 Láng Hạ, P. Láng Hạ, Đống Đa, Hà Nội')).toBe('***, Phường Láng Hạ, Quận Đống Đa, Hà Nội');
    expect(maskAddress('Phường Thanh Xuân, Hà Nội')).toBe('***, Phường Thanh Xuân, Hà Nội');
  });

  it('leaks no length: long and short door parts give the same label', () => {
    const a = maskAddress('1 Lê Lợi, P. Bến Nghé, Q1, HCM');
    const b = maskAddress('Phòng 1203 tầng 12 tòa nhà Bitexco, 123/45/67/8B Lê Lợi, P. Bến Nghé, Q1, HCM');
    expect(a).toBe(b);
    expect(a).toBe('***, Phường Bến Nghé, Quận 1, Hồ Chí Minh');
  });

  it('falls back to the province only, or to ***, never the raw text', () => {
    expect(maskAddress('52 Hai Bà Trưng, Hà Nội')).toBe('***, Hà Nội');
    expect(maskAddress('nhà bà Tư đầu hẻm')).toBe('***');
    expect(maskAddress('')).toBe('***');
  });

  it('keep options', () => {
    const s = 'Số 5, P. Thượng Đình, Q. Thanh Xuân, Hà Nội';
    expect(maskAddress(s, { keep: { district: false } })).toBe('***, Phường Thượng Đình, Hà Nội');
    expect(maskAddress(s, { keep: { ward: false, district: false } })).toBe('***, Hà Nội');
    expect(maskAddress(s, { keep: { province: false } })).toBe('***, Phường Thượng Đình, Quận Thanh Xuân');
  });

  it('convertTo2025 only when the mapping is one-to-one', () => {
    const legacy = 'Số 1, P. Phúc Xá, Q. Ba Đình, Hà Nội';
    expect(maskAddress(legacy)).toBe('***, Phường Phúc Xá, Quận Ba Đình, Hà Nội');
    expect(maskAddress(legacy, { convertTo2025: true })).toBe('***, Phường Hồng Hà, Hà Nội');
    // Phường Cống Vị was split between Ngọc Hà and Giảng Võ: never guessed.
    expect(maskAddress('P. Cống Vị, Q. Ba Đình, Hà Nội', { convertTo2025: true })).toBe('***, Phường Cống Vị, Quận Ba Đình, Hà Nội');
    expect(maskAddress('Hà Giang', { convertTo2025: true })).toBe('***, Tuyên Quang');
  });

  it('accepts a ParsedAddress, printing only gazetteer names', () => {
    const parsed = parseAddress('12 Lê Lợi, P. Bến Nghé, Q.1, TP.HCM');
    expect(maskAddress(parsed)).toBe('***, Phường Bến Nghé, Quận 1, Hồ Chí Minh');
    const forged = { ...parsed, ward: { ...parsed.ward!, fullName: '12 Lê Lợi', name: '12 Lê Lợi' } };
    expect(maskAddress(forged)).toBe('***, Phường Bến Nghé, Quận 1, Hồ Chí Minh');
    const unknown = { ...parsed, ward: { ...parsed.ward!, code: '99999' } };
    expect(maskAddress(unknown)).toBe('***, Quận 1, Hồ Chí Minh');
  });

  it('rejects bad input with INVALID_INPUT and no value in the message', () => {
    for (const bad of [null, 42, [], { province: 'Hà Nội 12 Lê Lợi' }]) {
      try {
        maskAddress(bad as never);
        expect.unreachable();
      } catch (e) {
        expect((e as { code: string }).code).toBe('INVALID_INPUT');
        expect((e as Error).message).not.toContain('Lê Lợi');
      }
    }
    expect(() => maskAddress('Hà Nội', { keep: { ward: 'yes' } } as never)).toThrowError(
      expect.objectContaining({ code: 'INVALID_INPUT' }),
    );
  });
});

describe('addressRouting', () => {
  it('legacy ward with its 2025 equivalent', () => {
    const r = addressRouting(parseAddress('P. Phúc Xá, Q. Ba Đình, Hà Nội'));
    expect(r.scheme).toBe('legacy');
    expect(r.ward).toEqual({ code: '00001', name: 'Phúc Xá', type: 'phuong', scheme: 'legacy' });
    expect(r.district?.code).toBe('001');
    expect(r.in2025.ward?.name).toBe('Hồng Hà');
    expect(r.in2025.province).toEqual({ code: '01', name: 'Hà Nội', type: 'thanh-pho', scheme: '2025' });
  });

  it('split legacy ward has no 2025 ward', () => {
    const r = addressRouting(parseAddress('P. Cống Vị, Q. Ba Đình, Hà Nội'));
    expect(r.in2025.ward).toBeNull();
    expect(r.in2025.province?.code).toBe('01');
  });

  it('implies the legacy district of a legacy ward given without one', () => {
    const r = addressRouting(parseAddress('P. Láng Hạ, Hà Nội'));
    expect(r.district?.name).toBe('Đống Đa');
  });

  it('2025 address: the same units in in2025; plain JSON with no door-level text', () => {
    const parsed = parseAddress('Số 9 ngõ 4, Tổ 7, Phường Thanh Xuân, Hà Nội');
    const r = addressRouting(parsed);
    expect(r.ward?.scheme).toBe('2025');
    expect(r.in2025.ward).toEqual(r.ward);
    expect(JSON.parse(JSON.stringify(r))).toEqual(r);
    expect(JSON.stringify(r)).not.toMatch(/ngõ|Tổ|"9"|"4"/);
  });
});
