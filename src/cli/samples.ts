/**
 * Sample waybills bundled for `waybill-shield demo`. The people, phone numbers and orders are
 * invented; the administrative units are real, in both the 2025 scheme and the legacy one.
 * @module
 */
import type { WaybillInput } from '../schema.js';

/** Invented waybills covering the cases a label has to handle. */
export const SAMPLE_WAYBILLS: readonly WaybillInput[] = Object.freeze([
  {
    id: 'VN2025000123',
    recipient: {
      name: 'Nguyễn Thị Minh Khai',
      phone: '0901 234 567',
      address: 'Số 12 ngõ 34 Nguyễn Trãi, Phường Thượng Đình, Quận Thanh Xuân, Hà Nội',
    },
    sender: { name: 'Trần Văn Bình', phone: '0987654321', address: '47/9B Lê Lợi, Phường Sài Gòn, Thành phố Hồ Chí Minh' },
    goods: { description: 'Điện thoại iPhone 15 Pro Max 256GB', declaredValue: 32_000_000, quantity: 1 },
    codAmount: 32_000_000,
    weightGrams: 1250,
    notes: 'Gọi trước khi giao, giờ hành chính',
    assignment: { courierId: 'courier-042', number: 1 },
  },
  {
    id: 'VN2025000124',
    recipient: { name: 'Lê Hoàng Phúc', phone: '+84 35 812 3456', address: 'Tổ 5, Phường Hải Châu, Thành phố Đà Nẵng' },
    sender: { name: 'Phạm Thu Hà', phone: '0243 826 1234', address: '15 Hàng Bài, Phường Hoàn Kiếm, Hà Nội' },
    goods: { description: 'Thuốc điều trị tiểu đường (hộp 30 viên)' },
    codAmount: 450_000,
    weightGrams: 300,
    assignment: { courierId: 'courier-017', number: 2 },
  },
  {
    id: 'VN2025000125',
    recipient: { name: 'ĐẶNG QUỐC BẢO', phone: '01688123456', address: 'Ấp 3, Xã Tân Thạnh, Tỉnh Long An' },
    sender: { name: 'Võ Thị Lan', phone: '0912000111', address: '200 Nguyễn Văn Cừ, Phường Ninh Kiều, Thành phố Cần Thơ' },
    goods: { description: 'Bộ ấm chén gốm Bát Tràng' },
    weightGrams: 2400,
  },
]);
