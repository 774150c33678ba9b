/**
 * The address-reader seam. The reader (tokenizer, vocabulary, name index, parser, masking, routing
 * and `createGazetteer`: about 13 KB gzipped) is not imported by the core entry: the entries that
 * need it install it at import time, the way the Node entries install the native seal backend.
 *
 * - `waybill-shield/address` installs the reader alone (browser apps with their own gazetteer);
 * - `waybill-shield/gazetteer` installs it and registers the bundled data;
 * - the Node build of the core entry, the CLI and its workers do both.
 *
 * The core's address functions (`./api.ts`) and `protect()` reach the reader through
 * {@link addressReader}. Without it they throw: `GAZETTEER_NOT_LOADED` when the call needs the
 * default gazetteer (as before the reader moved; the gazetteer entry brings both),
 * `ADDRESS_READER_NOT_LOADED` when the call brings its own gazetteer or builds one.
 * @module
 * @internal
 */
import { WaybillShieldError } from '../errors.js';
import type { AddressRoutingOptions } from './routing.js';
import type { Gazetteer, GazetteerInput } from './gazetteer.js';
import type { MaskAddressOptions } from './mask.js';
import type { ParseAddressOptions } from './parse.js';
import type { AddressRouting, ParsedAddress } from './types.js';

/** The reader's functions, as the entries that carry it install them. @internal */
export interface AddressReader {
  readonly parseAddress: (text: string, opts?: ParseAddressOptions) => ParsedAddress;
  readonly maskAddress: (input: string | ParsedAddress, opts?: MaskAddressOptions) => string;
  readonly addressRouting: (parsed: ParsedAddress, opts?: AddressRoutingOptions) => AddressRouting;
  readonly createGazetteer: (input: GazetteerInput) => Gazetteer;
}

let installed: AddressReader | undefined;

/**
 * Install the address reader. Idempotent: the first installation wins (every entry installs the
 * same functions; a second copy of the package cannot swap them out).
 * @param reader - the reader's functions
 * @returns nothing
 * @example
 * ```ts
 * setAddressReader({ parseAddress, maskAddress, addressRouting, createGazetteer });
 * ```
 * @internal called through `installAddressReader()` by the entries that carry the reader
 */
export function setAddressReader(reader: AddressReader): void {
  installed ??= reader;
}

/** The message of `ADDRESS_READER_NOT_LOADED`; it names the import to add and nothing of the input. */
export const READER_NOT_LOADED_MESSAGE = "the address reader is not loaded: import 'waybill-shield/address' once (or 'waybill-shield/gazetteer', which also brings the bundled data)";

/**
 * The installed reader, for a call made with `opts`.
 * @param opts - the call's options, looked at only to pick the error: whether it brings a gazetteer
 * @returns the installed reader
 * @throws WaybillShieldError `GAZETTEER_NOT_LOADED` when no reader is installed and the call would use
 *   the default gazetteer; `ADDRESS_READER_NOT_LOADED` when it brings its own (`opts.gazetteer`)
 * @example
 * ```ts
 * const parsed = addressReader(opts).parseAddress(text, opts);
 * ```
 * @internal
 */
export function addressReader(opts: unknown): AddressReader {
  if (installed !== undefined) return installed;
  const own = typeof opts === 'object' && opts !== null && (opts as { gazetteer?: unknown }).gazetteer !== undefined;
  if (own) throw new WaybillShieldError('ADDRESS_READER_NOT_LOADED', READER_NOT_LOADED_MESSAGE);
  throw new WaybillShieldError('GAZETTEER_NOT_LOADED', "no default gazetteer: import 'waybill-shield/gazetteer' once, or pass { gazetteer } after importing 'waybill-shield/address'");
}

/**
 * The installed reader, for building a gazetteer (no default is involved).
 * @returns the installed reader
 * @throws WaybillShieldError `ADDRESS_READER_NOT_LOADED` when no entry has installed it
 * @example
 * ```ts
 * const gz = gazetteerBuilder().createGazetteer(input);
 * ```
 * @internal
 */
export function gazetteerBuilder(): AddressReader {
  if (installed !== undefined) return installed;
  throw new WaybillShieldError('ADDRESS_READER_NOT_LOADED', READER_NOT_LOADED_MESSAGE);
}
