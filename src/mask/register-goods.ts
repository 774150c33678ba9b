/**
 * Registration of the bundled, packed goods lexicon and its matcher. Kept apart from
 * `default-goods-lexicon.ts` so that the packed data (`goods-lexicon-data.ts`), its decoder
 * (`_goods-packed.ts`) and the matcher (`_goods-match.ts`) reach only
 * the bundles of the entries that call it (`waybill-shield/goods`, `waybill-shield/gazetteer`, the
 * Node entry, the CLI and its workers), not the core. What is registered is what `classifyGoods`
 * reads: the entries without their examples (`goods-lexicon-examples.ts`, which only
 * `waybill-shield/goods` imports, for `GOODS_LEXICON`).
 *
 * Each of those entries calls {@link registerBundledGoodsLexicon} in its own file rather than
 * importing a module that registers as a side effect: the build moves modules shared by several
 * entries into chunks, which `package.json` does not list in `sideEffects`, so an app's bundler
 * would drop a registration that only ran there.
 * @module
 * @internal
 */

import { registerGoodsLexiconLoader } from './default-goods-lexicon.js';
import { compileLexicon, matchGoods } from './_goods-match.js';
import { unpackGoodsRules } from './_goods-packed.js';
import { GOODS_LEXICON_PACKED } from './goods-lexicon-data.js';
import { GOODS_CATEGORIES, GOODS_FLAGS, type GoodsCategory } from './goods-lexicon.js';

/**
 * Make the bundled lexicon the one `classifyGoods` reads, decoded at the first classification.
 * Idempotent (the first registration wins).
 * @returns nothing
 * @example
 * ```ts
 * registerBundledGoodsLexicon();
 * classifyGoods('Ốp lưng iPhone 15').category // 'electronics'
 * ```
 * @internal called by the entries that bundle the data
 */
export function registerBundledGoodsLexicon(): void {
  registerGoodsLexiconLoader(() =>
    unpackGoodsRules(GOODS_LEXICON_PACKED, Object.keys(GOODS_CATEGORIES) as GoodsCategory[], GOODS_FLAGS),
    { compile: compileLexicon, match: matchGoods },
  );
}
