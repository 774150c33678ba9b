/**
 * The gazetteer: Vietnamese administrative units of both schemes, indexed for right-to-left
 * matching, plus the legacy → 2025 mapping.
 *
 * The parser receives a {@link Gazetteer} as data, so tests can build a tiny one with
 * {@link createGazetteer}; production code uses the generated one (see `default-gazetteer.ts`).
 * Every unit is keyed by scheme and code, because codes are reused across schemes.
 * @module
 */

import { guard, WaybillShieldError } from '../errors.js';
import { nameKeys } from './_normalize.js';
import { plainEn } from './_plain-en.js';
import { DISTRICT_SHORTHANDS, PROVINCE_SHORTHANDS, TYPE_WORD } from './_vocab.js';
import type { AddressScheme, AdminUnit, UnitType } from './types.js';

/** One unit as given to {@link createGazetteer}. */
export interface GazetteerUnitInput {
  readonly code: string;
  /** Official name without the unit word. */
  readonly name: string;
  /** English name; defaults to the name without diacritics. */
  readonly nameEn?: string;
  readonly type: UnitType;
}

/** Source data for {@link createGazetteer}. Parents are referred to by code within the same scheme. */
export interface GazetteerInput {
  readonly provinces2025: readonly GazetteerUnitInput[];
  readonly wards2025: ReadonlyArray<GazetteerUnitInput & { readonly province: string }>;
  /** `to2025`: the 2025 province the legacy province went into. */
  readonly provincesLegacy: ReadonlyArray<GazetteerUnitInput & { readonly to2025?: string }>;
  readonly districtsLegacy: ReadonlyArray<GazetteerUnitInput & { readonly province: string }>;
  /** `to2025`: the 2025 ward(s) the legacy ward went into; more than one when it was split. */
  readonly wardsLegacy: ReadonlyArray<
    GazetteerUnitInput & { readonly district: string; readonly to2025?: readonly string[] }
  >;
  /**
   * Legacy districts and wards abolished or renamed before 2025-03 (optional). `parent` is the
   * province code (districts) or the district code as it was then (wards, possibly a historical
   * district); `successor` is the code, at the same level in the 2025-03 legacy list, of the unit it
   * went into.
   */
  readonly historyLegacy?: ReadonlyArray<
    GazetteerUnitInput & {
      readonly level: 'district' | 'ward';
      readonly province: string;
      readonly parent: string;
      readonly successor: string;
      /** Districts only: other current districts that received some of its wards. */
      readonly alsoInto?: readonly string[];
    }
  >;
}

/** The level of a unit in its scheme. */
export type UnitLevel = 'province' | 'district' | 'ward';

/** A unit with its place in the hierarchy. @internal */
export interface GazetteerEntry {
  readonly unit: AdminUnit;
  readonly level: UnitLevel;
  /** Province code in the same scheme. */
  readonly province: string;
  /** Legacy district code, for legacy wards. */
  readonly district: string | null;
  /** 2025 codes this legacy unit went into (provinces: one; wards: one or more). Empty for 2025 units. */
  readonly to2025: readonly string[];
  /** The name is a bare number (`Phường 12`, `Quận 1`): only matched after a unit word. */
  readonly numeric: boolean;
  /**
   * For a historical unit (abolished or renamed before 2025-03): the current legacy entry it went
   * into. `null` for current units.
   */
  readonly successor: GazetteerEntry | null;
  /** For a historical district split between several: the other current district codes it fed. */
  readonly alsoInto: readonly string[];
  /** What the reader keeps with the entry (see {@link EntryLinks}); absent on a hand-made entry. */
  readonly links?: EntryLinks;
}

/**
 * What the reader keeps with an entry: the gazetteer whose code look-ups reach it (set once that
 * gazetteer is built, for every entry it holds: codes are unique in it), and its neighbours in
 * the hierarchy in that gazetteer, each found on first need (`relatedOf` in `_index.ts`). Reached
 * from the entry itself, where a map from entries to records cost a hash look-up, often a cache miss,
 * on every call of masking and routing. @internal
 */
