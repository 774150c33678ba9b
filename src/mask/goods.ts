/**
 * Goods classification: turns a free-text goods description into a category, its vi/en label
 * and handling flags, so that a label can show "Điện tử" instead of "iPhone 15 Pro Max".
 *
 * The lexicon is data (edited in `goods-lexicon-source.ts`, shipped packed and registered by the
 * `waybill-shield/goods` entry, read here through `default-goods-lexicon.ts`); the matcher,
 * `_goods-match.ts`, is registered with it. `goodsLabel` needs only the category table, not the
 * lexicon. This module holds the decision rules:
 * - an item's category is that of its first naming term (Vietnamese puts the head noun first:
 *   `ốp lưng iphone` is a phone case, not a phone); modifiers after it may move it
 *   (`quần áo sơ sinh` → mother & baby) or add flags;
 * - a description with several items takes the category of the riskiest item and the union of
 *   all flags;
 * - `restricted` is never lost, wherever it appears.
 * @module
 */

import { guard, WaybillShieldError } from '../errors.js';
import type { CompiledLexicon, GoodsItem } from './_goods-match.js';
import { goodsLexicon, goodsMatcher } from './default-goods-lexicon.js';
import {
  GOODS_CATEGORIES,
  GOODS_FLAGS,
  type GoodsCategory,
  type GoodsFlag,
  type GoodsRule,
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

//#region precomputed decision data
// classifyGoods runs on every waybill, so what the rules need from each entry and category is
// read once, at the first call (see `prepared`): flags as bit sets (bit i = GOODS_FLAGS[i]),
// indexed by lexicon position.
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
  /** Opens a qualifier phrase: `item` (flavour, colour, `cho …`) or `rest` (a free gift). */
  readonly qualifies: 'item' | 'rest' | null;
  readonly blocksPromotionTo: readonly GoodsCategory[] | null;
}

/**
 * Rank of an item headed by a restricted term (`vape kèm 2 pin 18650`, `tiền mặt kèm thư`): it
 * names the parcel over every other item except sensitive ones, whatever its category's rank.
 */
const RESTRICTED_HEAD_RISK = 13.5;

const CATEGORY_FLAGS = new Map<GoodsCategory, number>(
  (Object.keys(GOODS_CATEGORIES) as GoodsCategory[]).map((c) => [c, bitsOf(GOODS_CATEGORIES[c].flags)]),
);

const ruleOf = (e: GoodsRule): EntryRule => {
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
    qualifies: e.qualifies ?? null,
    blocksPromotionTo: e.blocksPromotionTo ?? null,
  };
};

/** The compiled lexicon and the per-entry rules, built at the first call. */
interface Prepared {
  readonly lexicon: CompiledLexicon;
  readonly match: (text: string, lexicon: CompiledLexicon) => GoodsItem[];
  readonly rules: readonly EntryRule[];
  /**
   * Which entries are already in `matched` during the current call: entry i is seen when
   * `seenIn[i] === call`. A counter instead of a fresh set per call; the call is synchronous.
   */
  readonly seenIn: Float64Array;
}

let state: Prepared | null = null;
let call = 0;

// Decoding and indexing the lexicon (folding every term word, a few milliseconds) wait for the
// first classification instead of running when the module is imported. `goodsLexicon()` throws
// GOODS_LEXICON_NOT_LOADED while no entry has registered the data; nothing is cached then.
function prepared(): Prepared {
  if (state === null) {
    const entries = goodsLexicon();
    const { compile, match } = goodsMatcher();
    state = { lexicon: compile(entries), match, rules: entries.map(ruleOf), seenIn: new Float64Array(entries.length) };
  }
  return state;
}
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
 * @throws WaybillShieldError `GOODS_LEXICON_NOT_LOADED` in browsers and React Native when neither
 *   `waybill-shield/goods` nor `waybill-shield/gazetteer` was imported (Node loads the lexicon with the core)
 * @example
 * ```ts
 * import 'waybill-shield/goods'; // browsers only
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
  const { lexicon, match, rules, seenIn } = prepared();
  const stamp = ++call;
  let flags = 0;
  const matched: string[] = [];
  // Category of each item that has a head, with its rank; promoters found in items without a
  // head (`đầm ngủ lụa 2 dây sexy`) apply to every item afterwards.
  const cats: GoodsCategory[] = [];
  const risks: number[] = [];
  const loose: EntryRule[] = [];

  for (const item of match(description, lexicon)) {
    let headAt = -1;
    let scope: 'item' | 'rest' | null = null;
    let cat: GoodsCategory | null = null;
    let restrictedHead = false;
    let headCat: GoodsCategory | null = null;
    let blocked: readonly GoodsCategory[] | null = null;
    for (let k = 0; k < item.length; k++) {
      const order = item[k]!.order;
      const rule = rules[order]!;
      if (rule.category !== null && scope !== null) {
        // A naming term inside a qualifier phrase describes the head (`vị bạc hà`, `cho iPhone`)
        // and decides nothing. A free gift's `restricted` and `alsoFlags` still count.
        if (scope === 'rest') flags |= rule.other;
        continue;
      }
      // A promotion or qualifier word before any head (`✅ FREESHIP …`) qualifies nothing.
      if (rule.qualifies !== null && headAt < 0) continue;
      if (seenIn[order] !== stamp) {
        seenIn[order] = stamp;
        matched.push(rule.id);
      }
      if (headAt < 0 && rule.category !== null) {
        headAt = k;
        cat = rule.category;
        headCat = cat;
        flags |= rule.head;
        restrictedHead = (rule.head & RESTRICTED) !== 0;
        continue;
      }
      if (rule.qualifies !== null && headAt >= 0) scope = scope === 'rest' ? 'rest' : rule.qualifies;
      if (cat !== null && rule.promoteFrom !== null && rule.promoteFrom.includes(cat)) cat = rule.promoteTo;
      if (headAt < 0 && rule.promoteFrom !== null) loose.push(rule);
      if (rule.blocksPromotionTo !== null) blocked = rule.blocksPromotionTo;
      flags |= rule.other;
    }
    if (blocked !== null && cat !== headCat && cat !== null && blocked.includes(cat)) cat = headCat;
    if (cat !== null) {
      cats.push(cat);
      risks.push(restrictedHead ? Math.max(RESTRICTED_HEAD_RISK, GOODS_CATEGORIES[cat].risk) : GOODS_CATEGORIES[cat].risk);
    }
  }

  let best: GoodsCategory | null = null;
  let bestRisk = -1;
  for (let i = 0; i < cats.length; i++) {
    let cat = cats[i]!;
    let risk = risks[i]!;
    for (const rule of loose) {
      if (rule.promoteFrom!.includes(cat)) {
        cat = rule.promoteTo!;
        risk = Math.max(risk, GOODS_CATEGORIES[cat].risk);
      }
    }
    flags |= CATEGORY_FLAGS.get(cat)!;
    if (risk > bestRisk) {
      best = cat;
      bestRisk = risk;
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
