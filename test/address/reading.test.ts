import { describe, expect, it } from 'vitest';
import { addressRouting, maskAddress, parseAddress } from '../../src/address/index.js';

/** Ward, legacy district and province names of a parse (null where absent). */
function names(s: string): [string | null, string | null, string | null] {
  const a = parseAddress(s);
  return [a.ward?.name ?? null, a.district?.name ?? null, a.province?.name ?? null];
}

describe('one consistent reading of the whole text', () => {
  it.each([
    ['15 Hàng Chiếu, Phường Hoàn Kiếm, Hà Nội, gần chợ Đồng Xuân', 'Hoàn Kiếm', 'Hà Nội'],
    ['8 Cầu Mây, Phường Sa Pa, Lào Cai (đối diện khách sạn Mường Thanh)', 'Sa Pa', 'Lào Cai'],
    ['Xã Yên Lạc, Phú Thọ, thôn Đông Xuân', 'Yên Lạc', 'Phú Thọ'],
    ['Số 9 Lê Lợi, Phường Sài Gòn, TP.HCM, cạnh 25 Nguyễn Huệ', 'Sài Gòn', 'Hồ Chí Minh'],
    ['Số 9 Lê Lợi, Phường Sài Gòn, TP.HCM, giao giờ hành chính, 0912 345 678', 'Sài Gòn', 'Hồ Chí Minh'],
    ['Số 9 Lê Lợi, Phường Sài Gòn, TP.HCM (gần Bưu điện Hà Nội)', 'Sài Gòn', 'Hồ Chí Minh'],
  ])('text after the province is not a unit: %s', (s, ward, province) => {
    const [w, , p] = names(s);
    expect(w).toBe(ward);
    expect(p).toBe(province);
  });

  it('reads a province-first address with its district', () => {
    const a = parseAddress('ĐÀ NẴNG, QUẬN HẢI CHÂU, PHƯỜNG THẠCH THANG, 45 LÊ DUẨN');
    expect([a.ward?.name, a.district?.name, a.province?.name]).toEqual(['Thạch Thang', 'Hải Châu', 'Đà Nẵng']);
    expect(a.houseNumber).toBe('45');
    expect(maskAddress(a)).toBe('***, Phường Thạch Thang, Quận Hải Châu, Đà Nẵng');
  });

  it('reads `T.` as tỉnh', () => {
    expect(names('Xã Hoằng Hoá, T. Thanh Hóa')).toEqual(['Hoằng Hoá', null, 'Thanh Hoá']);
    expect(names('X. Quỳnh Lưu, H. Quỳnh Lưu, T. Nghệ An')[2]).toBe('Nghệ An');
  });

  it('reads new 2025 wards written with their old district or province', () => {
    const a = parseAddress('Phường Hồng Hà, Q. Hoàn Kiếm, Hà Nội');
    expect(a.ward).toMatchObject({ name: 'Hồng Hà', scheme: '2025' });
    expect(addressRouting(a).in2025.ward?.name).toBe('Hồng Hà');
    expect(names('xã Bình Xuyên, tỉnh Phú Thọ (Vĩnh Phúc cũ)')).toEqual(['Bình Xuyên', null, 'Phú Thọ']);
    const b = parseAddress('P. Linh Xuân, TP Thủ Đức cũ, HCM');
    expect(b.ward?.name).toBe('Linh Xuân');
    expect(b.province?.name).toBe('Hồ Chí Minh');
  });

  it('a bare name that contradicts the unit words loses', () => {
    // `Hải Châu` is also a ward elsewhere; with its unit word and province it is the district here.
    expect(names('Phường Thạch Thang, Quận Hải Châu, Đà Nẵng')).toEqual(['Thạch Thang', 'Hải Châu', 'Đà Nẵng']);
  });

  it('a remark in parentheses between the units is no unit while the text outside explains the address', () => {
    // The old ward in parentheses, the current one outside: the current one is read, and labelled.
    expect(names('Phường Sài Gòn (P. Bến Nghé cũ), TP HCM')).toEqual(['Sài Gòn', null, 'Hồ Chí Minh']);
    expect(maskAddress('Phường Sài Gòn (P. Bến Nghé cũ), TP HCM')).toBe('***, Phường Sài Gòn, Hồ Chí Minh');
    // The new ward in parentheses between ward and district: the ward outside them is read.
    expect(names('12 Lê Lợi, P. Bến Nghé (nay là P. Sài Gòn), Q.1, TP HCM')).toEqual(['Bến Nghé', '1', 'Hồ Chí Minh']);
    // A remark that names no unit does not cut the ward off its province.
    expect(names('Phường Sài Gòn (gần chợ), TP HCM')).toEqual(['Sài Gòn', null, 'Hồ Chí Minh']);
    expect(names('xã Bình Xuyên (Vĩnh Phúc cũ), tỉnh Phú Thọ')).toEqual(['Bình Xuyên', null, 'Phú Thọ']);
    // With nothing else, the text in parentheses is read (with its penalty).
    expect(names('(Phường Bến Nghé), TP HCM')).toEqual(['Bến Nghé', null, 'Hồ Chí Minh']);
  });

  it('a district written before its ward is read when it holds the ward', () => {
    expect(names('Quận Tân Bình, Phường 12, TP.HCM')).toEqual(['12', 'Tân Bình', 'Hồ Chí Minh']);
    expect(names('Quận 10, Phường 12, HCM')).toEqual(['12', '10', 'Hồ Chí Minh']);
    // Phường 7 of Quận 3 is historical (now Võ Thị Sáu); current wards named 7 elsewhere do not hide it.
    const a = parseAddress('Q.3, P.7, TPHCM');
    expect([a.ward?.name, a.ward?.historical, a.district?.name]).toEqual(['7', true, '3']);
    expect(addressRouting(a).ward?.name).toBe('Võ Thị Sáu');
    // The door is the text before the district, which is the leftmost unit.
    const b = parseAddress('12 Lê Lợi, Quận Hoàn Kiếm, Phường Tràng Tiền, Hà Nội');
    expect([b.ward?.name, b.district?.name, b.houseNumber, b.street]).toEqual(['Tràng Tiền', 'Hoàn Kiếm', '12', 'Lê Lợi']);
    expect(maskAddress(b)).toBe('***, Phường Tràng Tiền, Quận Hoàn Kiếm, Hà Nội');
    // A district that does not hold the ward is not read (Quận 1 has no Phường 12).
    expect(names('Quận 1, Phường 12, TP HCM')[1]).toBeNull();
  });

  it('with unread text after them, a bare ward and its own district in a row are read; one bare name is not', () => {
    // `NA` (Nghệ An's initials) is no key; the nested pair still places the address.
    expect(names('Xóm 2, Nghi Phong, Nghi Lộc, NA')).toEqual(['Nghi Phong', 'Nghi Lộc', 'Nghệ An']);
    expect(names('2 Kim Mã, Mường Sại, Quỳnh Nhai, giao giờ hành chính')).toEqual(['Mường Sại', 'Quỳnh Nhai', 'Sơn La']);
    expect(maskAddress('2 Kim Mã, Mường Sại, Quỳnh Nhai, giao giờ hành chính')).toBe('***, Xã Mường Sại, Huyện Quỳnh Nhai, Sơn La');
    // One bare name with text after it may be a landmark or a street: nothing is read.
    expect(names('12 Lê Lợi, Nghi Lộc, NA')).toEqual([null, null, null]);
    expect(names('Số 3, Trung Tự, gần chợ Kim Liên')).toEqual([null, null, null]);
  });
});

