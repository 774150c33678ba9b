/**
 * Everything `protect()` needs beyond the core, bundled: the address reader, the gazetteer data and
 * the goods lexicon with its matcher. The entries that carry them (`waybill-shield/gazetteer`, the
 * Node build of the core entry, the CLI and its workers) each call {@link loadBundledData} in their
 * own top-level code, so that a bundler honouring `sideEffects` keeps the call (a side-effect-only
 * import of a shared module would be moved into a chunk that `sideEffects` does not list).
 * @module
 * @internal
 */
import { installAddressReader } from './address/_install.js';
import { registerDefaultGazetteerData } from './address/register-data.js';
import { GAZETTEER_DATA } from './address/gazetteer-data.js';
import { registerBundledGoodsLexicon } from './mask/register-goods.js';

/**
 * Install the address reader and register the bundled gazetteer and goods lexicon. Idempotent:
 * each of the three keeps its first installation.
 * @returns nothing
 * @example
 * ```ts
 * loadBundledData();
 * protect(waybill, { keyring });
 * ```
 * @internal called by the entries that bundle the data
 */
export function loadBundledData(): void {
  installAddressReader();
  registerDefaultGazetteerData(GAZETTEER_DATA);
  registerBundledGoodsLexicon();
}
