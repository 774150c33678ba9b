/**
 * Goods classification: turns a free-text goods description into a category, its vi/en label
 * and handling flags, so that a label can show "Điện tử" instead of "iPhone 15 Pro Max".
 *
 * The lexicon is data (`goods-lexicon.ts`); the matcher is `_goods-match.ts`. This module holds
 * the decision rules:
 * - an item's category is that of its first naming term (Vietnamese puts the head noun first:
 *   `ốp lưng iphone` is a phone case, not a phone); modifiers after it may move it
 *   (`quần áo sơ sinh` → mother & baby) or add flags;
 * - a description with several items takes the category of the riskiest item and the union of
 *   all flags;
 * - `restricted` is never lost, wherever it appears.
 * @module
 */

import { guard, WaybillShieldError } from '../errors.js';
import { compileLexicon, matchGoods } from './_goods-match.js';
import {
  GOODS_CATEGORIES,
  GOODS_FLAGS,
  GOODS_LEXICON,
  type GoodsCategory,
  type GoodsFlag,
} from './goods-lexicon.js';

export type { GoodsCategory, GoodsFlag } from './goods-lexicon.js';

/** What {@link classifyGoods} returns. Holds lexicon ids and fixed labels, never input text. */
export interface GoodsClass {
  /** Stable category id. `other` when nothing in the lexicon matched. */
  category: GoodsCategory;
  /** The category's labels, e.g. `{ vi: 'Điện tử', en: 'Electronics' }`. */
  label: { vi: string; en: string };
  /** Handling and acceptance flags, in the order of `GOODS_FLAGS`. */
  flags: GoodsFlag[];
  /** Ids of the lexicon entries that fired, in reading order. */
  matched: string[];
}

/** Options for {@link goodsLabel}. */
export interface GoodsLabelOptions {
  /** `category` (default) prints the category label; `none` hides goods entirely. */
  show?: 'category' | 'none';
}

/** Longest description {@link classifyGoods} accepts, in UTF-16 code units. */
export const GOODS_MAX_LENGTH = 10_000;

/** The label printed for sensitive goods (medicine, intimate): it says nothing about the content. */
export const NEUTRAL_GOODS_LABEL = 'Hàng hóa';

const LEXICON = compileLexicon(GOODS_LEXICON);

/**
 * Classify a goods description.
 *
 * Matching ignores case, diacritics and where a tone mark sits, works on whole words, and reads
 * Vietnamese, English and brand names mixed together.
 *
 * @param description - the free-text goods description, at most {@link GOODS_MAX_LENGTH} characters
 * @returns the category, its labels, the flags and the lexicon entry ids that fired
 * @throws WaybillShieldError `INVALID_INPUT` when `description` is not a string or is too long
 * @example
 * ```ts
 * classifyGoods('2 áo thun + 1 quần jean; tai nghe bluetooth')
 * // → { category: 'electronics', label: { vi: 'Điện tử', en: 'Electronics' },
 * //     flags: ['battery'], matched: ['fa.top', 'fa.bottom', 'el.wireless-audio'] }
 * ```
 */
export function classifyGoods(description: string): GoodsClass {
  if (typeof description !== 'string') {
    throw new WaybillShieldError('INVALID_INPUT', 'goods description: must be a string');
  }
  if (description.length > GOODS_MAX_LENGTH) {
    throw new WaybillShieldError('INVALID_INPUT', 'goods description: is too long');
  }
  const flags = new Set<GoodsFlag>();
  const matched: string[] = [];
  const seen = new Set<string>();
  let best: GoodsCategory | null = null;

  for (const item of matchGoods(description, LEXICON)) {
    for (const m of item) {
      if (!seen.has(m.entry.id)) {
        seen.add(m.entry.id);
        matched.push(m.entry.id);
      }
    }
    const head = item.find((m) => m.entry.category !== null);
    let cat: GoodsCategory | null = head ? head.entry.category : null;
    for (const m of item) {
      const e = m.entry;
      if (m === head) {
        for (const f of e.flags ?? []) flags.add(f);
        continue;
      }
      if (cat !== null && e.promote && e.promote.from.includes(cat)) cat = e.promote.to;
      // A modifier contributes its flags; a second naming term only its `alsoFlags`, except
      // that `restricted` always counts: acceptance must see it wherever it is.
      const own = e.category === null ? (e.flags ?? []) : (e.flags ?? []).filter((f) => f === 'restricted');
      for (const f of own) flags.add(f);
      for (const f of e.alsoFlags ?? []) flags.add(f);
    }
    if (cat !== null) {
      for (const f of GOODS_CATEGORIES[cat].flags) flags.add(f);
      if (best === null || GOODS_CATEGORIES[cat].risk > GOODS_CATEGORIES[best].risk) best = cat;
    }
  }

  const category = best ?? 'other';
  const info = GOODS_CATEGORIES[category];
  return {
    category,
    label: { vi: info.vi, en: info.en },
    flags: GOODS_FLAGS.filter((f) => flags.has(f)),
    matched,
  };
}

function isCategory(value: unknown): value is GoodsCategory {
  return typeof value === 'string' && Object.prototype.hasOwnProperty.call(GOODS_CATEGORIES, value);
}

/**
 * The goods text to print on a label: the category's Vietnamese label, the neutral
 * {@link NEUTRAL_GOODS_LABEL} for sensitive goods, or nothing when the policy hides goods.
 *
 * @param cls - a result of {@link classifyGoods} (or a stored `{ category, flags }`)
 * @param opts - `show: 'none'` returns `''`
 * @returns the label text, never the description
 * @throws WaybillShieldError `INVALID_INPUT` when `cls` has no known category or `show` is unknown
 * @example
 * ```ts
 * goodsLabel(classifyGoods('ốp lưng iphone 15'))   // → 'Điện tử'
 * goodsLabel(classifyGoods('bao cao su'))           // → 'Hàng hóa'
 * goodsLabel(classifyGoods('son môi'), { show: 'none' }) // → ''
 * ```
 */
export function goodsLabel(
  cls: Pick<GoodsClass, 'category'> & { flags?: readonly GoodsFlag[] },
  opts?: GoodsLabelOptions,
): string {
  // Reading a hostile object (throwing getter, proxy) must not leak its exception.
  return guard('INVALID_INPUT', 'goodsLabel: arguments could not be read', () => {
    if (opts !== undefined && (typeof opts !== 'object' || opts === null)) {
      throw new WaybillShieldError('INVALID_INPUT', 'goodsLabel options: has the wrong type');
    }
    const show: unknown = opts?.show ?? 'category';
    if (show !== 'category' && show !== 'none') {
      throw new WaybillShieldError('INVALID_INPUT', 'goodsLabel options.show: is not one of the allowed values');
    }
    const category: unknown = typeof cls === 'object' && cls !== null ? cls.category : undefined;
    if (!isCategory(category)) {
      throw new WaybillShieldError('INVALID_INPUT', 'goods.category: is not one of the allowed values');
    }
    if (show === 'none') return '';
    const flags: unknown = cls.flags;
    const flaggedSensitive = Array.isArray(flags) && flags.includes('sensitive');
    const info = GOODS_CATEGORIES[category];
    return info.sensitive || flaggedSensitive ? NEUTRAL_GOODS_LABEL : info.vi;
  });
}
