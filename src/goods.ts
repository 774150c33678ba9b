/**
 * `waybill-shield/goods`: importing this entry registers the bundled goods lexicon, which
 * `classifyGoods` and `protect()`'s goods step read, and exports the table itself
 * (`GOODS_LEXICON`). `waybill-shield/gazetteer` (everything `protect()` needs in a browser), the
 * Node build of the core entry and the CLI register it already; in browsers and React Native an
 * app that classifies goods without the gazetteer imports this once, statically or lazily:
 *
 * ```ts
 * import 'waybill-shield/goods';
 * // or, as its own chunk, before the first classifyGoods():
 * await import('waybill-shield/goods');
 * ```
 * @module
 */
import { registerBundledGoodsLexicon } from './mask/register-goods.js';
import { goodsLexicon } from './mask/default-goods-lexicon.js';
import { withGoodsExamples } from './mask/_goods-packed.js';
import { GOODS_LEXICON_EXAMPLES } from './mask/goods-lexicon-examples.js';
import type { GoodsLexiconEntry } from './mask/goods-lexicon.js';

// Registered here, in the entry itself: see `register-goods.ts` for why not in a shared module.
registerBundledGoodsLexicon();
// Decoded now, as the entry is evaluated (the registration would otherwise wait for the first
// classification); GOODS_LEXICON below is these entries, each copied with its example.
const rules = goodsLexicon();

/**
 * The goods lexicon `classifyGoods` reads: every entry, in lexicon order, frozen. Reviewed and
 * edited as `goods-lexicon-source.ts`, shipped packed (`npm run goods-lexicon`) and decoded once,
 * when this entry is first evaluated: the entries `classifyGoods` uses, each with its `example`
 * (a description that fires it), which only this table carries (the examples are a module of their
 * own, so `waybill-shield/gazetteer`, which registers the lexicon too, does not ship them).
 * Exported here, not by the browser build of the core entry, so that apps which never classify
 * goods do not bundle it.
 * @example
 * ```ts
 * import { GOODS_LEXICON } from 'waybill-shield/goods';
 * GOODS_LEXICON.find((e) => e.id === 'el.phone')?.terms // ['điện thoại', …]
 * ```
 */
// Pure: an app that imports the entry only to register the lexicon (and never reads this table)
// does not bundle the examples.
export const GOODS_LEXICON: readonly GoodsLexiconEntry[] = /* @__PURE__ */ Object.freeze(/* @__PURE__ */ withGoodsExamples(rules, GOODS_LEXICON_EXAMPLES));

export { hasGoodsLexicon } from './mask/default-goods-lexicon.js';