describe('compact, glued and English forms', () => {
  it.each([
    ['12 Lê Lợi P7Q3', '3'],
    ['5 Trần Phú p2 q5', '5'],
    ['10 Lê Văn Sỹ F9 Q11 HCM', '11'],
    ['P.14,Q.Tân Bình', 'Tân Bình'],
    ['12 Phan Văn Trị F7 Gò Vấp HCM', 'Gò Vấp'],
    ['12 Nơ Trang Long, P.14, Q.BT, HCM', 'Bình Thạnh'],
    ['P.2, TB, TP HCM', 'Tân Bình'],
    ['7 Phan Xích Long, P.2, PN, HCM', 'Phú Nhuận'],
    ['P.5, GV, HCM', 'Gò Vấp'],
    ['Ngõ 4 Đặng Văn Ngữ, P. Trung Tự, Q.Đ.Đa, HN', 'Đống Đa'],
    ['227 Nguyen Van Cu, Ward 4, District 5, Ho Chi Minh City', '5'],
    ['12 Cong Hoa, Ward 4, Tan Binh District, HCMC, Vietnam', 'Tân Bình'],
  ])('%s → district %s in Hồ Chí Minh / Hà Nội', (s, district) => {
    const a = parseAddress(s);
    expect(a.district?.name).toBe(district);
    expect(a.ward).not.toBeNull();
    expect(['Hồ Chí Minh', 'Hà Nội']).toContain(a.province?.name);
  });

  it('a district shorthand is accepted only where the city makes it unique', () => {
    // `HM` is Hoàng Mai in Hà Nội and Hóc Môn in HCMC.
    expect(parseAddress('Xã Bà Điểm, H. HM, TP HCM').district?.name).toBe('Hóc Môn');
    expect(parseAddress('P. Định Công, Q. HM, Hà Nội').district?.name).toBe('Hoàng Mai');
    expect(parseAddress('BT').district).toBeNull();
  });

  it.each([
    ['xã Tân Dĩnh, TỉnhBắc Giang', 'Tân Dĩnh'],
    ['45 Lê Duẩn, Phường Hải Châu, Thành phốĐà Nẵng', 'Hải Châu'],
    ['Phường Hải Châu, ĐàNẵng', 'Hải Châu'],
    ['Phường Ninh Kiều, TP.CầnThơ', 'Ninh Kiều'],
    ['Xã Đức Hòa Hạ, HuyệnĐức Hòa, Long An', 'Đức Hòa Hạ'],
  ])('unit words glued to names: %s', (s, ward) => {
    expect(parseAddress(s).ward?.name).toBe(ward);
  });

  it('English province names, a trailing country and postcodes', () => {
    expect(names('1 Trang Tien, Hoan Kiem, Hanoi')[2]).toBe('Hà Nội');
    expect(names('Hai Chau Ward, Da Nang City')).toEqual(['Hải Châu', null, 'Đà Nẵng']);
    expect(names('Phường Bến Nghé, Quận 1, TP HCM 700000 Việt Nam')).toEqual(['Bến Nghé', '1', 'Hồ Chí Minh']);
    expect(names('Phường Bến Nghé, Quận 1, TP HCM, 70000')).toEqual(['Bến Nghé', '1', 'Hồ Chí Minh']);
  });
});

