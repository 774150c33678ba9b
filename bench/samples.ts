/**
 * Deterministic, realistic Vietnamese waybill rows for benchmarks: varied names, phone formats,
 * addresses in both schemes, goods and notes. A seeded generator, so every run measures the same data.
 */
import type { WaybillInput } from '../src/schema.js';
import { mulberry32 } from '../test/helpers/corpus.js';

const FAMILY = ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Hoàng', 'Huỳnh', 'Phan', 'Vũ', 'Võ', 'Đặng', 'Bùi', 'Đỗ', 'Hồ', 'Ngô', 'Dương', 'Lý'];
const MIDDLE = ['Thị', 'Văn', 'Hữu', 'Đức', 'Minh', 'Ngọc', 'Thanh', 'Quốc', 'Thu', 'Hoài'];
const GIVEN = ['An', 'Bình', 'Chi', 'Dũng', 'Hà', 'Hải', 'Hương', 'Khai', 'Lan', 'Linh', 'Long', 'Mai', 'Nam', 'Phúc', 'Quân', 'Thảo', 'Trang', 'Tuấn', 'Yến'];
const PREFIX = ['090', '091', '093', '094', '096', '097', '098', '032', '033', '035', '038', '070', '077', '079', '081', '083', '085', '056', '058', '086', '088'];
const ADDRESSES = [
  'Số 12 ngõ 34 Nguyễn Trãi, Phường Thượng Đình, Quận Thanh Xuân, Hà Nội',
  '47/9B Lê Lợi, Phường Bến Nghé, Quận 1, TP.HCM',
  '123/4/5B Nguyễn Văn Cừ, P. 4, Q. 5, TP Hồ Chí Minh',
  'Tổ 5, khu phố 3, phường Tân Phong, Biên Hòa, Đồng Nai',
  'Thôn Phú Lộc, xã Ea Tu, Buôn Ma Thuột, Đắk Lắk',
  'P402 tòa CT2, 36 Lê Văn Lương, Phường Thanh Xuân, Hà Nội',
  '52 Hai Bà Trưng, phường Tràng Tiền, quận Hoàn Kiếm, HN',
  'Kiệt 15 Hải Phòng, phường Thạch Thang, quận Hải Châu, Đà Nẵng',
  'Ấp 3, xã Tân Thạnh Tây, huyện Củ Chi, TPHCM',
  '88 đường 3/2, phường 12, quận 10, Hồ Chí Minh',
];
const GOODS = ['Ốp lưng iPhone 15 Pro Max', '2 áo thun + 1 quần jean', 'Kem chống nắng Anessa 60ml', 'Sách giáo khoa lớp 5', 'Tai nghe bluetooth Sony', 'Sữa bột Meiji 800g', 'Nồi chiên không dầu', 'Giày thể thao Nike size 42', 'Thuốc bổ vitamin C', 'Đồng hồ Casio'];
const NOTES = [undefined, 'Giao giờ hành chính', 'Gọi trước khi giao, SĐT phụ 0912 345 678', 'Cho xem hàng, không thử', undefined];

function pick<T>(r: () => number, xs: readonly T[]): T {
  return xs[Math.floor(r() * xs.length)]!;
}

function phone(r: () => number): string {
  const digits = pick(r, PREFIX) + String(Math.floor(r() * 1e7)).padStart(7, '0');
  const style = Math.floor(r() * 4);
  if (style === 0) return digits;
  if (style === 1) return `${digits.slice(0, 4)} ${digits.slice(4, 7)} ${digits.slice(7)}`;
  if (style === 2) return `+84${digits.slice(1)}`;
  return `${digits.slice(0, 4)}.${digits.slice(4, 7)}.${digits.slice(7)}`;
}

/** `n` waybill rows from `seed`. */
export function generateWaybills(n: number, seed = 1): WaybillInput[] {
  const r = mulberry32(seed);
  const out: WaybillInput[] = [];
  for (let i = 0; i < n; i++) {
    const notes = pick(r, NOTES);
    const row: WaybillInput = {
      id: `GHN${String(26112900000 + i)}`,
      recipient: { name: `${pick(r, FAMILY)} ${pick(r, MIDDLE)} ${pick(r, GIVEN)}`, phone: phone(r), address: pick(r, ADDRESSES) },
      sender: { name: `Shop ${pick(r, GIVEN)} ${pick(r, FAMILY)}`, phone: phone(r), address: pick(r, ADDRESSES) },
      goods: { description: pick(r, GOODS), declaredValue: Math.floor(r() * 5000) * 1000, quantity: 1 + Math.floor(r() * 3) },
      codAmount: Math.floor(r() * 2000) * 1000,
      weightGrams: 100 + Math.floor(r() * 5000),
    };
    if (notes) row.notes = notes;
    out.push(row);
  }
  return out;
}

/** 64 rows shared by the in-process benchmarks. */
export const SAMPLE_ROWS: readonly WaybillInput[] = generateWaybills(64, 2026);
