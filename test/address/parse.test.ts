import { describe, expect, it } from 'vitest';
import { parseAddress } from '../../src/address/index.js';

const p = (s: string) => parseAddress(s);

describe('parseAddress: abbreviations and variants', () => {
  it.each([
    ['Phường Thượng Đình, Quận Thanh Xuân, Hà Nội'],
    ['P. Thượng Đình, Q. Thanh Xuân, HN'],
    ['P Thượng Đình Q Thanh Xuân Hà Nội'],
    ['F Thượng Đình, Q.Thanh Xuân, TP Hà Nội'],
    ['PHƯỜNG THƯỢNG ĐÌNH, QUẬN THANH XUÂN, HÀ NỘI'],
    ['phuong thuong dinh quan thanh xuan ha noi'],
    ['Thượng Đình, Thanh Xuân, T.P Hà Nội'],
  ])('%s', (s) => {
    const a = p(s);
    expect(a.ward?.name).toBe('Thượng Đình');
    expect(a.district?.fullName).toBe('Quận Thanh Xuân');
    expect(a.province?.name).toBe('Hà Nội');
    expect(a.scheme).toBe('legacy');
  });

  it.each(['Q1', 'Q.1', 'Q01', 'Quận 1', 'quan 1', 'Q 1'])('district %s', (d) => {
    const a = p(`12 Lê Lợi, P. Bến Nghé, ${d}, TP.HCM`);
    expect(a.district?.fullName).toBe('Quận 1');
    expect(a.ward?.name).toBe('Bến Nghé');
  });

  it.each(['HCM', 'TPHCM', 'TP.HCM', 'HCMC', 'Sài Gòn', 'SG', 'Tp. Hồ Chí Minh', 'Thành phố Hồ Chí Minh', 'Ho Chi Minh City'])(
    'province shorthand %s',
    (s) => {
      expect(p(`P. Bến Thành, Q.1, ${s}`).province?.name).toBe('Hồ Chí Minh');
    },
  );

  it('HN shorthand', () => {
    expect(p('Phường Láng Hạ, Đống Đa, HN').province?.name).toBe('Hà Nội');
  });

  it('TX, H., TT and X. unit words', () => {
    const a = p('Thôn 3, X. Xuân Sơn, TX Sơn Tây, Hà Nội');
    expect(a.district?.fullName).toBe('Thị xã Sơn Tây');
    expect(a.ward?.fullName).toBe('Xã Xuân Sơn');
    const b = p('Khu 5, TT. Xuân Mai, H. Chương Mỹ, Hà Nội');
    expect(b.ward?.fullName).toBe('Thị trấn Xuân Mai');
    expect(b.district?.fullName).toBe('Huyện Chương Mỹ');
  });
});

describe('parseAddress: numbered wards', () => {
  it('Phường 12 is resolved by its district', () => {
    const a = p('123 Quang Trung, Phường 12, Quận Gò Vấp, TP.HCM');
    const b = p('45 Nguyễn Văn Trỗi, P12, Q. Bình Thạnh, HCM');
    expect(a.ward?.name).toBe('12');
    expect(b.ward?.name).toBe('12');
    expect(a.ward?.code).not.toBe(b.ward?.code);
    expect(a.district?.name).toBe('Gò Vấp');
  });

  it('Phường 12 without a district is ambiguous, not guessed', () => {
    const a = p('Phường 12, TP HCM');
    expect(a.ward).toBeNull();
    expect(a.ambiguous.length).toBeGreaterThan(1);
    expect(a.province?.name).toBe('Hồ Chí Minh');
  });

  it('F12 and Q10', () => {
    const a = p('15 Sư Vạn Hạnh F12 Q10 HCM');
    expect(a.ward?.name).toBe('12');
    expect(a.district?.name).toBe('10');
  });
});

