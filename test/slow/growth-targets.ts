/** Parsers for the growth suite: a realistic fragment and how many copies make the small input. */
import * as api from '../../src/index.js';

export interface GrowthTarget {
  fn: (s: string) => unknown;
  fragment: string;
  /** Copies of `fragment` in the small input; the large one has 10×. Kept under each parser's limit. */
  small: number;
  limitNote?: string;
}

export const GROWTH_TARGETS: Record<string, GrowthTarget> = {
  parseAddress: { fn: (s) => api.parseAddress(s), fragment: 'Số 12 ngõ 34 ngách 5/7B, ', small: 6, limitNote: '(≤ 2,000 chars)' },
  parseAddressNoSeparators: { fn: (s) => api.parseAddress(s), fragment: 'so12ngo34phuongthuongdinh', small: 6 },
  classifyGoods: { fn: (s) => api.classifyGoods(s), fragment: '2 áo thun + 1 quần jean; ', small: 30, limitNote: '(≤ 10,000 chars)' },
  scrubText: { fn: (s) => api.scrubText(s), fragment: 'Gọi 0901 234 567 hoặc a.b@x.vn, STK 0123456789. ', small: 15, limitNote: '(≤ 10,000 chars)' },
  scrubTextDigits: { fn: (s) => api.scrubText(s), fragment: '1 1 1 1 1 ', small: 80 },
  maskAddress: { fn: (s) => api.maskAddress(s), fragment: 'Tổ 5 khu phố 3 Phường 12 ', small: 6 },
};
