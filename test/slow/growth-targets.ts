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
  maskAddress: { fn: (s) => api.maskAddress(s), fragment: 'Tổ 5 khu phố 3 Phường 12 ', small: 6 },
};
