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
import type { GoodsLexiconEntry } from './mask/goods-lexicon.js';

// Registered here, in the entry itself: see `register-goods.ts` for why not in a shared module.
registerBundledGoodsLexicon();

/**
 * The goods lexicon `classifyGoods` reads: every entry, in lexicon order, frozen. Reviewed and
 * edited as `goods-lexicon-source.ts`, shipped packed (`npm run goods-lexicon`) and decoded once,
 * when this entry is first evaluated; `classifyGoods` uses this very array. Exported here, not by
 * the browser build of the core entry, so that apps which never classify goods do not bundle it.
 * @example
 * ```ts
 * import { GOODS_LEXICON } from 'waybill-shield/goods';
 * GOODS_LEXICON.find((e) => e.id === 'el.phone')?.terms // ['điện thoại', …]
 * ```
 */
export const GOODS_LEXICON: readonly GoodsLexiconEntry[] = goodsLexicon();

export { hasGoodsLexicon } from './mask/default-goods-lexicon.js';
