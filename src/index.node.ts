/**
 * The core entry as Node resolves it (the `node` condition of `waybill-shield`): everything the
 * portable core exports, with the address reader installed and the bundled gazetteer and goods
 * lexicon registered, so `protect()`, address parsing and `classifyGoods` work with no setup, and
 * the native seal backend installed (node:crypto's `chacha20-poly1305` after HChaCha20; see
 * `crypto/_aead-node.ts`), which browser builds never carry.
 * @module
 */
import { installNodeAead } from './crypto/_aead-node.js';
import { loadBundledData } from './_bundled-data.js';

installNodeAead();
loadBundledData();

export * from './index.js';