describe('parseAddress: streets that look like units or dates', () => {
  it('Đường 3/2 and Đường 30/4 are streets, not alleys', () => {
    const a = p('285 Đường 3/2, Phường 10, Quận 10, TP.HCM');
    expect(a.street).toBe('Đường 3/2');
    expect(a.houseNumber).toBe('285');
    expect(a.alley).toBeNull();
    const b = p('12 đường 30/4, phường 1, TP Vũng Tàu, Bà Rịa - Vũng Tàu');
    expect(b.street).toBe('đường 30/4');
    expect(b.ward?.name).toBe('1');
  });

  it('Hải Phòng street in Đà Nẵng', () => {
    const a = p('12 Hải Phòng, Thạch Thang, Hải Châu, Đà Nẵng');
    expect(a.province?.name).toBe('Đà Nẵng');
    expect(a.street).toBe('Hải Phòng');
    expect(a.ward?.name).toBe('Thạch Thang');
  });

  it('52 Hai Bà Trưng is a street, not the district or ward', () => {
    const a = p('52 Hai Bà Trưng, Hoàn Kiếm, Hà Nội');
    expect(a.street).toBe('Hai Bà Trưng');
    expect(a.houseNumber).toBe('52');
    expect(a.ward?.name ?? a.district?.name).toBe('Hoàn Kiếm');
    expect(p('52 Hai Bà Trưng, Hà Nội').ward).toBeNull();
  });
});

describe('parseAddress: names with hyphens and apostrophes', () => {
  it.each(["Xã Ea H'Leo, Đắk Lắk", 'xa Ea Hleo, Dak Lak', "EA H'LEO, ĐẮK LẮK"])('%s', (s) => {
    expect(p(s).ward?.name).toBe("Ea H'Leo");
  });
  it('Văn Miếu - Quốc Tử Giám', () => {
    expect(p('Phường Văn Miếu - Quốc Tử Giám, Hà Nội').ward?.name).toBe('Văn Miếu - Quốc Tử Giám');
    expect(p('10 Quốc Tử Giám, P. Văn Miếu Quốc Tử Giám, Đống Đa, HN').ward?.name).toBe('Văn Miếu - Quốc Tử Giám');
  });
});

describe('parseAddress: legacy district vs 2025 ward of the same name', () => {
  it('Q. Thanh Xuân is the legacy district', () => {
    const a = p('Q. Thanh Xuân, Hà Nội');
    expect(a.district?.fullName).toBe('Quận Thanh Xuân');
    expect(a.ward).toBeNull();
    expect(a.scheme).toBe('legacy');
  });
  it('Phường Thanh Xuân is the 2025 ward', () => {
    const a = p('Phường Thanh Xuân, Hà Nội');
    expect(a.ward?.fullName).toBe('Phường Thanh Xuân');
    expect(a.ward?.scheme).toBe('2025');
    expect(a.district).toBeNull();
    expect(a.scheme).toBe('2025');
  });
});

describe('parseAddress: door-level parts', () => {
  it('P402 is a room', () => {
    const a = p('P402 tòa A, 10 Láng Hạ, P. Láng Hạ, Đống Đa, Hà Nội');
    expect(a.room).toBe('P402 tòa A');
    expect(a.ward?.name).toBe('Láng Hạ');
  });
  it('alley chains', () => {
    expect(p('Số 5 ngõ 12 ngách 34, Phường Khương Mai, Thanh Xuân, Hà Nội')).toMatchObject({
      houseNumber: '5',
      alley: 'ngõ 12 ngách 34',
    });
    expect(p('123/4/5B Nguyễn Trãi, P.2, Q.5, HCM')).toMatchObject({ alley: '123/4', houseNumber: '5B', street: 'Nguyễn Trãi' });
    expect(p('Kiệt 45 Hùng Vương, Phường Phú Hội, Huế').alley).toBe('Kiệt 45');
  });
  it('sub-ward units', () => {
    expect(p('Tổ 5, Khu phố 3, P. Tân Định, Q1, HCM').subWard).toBe('Tổ 5, Khu phố 3');
    expect(p('Ấp Bình Thạnh, Xã Bình Lợi, Huyện Bình Chánh, HCM').subWard).toBe('Ấp Bình Thạnh');
    expect(p('Thôn Đông, Xã Xuân Sơn, Sơn Tây, Hà Nội').subWard).toBe('Thôn Đông');
  });
  it('phones, emails and postcodes pasted in are ignored', () => {
    const a = p('12 Lê Lợi 0901234567, P. Bến Nghé, Q.1, TP.HCM 700000 a.b@example.com');
    expect(a.ward?.name).toBe('Bến Nghé');
    expect(a.street).toBe('Lê Lợi');
    expect(a.houseNumber).toBe('12');
    expect(a.confidence).toBeGreaterThan(0.8);
  });
  it('no separators at all', () => {
    const a = p('so 5 ngo 12 thuong dinh quan thanh xuan ha noi');
    expect(a.district?.name).toBe('Thanh Xuân');
    expect(a.province?.name).toBe('Hà Nội');
    const b = p('12 Le Loi P Ben Nghe Q1 HCM');
    expect(b.ward?.name).toBe('Bến Nghé');
    expect(b.street).toBe('Le Loi');
  });
  it('spans point into the original string', () => {
    const s = '  12  Lê Lợi,  P.Bến Nghé ,Q1 , TPHCM ';
    const a = p(s);
    expect(s.slice(...a.spans.ward!)).toBe('P.Bến Nghé');
    expect(s.slice(...a.spans.district!)).toBe('Q1');
    expect(s.slice(...a.spans.province!)).toBe('TPHCM');
    expect(s.slice(...a.spans.houseNumber!)).toBe('12');
    expect(s.slice(...a.spans.street!)).toBe('Lê Lợi');
  });
});

