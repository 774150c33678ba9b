/**
 * The address functions as the core entry exports them: each forwards to the address reader that
 * an entry installed (`_reader.ts`), so the core bundle carries the reader only where an app
 * imports it. On Node the core entry installs it with the bundled gazetteer; in browsers and React
 * Native import `waybill-shield/gazetteer` (reader and data) or `waybill-shield/address` (the
 * reader alone, for your own `createGazetteer(...)` data) once.
 * @module
 */
import { addressReader, gazetteerBuilder } from './_reader.js';
import type { AddressRoutingOptions } from './routing.js';
import type { Gazetteer, GazetteerInput } from './gazetteer.js';
import type { MaskAddressOptions } from './mask.js';
import type { ParseAddressOptions } from './parse.js';
import type { AddressRouting, ParsedAddress } from './types.js';

/**
 * Parse a Vietnamese address written in either administrative scheme.
 *
 * @param text - the address as typed: any case, with or without diacritics, separators or abbreviations
 * @param opts - `gazetteer`: match against this gazetteer instead of the bundled one
 * @returns routing units (gazetteer data), door-level parts (slices of `text`), spans, scheme,
 *   confidence and ambiguity; an all-`null` result with confidence 0 when nothing matched
 * @throws {WaybillShieldError} `INVALID_INPUT` when `text` is not a string or longer than 2,000
 *   characters, or `opts` is malformed. The message never contains the input.
 *   `GAZETTEER_NOT_LOADED` (no `opts.gazetteer`) or `ADDRESS_READER_NOT_LOADED` (with one) outside
 *   Node when neither `waybill-shield/gazetteer` nor `waybill-shield/address` was imported.
 * @example
 * ```ts
 * const a = parseAddress('Số 5 ngõ 12, P. Thượng Đình, Q. Thanh Xuân, HN')
 * a.ward?.fullName     // 'Phường Thượng Đình'
 * a.district?.fullName // 'Quận Thanh Xuân'
 * a.scheme             // 'legacy'
 * a.houseNumber        // '5'
 * ```
 */
export function parseAddress(text: string, opts?: ParseAddressOptions): ParsedAddress {
  return addressReader(opts).parseAddress(text, opts);
}

/**
 * Mask an address for a printed label.
 *
 * @param input - raw address text, or the result of {@link parseAddress}
 * @param opts - `keep` (ward/district/province, all on by default), `convertTo2025` (off), `gazetteer`
 * @returns `***` followed by the kept units in official spelling, e.g.
 *   `***, Phường Thượng Đình, Quận Thanh Xuân, Hà Nội`; `***, <province>` or just `***` when parsing
 *   found less. Masking its own output returns the same string.
 * @throws {WaybillShieldError} `INVALID_INPUT` for a non-string, over-long text, a malformed parse
 *   result or bad options. The message never contains the input. `GAZETTEER_NOT_LOADED` /
 *   `ADDRESS_READER_NOT_LOADED` as for {@link parseAddress}.
 * @example
 * ```ts
 * maskAddress('Số 5 ngõ 12 Thượng Đình, Thanh Xuân, Hà Nội')
 * // '***, Phường Thượng Đình, Quận Thanh Xuân, Hà Nội'
 * ```
 */
export function maskAddress(input: string | ParsedAddress, opts?: MaskAddressOptions): string {
  return addressReader(opts).maskAddress(input, opts);
}

/**
 * Routing codes of a parsed address.
 *
 * @param parsed - the result of `parseAddress`
 * @param opts - `gazetteer`: the one used for parsing
 * @returns province, district (legacy; given or implied by a legacy ward) and ward with scheme and code,
 *   and `in2025` equivalents (`null` parts when a legacy ward was split)
 * @throws {WaybillShieldError} `INVALID_INPUT` when `parsed` is not shaped like a parse result.
 *   `GAZETTEER_NOT_LOADED` / `ADDRESS_READER_NOT_LOADED` as for {@link parseAddress}.
 * @example
 * ```ts
 * const r = addressRouting(parseAddress('P. Phúc Xá, Q. Ba Đình, Hà Nội'))
 * r.ward     // { code: '00001', name: 'Phúc Xá', type: 'phuong', scheme: 'legacy' }
 * r.in2025.ward?.name // 'Hồng Hà'
 * ```
 */
export function addressRouting(parsed: ParsedAddress, opts?: AddressRoutingOptions): AddressRouting {
  return addressReader(opts).addressRouting(parsed, opts);
}

/**
 * Build an indexed gazetteer from unit lists. Used for the bundled data and for tiny test gazetteers.
 *
 * @param input - units of both schemes and the legacy → 2025 mapping
 * @returns an indexed, immutable gazetteer
 * @throws {WaybillShieldError} `INVALID_INPUT` when a unit is malformed or a parent code is unknown;
 *   `ADDRESS_READER_NOT_LOADED` outside Node when neither `waybill-shield/address` nor
 *   `waybill-shield/gazetteer` was imported
 * @example
 * ```ts
 * import 'waybill-shield/address'; // browsers only; Node loads it with the core
 * const gz = createGazetteer({
 *   provinces2025: [{ code: '01', name: 'Hà Nội', type: 'thanh-pho' }],
 *   wards2025: [{ code: '00004', name: 'Ba Đình', type: 'phuong', province: '01' }],
 *   provincesLegacy: [], districtsLegacy: [], wardsLegacy: [],
 * })
 * parseAddress('P. Ba Đình, Hà Nội', { gazetteer: gz }).ward?.code // '00004'
 * ```
 */
export function createGazetteer(input: GazetteerInput): Gazetteer {
  return gazetteerBuilder().createGazetteer(input);
}
