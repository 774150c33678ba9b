/**
 * `addressRouting`: the sorting record of an address, as plain JSON for the protected waybill.
 * Province, legacy district and ward with their codes and scheme, plus the 2025-scheme equivalents
 * where the legacy → 2025 mapping is one-to-one. It holds nothing below the ward.
 * @module
 */

import { WaybillShieldError } from '../errors.js';
import { resolveGazetteer } from './parse.js';
import { districtOf, province2025Of, provinceOf, resolveUnits, ward2025Of } from './_resolve.js';
import type { Gazetteer, GazetteerEntry } from './gazetteer.js';
import type { AddressRouting, ParsedAddress, RoutingUnit } from './types.js';

/** Options of {@link addressRouting}. */
export interface AddressRoutingOptions {
  /** The gazetteer the address was parsed with; defaults to the bundled one. */
  readonly gazetteer?: Gazetteer;
}

function ru(e: GazetteerEntry | null): RoutingUnit | null {
  return e === null ? null : { code: e.unit.code, name: e.unit.name, type: e.unit.type, scheme: e.unit.scheme };
}

/**
 * Routing codes of a parsed address.
 *
 * @param parsed - the result of `parseAddress`
 * @param opts - `gazetteer`: the one used for parsing
 * @returns province, district (legacy; given or implied by a legacy ward) and ward with scheme and code,
 *   and `in2025` equivalents (`null` parts when a legacy ward was split)
 * @throws {WaybillShieldError} `INVALID_INPUT` when `parsed` is not shaped like a parse result
 * @example
 * ```ts
 * const r = addressRouting(parseAddress('P. Phúc Xá, Q. Ba Đình, Hà Nội'))
 * r.ward     // { code: '00001', name: 'Phúc Xá', type: 'phuong', scheme: 'legacy' }
 * r.in2025.ward?.name // 'Hồng Hà'
 * ```
 */
export function addressRouting(parsed: ParsedAddress, opts?: AddressRoutingOptions): AddressRouting {
  // What `guard` does, written out: no closure is made per call.
  try {
    const gz = resolveGazetteer(opts);
    const u = resolveUnits(parsed, gz);
    const ward = u.ward;
    const province = u.province ?? (ward ? provinceOf(gz, ward) : u.district ? provinceOf(gz, u.district) : null);
    const legacyWard = ward?.unit.scheme === 'legacy' ? ward : u.altWard;
    // A legacy ward names its district: when the text gave another (an old district the ward has
    // left, or a historical one), the ward's own current district is the one to route by.
    const district = legacyWard && (u.district === null || u.district.unit.code !== legacyWard.district) ? districtOf(gz, legacyWard) : u.district;
    let w25: GazetteerEntry | null = null;
    if (ward !== null) w25 = ward.unit.scheme === '2025' ? ward : ward2025Of(gz, ward);
    let p25: GazetteerEntry | null = null;
    if (w25 !== null) p25 = provinceOf(gz, w25);
    else if (province !== null) p25 = province2025Of(gz, province);
    const scheme = parsed.scheme === '2025' || parsed.scheme === 'legacy' || parsed.scheme === 'both' ? parsed.scheme : null;
    const confidence = typeof parsed.confidence === 'number' && parsed.confidence >= 0 && parsed.confidence <= 1 ? parsed.confidence : 0;
    return {
      scheme,
      confidence,
      province: ru(province),
      district: ru(district),
      ward: ru(ward),
      in2025: { province: ru(p25), ward: ru(w25) },
    };
  } catch (e) {
    if (e instanceof WaybillShieldError) throw e;
    throw new WaybillShieldError('INVALID_INPUT', 'addressRouting: arguments are not a parsed address and options');
  }
}
