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
import { loadBundledData } from './_bundled-data.js';

// The call lives in the entry itself, so a bundler honouring `sideEffects` keeps it; it installs
// the reader and registers the gazetteer and the goods lexicon (protect() needs all three).
loadBundledData();

export { defaultGazetteer, hasDefaultGazetteer } from './address/default-gazetteer.js';
