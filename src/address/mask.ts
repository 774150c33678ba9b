/**
 * `maskAddress`: the label form of an address. Keeps the routing units (ward/commune, legacy district
 * when given, province) in their official spelling from the gazetteer and replaces everything that
 * points to a door (house number, alley, hamlet, building, room, street) with one fixed `***`, so the
 * label leaks neither the text nor its length. It never falls back to the raw input.
 * @module
 */

import { WaybillShieldError } from '../errors.js';
import { toneKey } from './_normalize.js';
import { parseAddress, resolveGazetteer } from './parse.js';
import { districtOf, province2025Of, provinceOf, resolveUnits, ward2025Of } from './_resolve.js';
import type { Gazetteer, GazetteerEntry } from './gazetteer.js';
import type { ParsedAddress } from './types.js';
import { ADDRESS_MASK } from './constants.js';

export { ADDRESS_MASK };

/** Options of {@link maskAddress}. */
export interface MaskAddressOptions {
  /** Gazetteer to parse with and to read official names from; defaults to the bundled one. */
  readonly gazetteer?: Gazetteer;
  /** Which routing units to keep; each defaults to `true`. */
  readonly keep?: { readonly ward?: boolean; readonly district?: boolean; readonly province?: boolean };
  /**
   * Print the 2025-scheme equivalent of a legacy address when the mapping is one-to-one. A legacy ward
   * that was split is never guessed: the address stays in the legacy scheme. Default `false`.
   */
  readonly convertTo2025?: boolean;
}

/** A `keep` flag: `true` when absent. A module function rather than a closure made per call. */
function flag(v: unknown, name: string): boolean {
  if (v === undefined) return true;
  if (typeof v !== 'boolean') throw new WaybillShieldError('INVALID_INPUT', `maskAddress: keep.${name} must be a boolean`);
  return v;
}

function readOptions(opts: unknown): { gz: Gazetteer; ward: boolean; district: boolean; province: boolean; convert: boolean } {
  const gz = resolveGazetteer(opts);
  const o = (opts ?? {}) as { keep?: unknown; convertTo2025?: unknown };
  const keep = o.keep ?? {};
  if (keep === null || typeof keep !== 'object') throw new WaybillShieldError('INVALID_INPUT', 'maskAddress: keep must be an object');
  const k = keep as { ward?: unknown; district?: unknown; province?: unknown };
  if (o.convertTo2025 !== undefined && typeof o.convertTo2025 !== 'boolean') {
    throw new WaybillShieldError('INVALID_INPUT', 'maskAddress: convertTo2025 must be a boolean');
  }
  return {
    gz,
    ward: flag(k.ward, 'ward'),
    district: flag(k.district, 'district'),
    province: flag(k.province, 'province'),
    convert: o.convertTo2025 === true,
  };
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
 *   result or bad options. The message never contains the input.
 * @example
 * ```ts
 * maskAddress('Số 5 ngõ 12 Thượng Đình, Thanh Xuân, Hà Nội')
 * // '***, Phường Thượng Đình, Quận Thanh Xuân, Hà Nội'
 * ```
 */
export function maskAddress(input: string | ParsedAddress, opts?: MaskAddressOptions): string {
  // What `guard` does, written out: no closure is made per call.
  try {
    const o = readOptions(opts);
    if (typeof input !== 'string' && (input === null || typeof input !== 'object' || Array.isArray(input))) {
      throw new WaybillShieldError('INVALID_INPUT', 'maskAddress: input must be a string or a parsed address');
    }
    const parsed = typeof input === 'string' ? parseAddress(input, { gazetteer: o.gz }) : input;
    const u = resolveUnits(parsed, o.gz);
    let ward: GazetteerEntry | null = u.ward;
    let district: GazetteerEntry | null = u.district;
    // The district printed is the legacy ward's own (see addressRouting); a 2025 ward keeps the old
    // district it was written with.
    if (district !== null && ward !== null && ward.unit.scheme === 'legacy' && ward.district !== district.unit.code) district = districtOf(o.gz, ward);
    // A historical ward is printed as the current ward it went into, whose name the text did not
    // give: its district is printed with it, or the label may not read back (`Phường 1` of which city).
    if (district === null && ward !== null && ward.unit.scheme === 'legacy' && parsed.historical === true) district = districtOf(o.gz, ward);
    let province: GazetteerEntry | null = u.province ?? (ward ? provinceOf(o.gz, ward) : district ? provinceOf(o.gz, district) : null);
    if (o.convert) {
      if (ward !== null && ward.unit.scheme === 'legacy') {
        const w = ward2025Of(o.gz, ward);
        if (w !== null) {
          ward = w;
          district = null;
          province = provinceOf(o.gz, w);
        }
      } else if (ward === null && district === null && province !== null && province.unit.scheme === 'legacy') {
        province = province2025Of(o.gz, province);
      }
    }
    if (ward === null && district === null && province !== null && province.unit.scheme === 'legacy') {
      // A province printed alone reads back as the current province of that name (Thanh Hóa → Thanh Hoá);
      // print that spelling so masking stays idempotent.
      const p25 = province2025Of(o.gz, province);
      if (p25 !== null && toneKey(p25.unit.name) === toneKey(province.unit.name)) province = p25;
    }
    // Joined left to right (`label + ', ' + name`), so only the first join makes a short string;
    // `label + \`, ${name}\`` would first copy each short `, name` on its own.
    let label = ADDRESS_MASK;
    if (o.ward && ward !== null) label = label + ', ' + ward.unit.fullName;
    if (o.district && district !== null) label = label + ', ' + district.unit.fullName;
    if (o.province && province !== null) label = label + ', ' + province.unit.name;
    return label;
  } catch (e) {
    if (e instanceof WaybillShieldError) throw e;
    throw new WaybillShieldError('INVALID_INPUT', 'maskAddress: arguments are not an address and options');
  }
}
