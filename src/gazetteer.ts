/**
 * `waybill-shield/gazetteer`: importing this entry installs the address reader (as
 * `waybill-shield/address` does) and registers the bundled gazetteer as the default for address
 * parsing, masking, routing and `protect()`. The Node build of the core entry and the
 * CLI import it already; in browsers and React Native import it once, statically or lazily:
 *
 * ```ts
 * import 'waybill-shield/gazetteer';
 * // or, as its own chunk, before the first protect():
 * await import('waybill-shield/gazetteer');
 * ```
 * @module
 */
import { installAddressReader } from './address/_install.js';
import { registerDefaultGazetteerData } from './address/register-data.js';
import { GAZETTEER_DATA } from './address/gazetteer-data.js';
import { registerBundledGoodsLexicon } from './mask/register-goods.js';

// Both calls live in the entry itself, so a bundler honouring `sideEffects` keeps them.
installAddressReader();
registerDefaultGazetteerData(GAZETTEER_DATA);
registerBundledGoodsLexicon(); // protect() needs the goods lexicon too (as `waybill-shield/goods` registers it)

export { defaultGazetteer, hasDefaultGazetteer } from './address/default-gazetteer.js';
