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

/**
 * The entry of a unit object of the gazetteer itself (what `parseAddress` returns), by identity: no
 * key is built, and none of the checks of {@link look} run, which a frozen unit of the gazetteer
 * always passes. A historical unit stands for the current unit it went into.
 *
 * @returns the entry, or `undefined` when `u` is not one of the gazetteer's units of `level`
 */
function ownEntry(units: ReadonlyMap<AdminUnit, GazetteerEntry>, level: UnitLevel, u: unknown): GazetteerEntry | undefined {
  const e = units.get(u as AdminUnit);
  return e !== undefined && e.level === level ? (e.successor ?? e) : undefined;
}

/** The entry of a unit that is not one of the gazetteer's own objects, found by scheme and code. */
function look(gz: Gazetteer, level: UnitLevel, u: unknown): GazetteerEntry | null {
  if (u === null || u === undefined) return null;
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

// Masking and routing resolve the same parse result one after the other (as `protect()` does), so
// the last resolution is kept, keyed by the unit objects it was made from and the gazetteer. It is
// kept only when every unit was the gazetteer's own (or absent): those are frozen gazetteer data,
// never input text, and resolve the same way every time. A hand-made unit object, which its owner
// may change between calls, is read again on every call.
let memoGz: Gazetteer | undefined;
let memoProvince: unknown;
let memoDistrict: unknown;
let memoWard: unknown;
let memoAltWard: unknown;
let memoUnits: ResolvedUnits | undefined;

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
  // Each field is read once, in the order it always was (a hand-made object may have getters).
  const alt = (p as { legacyAlternative?: unknown }).legacyAlternative;
  const altUnit = alt !== null && typeof alt === 'object' ? (alt as { ward?: unknown }).ward : null;
  const pu = p.province as unknown;
  const du = p.district as unknown;
  const wu = p.ward as unknown;
  if (gz === memoGz && pu === memoProvince && du === memoDistrict && wu === memoWard && altUnit === memoAltWard) return memoUnits!;
  return resolveFresh(gz, pu, du, wu, altUnit);
}

/** True when `e` is absent or an entry `gz` made and reaches by its code (see `EntryLinks`). */
function ownOrNone(gz: Gazetteer, e: GazetteerEntry | null): boolean {
  return e === null || e.links?.owner === gz;
}

/**
 * Keep the resolution of a parse result the parser has just built from these entries, so that
 * masking and routing it right after, as `protect()` does, look nothing up. Kept only when every
 * entry is one `gz` made and reaches by its code: then its unit is one of `gz`'s own objects, and
 * {@link resolveUnits} would find exactly this (the current unit a historical one went into).
 *
 * @param gz - the gazetteer of the parse
 * @param province - the result's province entry, or `null`
 * @param district - its district entry, or `null`
 * @param ward - its ward entry, or `null`
 * @param altWard - its legacy alternative's ward entry, or `null`
 */
export function rememberResolved(gz: Gazetteer, province: GazetteerEntry | null, district: GazetteerEntry | null, ward: GazetteerEntry | null, altWard: GazetteerEntry | null): void {
  if (!ownOrNone(gz, province) || !ownOrNone(gz, district) || !ownOrNone(gz, ward) || !ownOrNone(gz, altWard)) return;
  keep(gz, province?.unit ?? null, district?.unit ?? null, ward?.unit ?? null, altWard?.unit ?? null, {
    province: province === null ? null : (province.successor ?? province),
    district: district === null ? null : (district.successor ?? district),
    ward: ward === null ? null : (ward.successor ?? ward),
    altWard: altWard === null ? null : (altWard.successor ?? altWard),
  });
}

/** Keep `out` as the resolution of these unit objects in `gz` (see {@link resolveUnits}). */
function keep(gz: Gazetteer, pu: unknown, du: unknown, wu: unknown, altUnit: unknown, out: ResolvedUnits): void {
  memoGz = gz;
  memoProvince = pu;
  memoDistrict = du;
  memoWard = wu;
  memoAltWard = altUnit;
  memoUnits = out;
}

/** How many units {@link entryOf} had to look up by scheme and code since {@link resolveFresh} began. */
let lookedUp = 0;

/**
 * The entry of one unit of a parse result: by identity when it is one of the gazetteer's own
 * objects, else by scheme and code (counted in {@link lookedUp}).
 */
function entryOf(gz: Gazetteer, units: ReadonlyMap<AdminUnit, GazetteerEntry>, level: UnitLevel, u: unknown): GazetteerEntry | null {
  if (u === null || u === undefined) return null;
  const e = ownEntry(units, level, u);
  if (e !== undefined) return e;
  lookedUp++;
  return look(gz, level, u);
}

/** {@link resolveUnits} without the kept resolution: looks each unit up, and keeps the result when it may. */
function resolveFresh(gz: Gazetteer, pu: unknown, du: unknown, wu: unknown, altUnit: unknown): ResolvedUnits {
  const units = entryOfUnit(gz);
  lookedUp = 0;
  // In this order: a malformed unit throws the error of the first one read.
  const altWard = entryOf(gz, units, 'ward', altUnit);
  const province = entryOf(gz, units, 'province', pu);
  const district = entryOf(gz, units, 'district', du);
  const ward = entryOf(gz, units, 'ward', wu);
  const out: ResolvedUnits = { province, district, ward, altWard };
  if (lookedUp === 0) keep(gz, pu, du, wu, altUnit, out);
  return out;
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
