/**
 * The 2017 conversion of Vietnamese fixed-line area codes: old code → new code, both without the
 * trunk `0`. Data only.
 *
 * Source: the Ministry of Information and Communications' plan for converting landline area
 * codes (Quyết định 2036/QĐ-BTTTT, 18 November 2016, under the numbering plan of Thông tư
 * 22/2014/TT-BTTTT), carried out in three phases on 11 February, 15 April and 17 June 2017.
 * 59 provinces and cities changed code; Vĩnh Phúc (211), Phú Thọ (210), Hòa Bình (218) and
 * Hà Giang (219) kept theirs and are not listed. The subscriber number did not change: Hà Nội and
 * TP.HCM numbers have 8 digits after the code, all others 7.
 * @module
 * @internal
 */

/** Old area code → new area code, without the trunk prefix. */
export const LANDLINE_CODE_CHANGES: Readonly<Record<string, string>> = Object.freeze({
  // Phase 1, 11 Feb 2017
  '22': '212', // Sơn La
  '231': '213', // Lai Châu
  '20': '214', // Lào Cai
  '230': '215', // Điện Biên
  '29': '216', // Yên Bái
  '52': '232', // Quảng Bình
  '53': '233', // Quảng Trị
  '54': '234', // Thừa Thiên Huế
  '510': '235', // Quảng Nam
  '511': '236', // Đà Nẵng
  '37': '237', // Thanh Hóa
  '38': '238', // Nghệ An
  '39': '239', // Hà Tĩnh
  // Phase 2, 15 Apr 2017
  '4': '24', // Hà Nội
  '8': '28', // TP. Hồ Chí Minh
  '61': '251', // Đồng Nai
  '62': '252', // Bình Thuận
  '64': '254', // Bà Rịa – Vũng Tàu
  '55': '255', // Quảng Ngãi
  '56': '256', // Bình Định
  '57': '257', // Phú Yên
  '58': '258', // Khánh Hòa
  '68': '259', // Ninh Thuận
  '60': '260', // Kon Tum
  '501': '261', // Đắk Nông
  '500': '262', // Đắk Lắk
  '63': '263', // Lâm Đồng
  '59': '269', // Gia Lai
  '70': '270', // Vĩnh Long
  '651': '271', // Bình Phước
  '72': '272', // Long An
  '73': '273', // Tiền Giang
  '650': '274', // Bình Dương
  '75': '275', // Bến Tre
  '66': '276', // Tây Ninh
  '67': '277', // Đồng Tháp
  // Phase 3, 17 Jun 2017
  '33': '203', // Quảng Ninh
  '240': '204', // Bắc Giang
  '25': '205', // Lạng Sơn
  '26': '206', // Cao Bằng
  '27': '207', // Tuyên Quang
  '280': '208', // Thái Nguyên
  '281': '209', // Bắc Kạn
  '320': '220', // Hải Dương
  '321': '221', // Hưng Yên
  '241': '222', // Bắc Ninh
  '31': '225', // Hải Phòng
  '351': '226', // Hà Nam
  '36': '227', // Thái Bình
  '350': '228', // Nam Định
  '30': '229', // Ninh Bình
  '780': '290', // Cà Mau
  '781': '291', // Bạc Liêu
  '710': '292', // Cần Thơ
  '711': '293', // Hậu Giang
  '74': '294', // Trà Vinh
  '76': '296', // An Giang
  '77': '297', // Kiên Giang
  '79': '299', // Sóc Trăng
});

/** Subscriber-number length after an old code: 8 in Hà Nội (4) and TP.HCM (8), 7 elsewhere. */
export function subscriberLength(oldCode: string): number {
  return oldCode === '4' || oldCode === '8' ? 8 : 7;
}
