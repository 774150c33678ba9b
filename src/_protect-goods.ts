/**
 * Goods step of `protect()`: the category label for the printed label (neutral for sensitive
 * goods, empty when the policy hides goods), the summary kept in the clear on the record, the
 * acceptance decision, and the true category, which is sealed.
 *
 * For sensitive goods the visible summary holds only what sorting and acceptance need: the
 * neutral category `other` and the handling flags, never `sensitive` and never the true category.
 * The description itself is only ever sealed.
 * @module
 * @internal
 */
import { classifyGoods, goodsLabel, type GoodsCategory, type GoodsFlag } from './mask/goods.js';
import { GOODS_CATEGORIES } from './mask/goods-lexicon.js';
import { acceptanceOf, type Acceptance, type AcceptancePolicy } from './mask/acceptance.js';
import type { ResolvedMaskPolicy } from './policy.js';

/** The goods category and flags kept on a protected record, and the acceptance decision. */
export interface GoodsSummary {
  /** The category, or `other` for sensitive goods (the true one is sealed as `goods.category`). */
  category: GoodsCategory;
  /** Handling and acceptance flags; never `sensitive`. */
  flags: GoodsFlag[];
  /** The acceptance decision computed at `protect()` time from `category` and `flags`. */
  acceptance: Acceptance;
}

/** The category shown for sensitive goods: the same as for unclassified goods. */
export const NEUTRAL_GOODS_CATEGORY: GoodsCategory = 'other';

/** Label text, visible summary and the category to seal, for a goods description. */
export function protectGoods(
  description: string,
  policy: ResolvedMaskPolicy,
  acceptance?: AcceptancePolicy,
): { label: string; summary: GoodsSummary; category: GoodsCategory } {
  const cls = classifyGoods(description);
  const sensitive = GOODS_CATEGORIES[cls.category].sensitive || cls.flags.includes('sensitive');
  const category = sensitive ? NEUTRAL_GOODS_CATEGORY : cls.category;
  const flags = cls.flags.filter((f) => f !== 'sensitive');
  return {
    label: goodsLabel(cls, { show: policy.goods.show }),
    summary: { category, flags, acceptance: acceptanceOf({ category, flags }, acceptance) },
    category: cls.category,
  };
}