describe('typos and scanning noise', () => {
  it('accepts a misspelt name unique in its context, lowers confidence and says what was fuzzy', () => {
    const exact = parseAddress('Xã Nghi Lộc, Nghệ An');
    const a = parseAddress('Xã Nghi Lộc, Nghệ Ann');
    expect(a.province?.name).toBe('Nghệ An');
    expect(a.ward?.name).toBe('Nghi Lộc');
    expect(a.fuzzy).toEqual(['province']);
    expect(a.confidence).toBeLessThan(exact.confidence);
    expect(exact.fuzzy).toEqual([]);
    const b = parseAddress('Phường Thạch Thang, Quận Hải Chaau, Đà Nẵng');
    expect(b.district?.name).toBe('Hải Châu');
    expect(b.fuzzy).toEqual(['district']);
    expect(parseAddress('P. Trần Phú, Quảbg Ngãi').province?.name).toBe('Quảng Ngãi');
  });

  it('never guesses a province from one misspelt word alone', () => {
    expect(parseAddress('Nghệ Ann').province).toBeNull();
    expect(parseAddress('Quảbg Ngãi').province).toBeNull();
    expect(maskAddress('12 Lê Lợi, Quảbg Ngãi')).toBe('***');
  });

  it('a name that is exactly some unit is not taken for a misspelling of another', () => {
    // `Hải Châu` is one letter from `Lai Châu`, but it is a district of Đà Nẵng.
    expect(names('Thạch Thang, Hải Châu')).toEqual(['Thạch Thang', 'Hải Châu', 'Đà Nẵng']);
  });

  it('reads stray punctuation, missing tones, split and glued words', () => {
    expect(names('B,ì,n,h Đ,ị,n,h')[2]).toBe('Bình Định');
    expect(names('Xa Nghi Thiet, Huyen Nghi Loc, Nghe An')).toEqual(['Nghi Thiết', 'Nghi Lộc', 'Nghệ An']);
    expect(names('Xã Bình Lộc Hu yện Diên Khánh Tỉnh Khánh Hòa')).toEqual(['Bình Lộc', 'Diên Khánh', 'Khánh Hòa']);
    expect(names('XÃ NGỌK TỤ HYỆN ĐẮK TÔ TỈNH K0N TUM')[1]).toBe('Đắk Tô');
    expect(names('Phường Ninh Kiều , Cần Thơ .')).toEqual(['Ninh Kiều', null, 'Cần Thơ']);
  });
});