export interface EntryLinks extends Related {
  owner: Gazetteer | null;
}

/**
 * An entry's neighbours in the hierarchy (its province, legacy district, 2025 ward and 2025
 * province), each looked up in `byCode` on first need and kept; `undefined` until then. @internal
 */
export interface Related {
  province: GazetteerEntry | null | undefined;
  district: GazetteerEntry | null | undefined;
  ward2025: GazetteerEntry | null | undefined;
  province2025: GazetteerEntry | null | undefined;
}

function newLinks(): EntryLinks {
  return { owner: null, province: undefined, district: undefined, ward2025: undefined, province2025: undefined };
}

/**
 * An indexed gazetteer. Build one with {@link createGazetteer}, or get the bundled one with
 * `defaultGazetteer()`. Treat it as opaque: its fields are for the parser.
 */
export interface Gazetteer {
  readonly kind: 'waybill-shield/gazetteer';
  /** Province entries of both schemes by folded name key (shorthands included). */
  readonly provinceKeys: ReadonlyMap<string, readonly GazetteerEntry[]>;
  /** Legacy district entries by folded name key. */
  readonly districtKeys: ReadonlyMap<string, readonly GazetteerEntry[]>;
  /** Ward entries of both schemes by folded name key. */
  readonly wardKeys: ReadonlyMap<string, readonly GazetteerEntry[]>;
  /** Most words in any key, the longest match the parser needs to try. */
  readonly maxKeyWords: number;
  /** Entry by `scheme:level:code`. */
  readonly byCode: ReadonlyMap<string, GazetteerEntry>;
  /** Historical entries by `level:code:folded name` (their codes may be reused by current units). */
  readonly historical: ReadonlyMap<string, GazetteerEntry>;
  /** For each 2025 province code, the legacy province codes that went into it. */
  readonly legacyProvincesOf2025: ReadonlyMap<string, readonly string[]>;
  /** Unit counts, for reports. */
  readonly counts: Readonly<
    Record<'provinces2025' | 'wards2025' | 'provincesLegacy' | 'districtsLegacy' | 'wardsLegacy' | 'historicalDistricts' | 'historicalWards', number>
  >;
}

/**
 * The lookup key of an entry in {@link Gazetteer.byCode}.
 *
 * @param scheme - `2025` or `legacy`
 * @param level - province, district or ward
 * @param code - the official code in that scheme
 * @returns e.g. `legacy:ward:00001`
 */
export function codeKey(scheme: AddressScheme, level: UnitLevel, code: string): string {
  return `${scheme}:${level}:${code}`;
}

function makeUnit(u: GazetteerUnitInput, scheme: AddressScheme, historical = false): AdminUnit {
  if (typeof u.code !== 'string' || typeof u.name !== 'string' || !(u.type in TYPE_WORD)) {
    throw new WaybillShieldError('INVALID_INPUT', 'gazetteer: unit is malformed');
  }
  const fullName = `${TYPE_WORD[u.type]} ${u.name}`;
  const nameEn = u.nameEn ?? plainEn(u.name);
  // Two object literals, not a spread of one into the other: a spread gave every historical unit a
  // hidden class of its own (1,907 of them), which made each property read that meets units (the
  // parser's filters read `unit.type`, `unit.scheme` for every candidate) a slow generic lookup.
  // Written so, current units share one class and historical ones another.
  return Object.freeze(
    historical
      ? { code: u.code, name: u.name, fullName, nameEn, type: u.type, scheme, historical: true as const }
      : { code: u.code, name: u.name, fullName, nameEn, type: u.type, scheme },
  );
}

/**
 * The key of a historical entry in {@link Gazetteer.historical}.
 *
 * @param level - district or ward
 * @param code - its code (may be reused by a current unit)
 * @param name - its name
 * @returns e.g. `ward:27370:1`
 */
