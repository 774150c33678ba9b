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

//#region precomputed decision data
// classifyGoods runs on every waybill, so what the rules need from each entry and category is
// read once here: flags as bit sets (bit i = GOODS_FLAGS[i]), indexed by lexicon position.
const FLAG_BIT = new Map<GoodsFlag, number>(GOODS_FLAGS.map((f, i) => [f, 1 << i]));
const RESTRICTED = FLAG_BIT.get('restricted')!;
const bitsOf = (flags: readonly GoodsFlag[] | undefined): number =>
  (flags ?? []).reduce((bits, f) => bits | FLAG_BIT.get(f)!, 0);

interface EntryRule {
  readonly id: string;
  readonly category: GoodsCategory | null;
  /** Flags when the entry heads its item. */
  readonly head: number;
  /** Flags when it does not: a modifier's own flags (a second naming term's `restricted` only), plus `alsoFlags`. */
  readonly other: number;
  readonly promoteFrom: readonly GoodsCategory[] | null;
  readonly promoteTo: GoodsCategory | null;
}

const RULES: readonly EntryRule[] = GOODS_LEXICON.map((e) => {
  const own = bitsOf(e.flags);
  return {
    id: e.id,
    category: e.category,
    head: own,
    // A modifier contributes its flags; a second naming term only its `alsoFlags`, except that
    // `restricted` always counts: acceptance must see it wherever it is.
    other: (e.category === null ? own : own & RESTRICTED) | bitsOf(e.alsoFlags),
    promoteFrom: e.promote ? e.promote.from : null,
    promoteTo: e.promote ? e.promote.to : null,
  };
});

const CATEGORY_FLAGS = new Map<GoodsCategory, number>(
  (Object.keys(GOODS_CATEGORIES) as GoodsCategory[]).map((c) => [c, bitsOf(GOODS_CATEGORIES[c].flags)]),
);

// Which entries are already in `matched` during the current call: entry i is seen when
// `seenIn[i] === call`. A counter instead of a fresh set per call; the call is synchronous.
const seenIn = new Float64Array(GOODS_LEXICON.length);
let call = 0;
//#endregion

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
  const stamp = ++call;
  let flags = 0;
  const matched: string[] = [];
  let best: GoodsCategory | null = null;

  for (const item of matchGoods(description, LEXICON)) {
    let headAt = -1;
    for (let k = 0; k < item.length; k++) {
      const order = item[k]!.order;
      if (seenIn[order] !== stamp) {
        seenIn[order] = stamp;
        matched.push(RULES[order]!.id);
      }
      if (headAt < 0 && RULES[order]!.category !== null) headAt = k;
    }
    let cat: GoodsCategory | null = headAt >= 0 ? RULES[item[headAt]!.order]!.category : null;
    for (let k = 0; k < item.length; k++) {
      const rule = RULES[item[k]!.order]!;
      if (k === headAt) {
        flags |= rule.head;
        continue;
      }
      if (cat !== null && rule.promoteFrom !== null && rule.promoteFrom.includes(cat)) cat = rule.promoteTo;
      flags |= rule.other;
    }
    if (cat !== null) {
      flags |= CATEGORY_FLAGS.get(cat)!;
      if (best === null || GOODS_CATEGORIES[cat].risk > GOODS_CATEGORIES[best].risk) best = cat;
    }
  }

  const category = best ?? 'other';
  const info = GOODS_CATEGORIES[category];
  return {
    category,
    label: { vi: info.vi, en: info.en },
    flags: GOODS_FLAGS.filter((f) => (flags & FLAG_BIT.get(f)!) !== 0),
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
