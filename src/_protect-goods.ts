/**
 * Goods step of `protect()`: the category label for the printed label (neutral for sensitive
 * goods, empty when the policy hides goods) and the category and flags kept on the record.
 * The description itself is only ever sealed.
 * @module
 * @internal
 */
import { classifyGoods, goodsLabel, type GoodsCategory, type GoodsFlag } from './mask/goods.js';
import type { ResolvedMaskPolicy } from './policy.js';

/** The goods category and flags kept on a protected record. */
export interface GoodsSummary {
  category: GoodsCategory;
  flags: GoodsFlag[];
}

/** Label text and summary for a goods description. */
export function protectGoods(description: string, policy: ResolvedMaskPolicy): { label: string; summary: GoodsSummary } {
  const cls = classifyGoods(description);
  return { label: goodsLabel(cls, { show: policy.goods.show }), summary: { category: cls.category, flags: cls.flags } };
}
