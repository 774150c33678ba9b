/**
 * Re-reads the units of a {@link ParsedAddress} from the gazetteer by scheme and code, so that masking
 * and routing only ever print gazetteer text, even when handed a hand-made or tampered object.
 * The gazetteer's own unit objects (what `parseAddress` returns) and the neighbours of an entry are
 * found through lookups derived once per gazetteer (`_index.ts`), which give the same answers as
 * `byCode` without building a `scheme:level:code` string per lookup.
 * @module
 * @internal
 */

import { WaybillShieldError } from '../errors.js';
import { entryOfUnit, relatedOf } from './_index.js';
import { codeKey, historicalKey, type Gazetteer, type GazetteerEntry, type UnitLevel } from './gazetteer.js';
import type { AdminUnit, ParsedAddress } from './types.js';

/** The gazetteer entries behind a parse result. */
export interface ResolvedUnits {
  readonly province: GazetteerEntry | null;
  readonly district: GazetteerEntry | null;
  readonly ward: GazetteerEntry | null;
  readonly altWard: GazetteerEntry | null;
}

function look(gz: Gazetteer, units: ReadonlyMap<AdminUnit, GazetteerEntry>, level: UnitLevel, u: unknown): GazetteerEntry | null {
  if (u === null || u === undefined) return null;
  // The gazetteer's own unit object (what parseAddress returns): its entry without building a key,
  // and without the checks below, which a frozen unit of the gazetteer always passes. A historical
  // unit stands for the current unit it went into.
  const e = units.get(u as AdminUnit);
  if (e !== undefined && e.level === level) return e.successor ?? e;
  if (typeof u !== 'object') throw new WaybillShieldError('INVALID_INPUT', 'parsed address: unit must be an object');
  const { scheme, code } = u as { scheme?: unknown; code?: unknown };
  if ((scheme !== '2025' && scheme !== 'legacy') || typeof code !== 'string') {
    throw new WaybillShieldError('INVALID_INPUT', 'parsed address: unit needs a scheme and a code');
  }
  if ((u as { historical?: unknown }).historical === true && level !== 'province') {
    const name = (u as { name?: unknown }).name;
    const h = typeof name === 'string' ? gz.historical?.get(historicalKey(level, code, name)) : undefined;
    return h?.successor ?? null;
  }
  // A unit unknown to this gazetteer is dropped rather than printed.
  return gz.byCode.get(codeKey(scheme, level, code)) ?? null;
}

/**
 * Look up the units of `p` in `gz`.
 *
 * @param p - a parse result (or an object of that shape)
 * @param gz - the gazetteer
 * @returns the entries, `null` where absent or unknown
 * @throws {WaybillShieldError} `INVALID_INPUT` when `p` is not shaped like a parse result
 */
export function resolveUnits(p: ParsedAddress, gz: Gazetteer): ResolvedUnits {
  if (p === null || typeof p !== 'object' || Array.isArray(p)) throw new WaybillShieldError('INVALID_INPUT', 'parsed address must be an object');
  const alt = (p as { legacyAlternative?: unknown }).legacyAlternative;
  const units = entryOfUnit(gz);
  const altWard = alt !== null && typeof alt === 'object' ? look(gz, units, 'ward', (alt as { ward?: unknown }).ward) : null;
  return {
    province: look(gz, units, 'province', p.province),
    district: look(gz, units, 'district', p.district),
    ward: look(gz, units, 'ward', p.ward),
    altWard,
  };
}

/**
 * The 2025 ward a legacy ward became, when it went into exactly one.
 *
 * @param gz - the gazetteer
 * @param legacyWard - a legacy ward entry
 * @returns the 2025 ward entry, or `null` for split or unmapped wards
 */
export function ward2025Of(gz: Gazetteer, legacyWard: GazetteerEntry): GazetteerEntry | null {
  const r = relatedOf(gz, legacyWard);
  if (r === null) return lookUpWard2025(gz, legacyWard);
  if (r.ward2025 === undefined) r.ward2025 = lookUpWard2025(gz, legacyWard);
  return r.ward2025;
}

function lookUpWard2025(gz: Gazetteer, legacyWard: GazetteerEntry): GazetteerEntry | null {
  if (legacyWard.unit.scheme !== 'legacy' || legacyWard.to2025.length !== 1) return null;
  return gz.byCode.get(codeKey('2025', 'ward', legacyWard.to2025[0]!)) ?? null;
}

/**
 * The 2025 province a legacy province became (always one), or the province itself for 2025 units.
 *
 * @param gz - the gazetteer
 * @param province - a province entry of either scheme
 * @returns the 2025 province entry, or `null` when unmapped
 */
export function province2025Of(gz: Gazetteer, province: GazetteerEntry): GazetteerEntry | null {
  const r = relatedOf(gz, province);
  if (r === null) return lookUpProvince2025(gz, province);
  if (r.province2025 === undefined) r.province2025 = lookUpProvince2025(gz, province);
  return r.province2025;
}

function lookUpProvince2025(gz: Gazetteer, province: GazetteerEntry): GazetteerEntry | null {
  if (province.unit.scheme === '2025') return province;
  if (province.to2025.length !== 1) return null;
  return gz.byCode.get(codeKey('2025', 'province', province.to2025[0]!)) ?? null;
}

/**
 * The province entry of a ward or district, in its own scheme.
 *
 * @param gz - the gazetteer
 * @param e - a ward or district entry
 * @returns its province entry
 */
export function provinceOf(gz: Gazetteer, e: GazetteerEntry): GazetteerEntry | null {
  const r = relatedOf(gz, e);
  if (r === null) return lookUpProvince(gz, e);
  if (r.province === undefined) r.province = lookUpProvince(gz, e);
  return r.province;
}

function lookUpProvince(gz: Gazetteer, e: GazetteerEntry): GazetteerEntry | null {
  return gz.byCode.get(codeKey(e.unit.scheme, 'province', e.province)) ?? null;
}

/**
 * The legacy district of a legacy ward.
 *
 * @param gz - the gazetteer
 * @param e - a legacy ward entry
 * @returns its district entry, or `null` for 2025 wards
 */
export function districtOf(gz: Gazetteer, e: GazetteerEntry): GazetteerEntry | null {
  const r = relatedOf(gz, e);
  if (r === null) return lookUpDistrict(gz, e);
  if (r.district === undefined) r.district = lookUpDistrict(gz, e);
  return r.district;
}

function lookUpDistrict(gz: Gazetteer, e: GazetteerEntry): GazetteerEntry | null {
  return e.district === null ? null : (gz.byCode.get(codeKey('legacy', 'district', e.district)) ?? null);
}
