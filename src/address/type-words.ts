/**
 * The Vietnamese unit word of each unit type (`phuong` → `Phường`). Kept apart from the parser's
 * word lists (`_vocab.ts`, which re-exports it) so that the label code can print unit words
 * without carrying the address reader.
 * @module
 * @internal
 */
import type { UnitType } from './types.js';

/** The Vietnamese unit word for each type, used to build `fullName`. */
export const TYPE_WORD: Readonly<Record<UnitType, string>> = {
  'thanh-pho': 'Thành phố',
  tinh: 'Tỉnh',
  quan: 'Quận',
  huyen: 'Huyện',
  'thi-xa': 'Thị xã',
  phuong: 'Phường',
  xa: 'Xã',
  'thi-tran': 'Thị trấn',
  'dac-khu': 'Đặc khu',
};
