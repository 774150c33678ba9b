/**
 * The goods lexicon seam. The bundled lexicon (`goods-lexicon-data.ts`, about 14 KB gzipped with
 * its decoder; the entries' examples are not part of it) and the matcher that reads it (`_goods-match.ts`, about 1.6 KB) are not imported
 * from here: it is registered by the `waybill-shield/goods` entry,
 * which `waybill-shield/gazetteer`, the Node build of the core entry and the CLI load for you.
 * Browser and React Native apps that call `classifyGoods` or `protect()` import one of those two
 * entries once; apps that never classify goods, such as courier apps that redeem tokens or print
 * labels from stored records (`goodsLabel`, `acceptanceOf`), never ship it.
 * @module
 */

import { WaybillShieldError } from '../errors.js';
import type { CompiledLexicon, GoodsItem } from './_goods-match.js';
import type { GoodsRule } from './goods-lexicon.js';

/**
 * The matcher registered with the lexicon: it compiles the entries once and finds their terms in a
 * description. Only useful with a lexicon, so it travels with the data.
 * @internal
 */
export interface GoodsMatcher {
  readonly compile: (entries: readonly GoodsRule[]) => CompiledLexicon;
  readonly match: (text: string, lexicon: CompiledLexicon) => GoodsItem[];
}

// The decoder of the packed data (`_goods-packed.ts`) and the matcher are not imported here either:
// the entry that registers the data brings them (`register-goods.ts`), so the core bundle carries
// neither.
let registered: { readonly decode: () => readonly GoodsRule[]; readonly matcher: GoodsMatcher } | undefined;
let cached: readonly GoodsRule[] | undefined;

/**
 * Make the bundled lexicon the one `classifyGoods` reads: `decode` runs once, on first use.
 * Idempotent (the first registration wins).
 * @param decode - returns the bundled lexicon, decoded (without the entries' examples: see `GoodsRule`)
 * @param match - the matcher that reads it
 * @returns nothing; {@link goodsLexicon} calls `decode` at its first call
 * @example
 * ```ts
 * registerGoodsLexiconLoader(() => unpackGoodsRules(GOODS_LEXICON_PACKED, CATEGORY_IDS, GOODS_FLAGS), { compile: compileLexicon, match: matchGoods });
 * ```
 * @internal called through `registerBundledGoodsLexicon` by the entries that bundle the data
 */
export function registerGoodsLexiconLoader(decode: () => readonly GoodsRule[], match: GoodsMatcher): void {
  registered ??= { decode, matcher: match };
}

/**
 * Whether the goods lexicon is there: true once `waybill-shield/goods` (or
 * `waybill-shield/gazetteer`, which brings it) has been imported. Always true on Node.
 * @returns true when `classifyGoods` can classify
 * @example
 * ```ts
 * if (!hasGoodsLexicon()) await import('waybill-shield/goods');
 * ```
 */
export function hasGoodsLexicon(): boolean {
  return registered !== undefined;
}

/**
 * The registered goods lexicon, decoded once on first use and cached (frozen).
 * @returns the lexicon entries, in lexicon order, without their examples (`GOODS_LEXICON` has them)
 * @throws WaybillShieldError `GOODS_LEXICON_NOT_LOADED` when neither `waybill-shield/goods` nor
 *   `waybill-shield/gazetteer` was imported (browsers, React Native)
 * @example
 * ```ts
 * import 'waybill-shield/goods'; // browsers only; Node loads it with the core
 * goodsLexicon().length // the number of entries
 * ```
 * @internal read by `classifyGoods` and by the `waybill-shield/goods` entry
 */
export function goodsLexicon(): readonly GoodsRule[] {
  return (cached ??= Object.freeze(registration().decode()));
}

/**
 * The matcher registered with the lexicon.
 * @returns the registered matcher
 * @throws WaybillShieldError `GOODS_LEXICON_NOT_LOADED` when no lexicon was registered
 * @example
 * ```ts
 * const { compile, match } = goodsMatcher();
 * ```
 * @internal read by `classifyGoods`
 */
export function goodsMatcher(): GoodsMatcher {
  return registration().matcher;
}

/** The registration, or the not-loaded error. */
function registration(): NonNullable<typeof registered> {
  if (registered === undefined) {
    throw new WaybillShieldError(
      'GOODS_LEXICON_NOT_LOADED',
      "no goods lexicon: import 'waybill-shield/goods' (or 'waybill-shield/gazetteer') once before classifying goods",
    );
  }
  return registered;
}
