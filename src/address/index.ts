/**
 * The address module: parse, mask and route Vietnamese addresses of both administrative schemes.
 * Explicit named exports only.
 * @module
 */

export { parseAddress, MAX_ADDRESS_LENGTH } from './parse.js';
export type { ParseAddressOptions } from './parse.js';
export { maskAddress, ADDRESS_MASK } from './mask.js';
export type { MaskAddressOptions } from './mask.js';
export { addressRouting } from './routing.js';
export type { AddressRoutingOptions } from './routing.js';
export { createGazetteer, isGazetteer } from './gazetteer.js';
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