export function historicalKey(level: UnitLevel, code: string, name: string): string {
  return `${level}:${code}:${nameKeys(name)[0]}`;
}

const NONE: readonly string[] = Object.freeze([]);

function isNumericName(name: string): boolean {
  return /^\d{1,3}$/.test(name.trim());
}

/**
 * Build an indexed gazetteer from unit lists. Used for the bundled data and for tiny test gazetteers.
 *
 * @param input - units of both schemes and the legacy → 2025 mapping
 * @returns an indexed, immutable gazetteer
 * @throws {WaybillShieldError} `INVALID_INPUT` when a unit is malformed, a parent code is unknown, or
 *   two units of one level and scheme share a code
 * @example
 * ```ts
 * const gz = createGazetteer({
 *   provinces2025: [{ code: '01', name: 'Hà Nội', type: 'thanh-pho' }],
 *   wards2025: [{ code: '00004', name: 'Ba Đình', type: 'phuong', province: '01' }],
 *   provincesLegacy: [], districtsLegacy: [], wardsLegacy: [],
 * })
 * parseAddress('P. Ba Đình, Hà Nội', { gazetteer: gz }).ward?.code // '00004'
 * ```
 */
export function createGazetteer(input: GazetteerInput): Gazetteer {
  return guard('INVALID_INPUT', 'createGazetteer: input is not gazetteer data', () => {
    if (input === null || typeof input !== 'object') {
      throw new WaybillShieldError('INVALID_INPUT', 'gazetteer: input must be an object');
    }
    const provinceKeys = new Map<string, GazetteerEntry[]>();
    const districtKeys = new Map<string, GazetteerEntry[]>();
    const wardKeys = new Map<string, GazetteerEntry[]>();
    const byCode = new Map<string, GazetteerEntry>();
    const legacyProvincesOf2025 = new Map<string, string[]>();
    const historical = new Map<string, GazetteerEntry>();
    let maxKeyWords = 1;

    const add = (map: Map<string, GazetteerEntry[]>, key: string, e: GazetteerEntry): void => {
      if (key.length === 0) return;
      const list = map.get(key);
      if (list === undefined) map.set(key, [e]);
      else if (!list.includes(e)) list.push(e);
      let words = 1;
      for (let i = key.indexOf(' '); i >= 0; i = key.indexOf(' ', i + 1)) words++;
      if (words > maxKeyWords) maxKeyWords = words;
    };
    const index = (map: Map<string, GazetteerEntry[]>, e: GazetteerEntry, given: GazetteerUnitInput): void => {
      for (const k of nameKeys(e.unit.name)) add(map, k, e);
      // Only an English name that is more than the name without marks adds a key (`Hanoi`, `Paracel`).
      if (given.nameEn !== undefined) for (const k of nameKeys(given.nameEn)) add(map, k, e);
    };
    const entry = (
      u: GazetteerUnitInput,
      scheme: AddressScheme,
      level: UnitLevel,
      province: string,
      district: string | null,
      to2025: readonly string[],
    ): GazetteerEntry => {
      const unit = makeUnit(u, scheme);
      const e: GazetteerEntry = Object.freeze({
        unit,
        level,
        province,
        district,
        to2025: to2025.length === 0 ? NONE : Object.freeze([...to2025]),
        numeric: isNumericName(unit.name),
        successor: null,
        alsoInto: NONE,
        links: newLinks(),
      });
      const key = codeKey(scheme, level, unit.code);
      // Codes are how masking, routing and the mapping reach a unit: a second unit of one code would
      // make one of the two unreachable, and a code look-up answer the wrong one.
      if (byCode.has(key)) throw new WaybillShieldError('INVALID_INPUT', 'gazetteer: two units of one level and scheme share a code');
      byCode.set(key, e);
      return e;
    };
    const need = (key: string): GazetteerEntry => {
      const e = byCode.get(key);
      if (e === undefined) throw new WaybillShieldError('INVALID_INPUT', 'gazetteer: unknown parent code');
      return e;
    };

    for (const p of input.provinces2025) index(provinceKeys, entry(p, '2025', 'province', p.code, null, []), p);
    for (const w of input.wards2025) {
      need(codeKey('2025', 'province', w.province));
      index(wardKeys, entry(w, '2025', 'ward', w.province, null, []), w);
    }
    for (const p of input.provincesLegacy) {
      const to = p.to2025 === undefined ? [] : [p.to2025];
      index(provinceKeys, entry(p, 'legacy', 'province', p.code, null, to), p);
      if (p.to2025 !== undefined) {
        const list = legacyProvincesOf2025.get(p.to2025) ?? [];
        list.push(p.code);
        legacyProvincesOf2025.set(p.to2025, list);
      }
    }
    for (const d of input.districtsLegacy) {
      need(codeKey('legacy', 'province', d.province));
      index(districtKeys, entry(d, 'legacy', 'district', d.province, d.code, []), d);
    }
    for (const w of input.wardsLegacy) {
      const d = need(codeKey('legacy', 'district', w.district));
      index(wardKeys, entry(w, 'legacy', 'ward', d.province, w.district, w.to2025 ?? []), w);
    }
    // Historical units: indexed under their own names, never in `byCode` (codes are reused).
    const hist = input.historyLegacy ?? [];
    let hDistricts = 0;
    for (const level of ['district', 'ward'] as const) {
      for (const h of hist) {
        if (h.level !== level) continue;
        const succ = need(codeKey('legacy', level, h.successor));
        const unit = makeUnit(h, 'legacy', true);
        const e: GazetteerEntry = Object.freeze({
          unit,
          level,
          province: h.province,
          district: level === 'ward' ? h.parent : h.code,
          to2025: succ.to2025,
          numeric: isNumericName(unit.name),
          successor: succ,
          alsoInto: Object.freeze([...(h.alsoInto ?? [])]),
          links: newLinks(),
        });
        historical.set(historicalKey(level, unit.code, unit.name), e);
        index(level === 'ward' ? wardKeys : districtKeys, e, h);
        if (level === 'district') hDistricts++;
      }
    }
    // Shorthands point at whatever province entries carry the full name.
    for (const [short, full] of PROVINCE_SHORTHANDS) {
      for (const e of provinceKeys.get(full) ?? []) add(provinceKeys, short, e);
    }

    // District shorthands (`BT`, `Q.Đ.Đa`) are keys of the current districts of their own city only.
    for (const [prov, short, full] of DISTRICT_SHORTHANDS) {
      const codes = (provinceKeys.get(prov) ?? []).filter((e) => e.unit.scheme === 'legacy').map((e) => e.unit.code);
      for (const d of districtKeys.get(full) ?? []) {
        if (d.successor === null && codes.includes(d.province)) add(districtKeys, short, d);
      }
    }

    const gz: Gazetteer = Object.freeze({
      kind: 'waybill-shield/gazetteer' as const,
      provinceKeys,
      districtKeys,
      wardKeys,
      maxKeyWords,
      byCode,
      historical,
      legacyProvincesOf2025,
      counts: Object.freeze({
        provinces2025: input.provinces2025.length,
        wards2025: input.wards2025.length,
        provincesLegacy: input.provincesLegacy.length,
        districtsLegacy: input.districtsLegacy.length,
        wardsLegacy: input.wardsLegacy.length,
        historicalDistricts: hDistricts,
        historicalWards: hist.length - hDistricts,
      }),
    });
    // The entries its code look-ups reach: every current one (codes are unique) and the historical ones.
    for (const e of byCode.values()) e.links!.owner = gz;
    for (const e of historical.values()) e.links!.owner = gz;
    return gz;
  });
}

export { isGazetteer } from './is-gazetteer.js';
