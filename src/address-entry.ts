/**
 * `waybill-shield/address`: importing this entry installs the address reader (tokenizer,
 * vocabulary, name index, parser, masking, routing and `createGazetteer`) behind the core's
 * address functions, without the bundled gazetteer data. For browser and React Native apps that
 * bring their own gazetteer:
 *
 * ```ts
 * import 'waybill-shield/address';
 * import { createGazetteer, parseAddress } from 'waybill-shield';
 * const gazetteer = createGazetteer(myUnits);
 * parseAddress(text, { gazetteer });
 * ```
 *
 * `waybill-shield/gazetteer` installs the reader too, with the data; the Node build of the core
 * entry and the CLI install both. Without either import, the address functions throw
 * `ADDRESS_READER_NOT_LOADED` (or `GAZETTEER_NOT_LOADED` when the call needs the default gazetteer).
 * @module
 */
import { installAddressReader } from './address/_install.js';

// The call lives in the entry itself, so a bundler honouring `sideEffects` keeps it.
installAddressReader();

export { parseAddress, maskAddress, addressRouting, createGazetteer, isGazetteer, MAX_ADDRESS_LENGTH, ADDRESS_MASK } from './address/index.js';
export type {
  ParseAddressOptions,
  MaskAddressOptions,
  AddressRoutingOptions,
  Gazetteer,
  GazetteerInput,
  GazetteerUnitInput,
  AddressPart,
  AddressRouting,
  AddressScheme,
  AdminUnit,
  ParsedAddress,
  RoutingUnit,
  Span,
  UnitType,
} from './address/index.js';
