/**
 * The address module: parse, mask and route Vietnamese addresses of both administrative schemes.
 * Explicit named exports only. The functions here forward to the address reader (`api.ts`,
 * `_reader.ts`), which the entries that need it install: the Node core entry, the CLI,
 * `waybill-shield/gazetteer` and `waybill-shield/address`.
 * @module
 */

export { parseAddress, maskAddress, addressRouting, createGazetteer } from './api.js';
export { MAX_ADDRESS_LENGTH, ADDRESS_MASK } from './constants.js';
export { isGazetteer } from './is-gazetteer.js';
export type { ParseAddressOptions } from './parse.js';
export type { MaskAddressOptions } from './mask.js';
export type { AddressRoutingOptions } from './routing.js';
export type { Gazetteer, GazetteerInput, GazetteerUnitInput } from './gazetteer.js';
export { defaultGazetteer, hasDefaultGazetteer } from './default-gazetteer.js';
export type {
  AddressPart,
  AddressRouting,
  AddressScheme,
  AdminUnit,
  ParsedAddress,
  RoutingUnit,
  Span,
  UnitType,
} from './types.js';