describe('parseAddress: normalisation', () => {
  it('tone placement, NFD and Đ look-alikes', () => {
    const a = p('Xã Hòa Bắc, Huyện Hòa Vang, Đà Nẵng');
    const b = p('Xã Hoà Bắc, Huyện Hoà Vang, Đà Nẵng'.normalize('NFD'));
    const c = p('Xã Hoà Bắc, Huyện Hoà Vang, Ðà Nẵng');
    const d = p('Xã Hoà Bắc, Huyện Hoà Vang, Ɖà Nẵng');
    for (const x of [b, c, d]) {
      expect(x.ward?.code).toBe(a.ward?.code);
      expect(x.province?.name).toBe('Đà Nẵng');
    }
  });
  it('Ba Tơ / Ba Tô: unaccented input is ambiguous, accented input is not', () => {
    const amb = p('Xa Ba To, Quang Ngai');
    expect(amb.ward).toBeNull();
    expect(amb.ambiguous.map((u) => u.name)).toEqual(expect.arrayContaining(['Ba Tơ', 'Ba Tô']));
    expect(p('XÃ BA TƠ, QUẢNG NGÃI').ward?.name).toBe('Ba Tơ');
    expect(p('Xã Ba Tô, Quảng Ngãi').ward?.name).toBe('Ba Tô');
  });
  it('the 2025 scheme, and both', () => {
    const a = p('Số 1, Phường Hồng Hà, Hà Nội');
    expect(a.scheme).toBe('2025');
    expect(a.ward?.scheme).toBe('2025');
    const b = p("Xã Ea H'Leo, Đắk Lắk");
    expect(b.scheme).toBe('both');
    expect(b.legacyAlternative?.ward.scheme).toBe('legacy');
  });
});

describe('parseAddress: unparseable and hostile input', () => {
  it.each(['', '   ', 'hello world', '***', '\u0000\u0000', '\ud800abc', '\u202eabc', '💥💥💥', '/'.repeat(500)])(
    'unparsed result for %j',
    (s) => {
      const a = p(s);
      expect(a.confidence).toBeLessThanOrEqual(0.5);
      expect(a.ward).toBeNull();
    },
  );
  it('bad types and oversize input throw INVALID_INPUT without the value', () => {
    for (const bad of [null, undefined, 42, {}, { toString: () => 'Hà Nội' }, ['Hà Nội'], NaN]) {
      expect(() => parseAddress(bad as unknown as string)).toThrowError(expect.objectContaining({ code: 'INVALID_INPUT' }));
    }
    const long = 'Thượng Đình '.repeat(200);
    try {
      parseAddress(long);
      expect.unreachable();
    } catch (e) {
      expect((e as { code: string }).code).toBe('INVALID_INPUT');
      expect(String((e as Error).message)).not.toContain('Thượng');
    }
    expect(() => parseAddress('Hà Nội', 'x' as never)).toThrowError(expect.objectContaining({ code: 'INVALID_INPUT' }));
    expect(() => parseAddress('Hà Nội', { gazetteer: {} as never })).toThrowError(expect.objectContaining({ code: 'INVALID_INPUT' }));
  });
});
