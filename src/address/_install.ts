/**
 * The installer of the address reader: the one module that imports the parser, the masking and
 * routing code and `createGazetteer` together. Only the entries that carry the reader import it
 * (`waybill-shield/address`, `waybill-shield/gazetteer`, the Node core entry, the CLI and its
 * workers), and each calls {@link installAddressReader} in its own top-level code, so that a
 * bundler honouring `sideEffects` keeps the call (see `_reader.ts`).
 * @module
 * @internal
 */
import { setAddressReader } from './_reader.js';
import { parseAddress } from './parse.js';
import { maskAddress } from './mask.js';
import { addressRouting } from './routing.js';
import { createGazetteer } from './gazetteer.js';

/**
 * Install the address reader behind the core's address functions and `protect()`. Idempotent.
 * @returns nothing
 * @example
 * ```ts
 * installAddressReader();
 * parseAddress(text, { gazetteer: createGazetteer(input) });
 * ```
 * @internal called by the entries that carry the reader
 */
export function installAddressReader(): void {
  setAddressReader({ parseAddress, maskAddress, addressRouting, createGazetteer });
}
