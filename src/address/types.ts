/**
 * Public types of the address module: administrative units of both Vietnamese schemes, the parse
 * result of {@link parseAddress}, and the routing record put on a protected waybill.
 *
 * Two schemes are live: the 2025 two-level scheme (province → ward/commune, in force since
 * 2025-07-01) and the legacy three-level scheme (province → district → ward, as of 2025-03).
 * Codes are reused across schemes with different meanings, so every unit carries its scheme.
 * @module
 */

/** Which administrative scheme a unit or code belongs to. */
export type AddressScheme = '2025' | 'legacy';

/** Unit types, named after the Vietnamese unit word (`Thành phố`, `Tỉnh`, `Quận`, `Huyện`, …). */
export type UnitType =
  | 'thanh-pho'
  | 'tinh'
  | 'quan'
  | 'huyen'
  | 'thi-xa'
  | 'phuong'
  | 'xa'
  | 'thi-tran'
  | 'dac-khu';

/** One administrative unit of one scheme. `name` is the official name without its unit word. */
export interface AdminUnit {
  /** Official code, only meaningful together with `scheme`. */
  readonly code: string;
  /** Official name without the unit word, e.g. `Thượng Đình`. */
  readonly name: string;
  /** Unit word plus name, e.g. `Phường Thượng Đình`. */
  readonly fullName: string;
  /** English name from the source data, e.g. `Thuong Dinh`. */
  readonly nameEn: string;
  readonly type: UnitType;
  readonly scheme: AddressScheme;
  /**
   * Present (`true`) only on a legacy unit abolished or renamed before 2025-03. Masking and routing
   * use the current legacy unit it went into.
   */
  readonly historical?: true;
}

/** Door-level and routing parts that {@link ParsedAddress.spans} can point at. */
export type AddressPart =
  | 'houseNumber'
  | 'alley'
  | 'subWard'
  | 'room'
  | 'street'
  | 'ward'
  | 'district'
  | 'province';

/** A `[start, end)` range of UTF-16 offsets into the original input string. */
export type Span = readonly [start: number, end: number];

/** The result of {@link parseAddress}. Door-level parts are slices of the input; units come from the gazetteer. */
export interface ParsedAddress {
  /** Province (either scheme), or `null` when none was found or inferred. */
  readonly province: AdminUnit | null;
  /** Legacy district, only when the input names one. */
  readonly district: AdminUnit | null;
  /** Ward, commune or special zone. When `scheme` is `both`, the 2025 unit. */
  readonly ward: AdminUnit | null;
  /** When `scheme` is `both`: the legacy reading of the same text (province and ward). */
  readonly legacyAlternative: { readonly province: AdminUnit | null; readonly ward: AdminUnit } | null;
  readonly street: string | null;
  readonly houseNumber: string | null;
  /** Alley chain: `ngõ 12 ngách 3`, `hẻm 47`, or the leading part of `123/4/5B` (`123/4`). */
  readonly alley: string | null;
  /** Hamlet-level units: tổ, tổ dân phố, khu phố, ấp, thôn, xóm, bản, khóm, buôn. */
  readonly subWard: string | null;
  /** Building, floor, apartment or room. */
  readonly room: string | null;
  /** Which scheme the routing units belong to; `both` when the text reads validly in both. */
  readonly scheme: AddressScheme | 'both' | null;
  /** 0 (unparsed) to 1 (province, ward and every expected level matched with no doubt). */
  readonly confidence: number;
  /** Candidate units when folding diacritics left several (e.g. Ba Tơ / Ba Tô). Never input text. */
  readonly ambiguous: readonly AdminUnit[];
  /** Where each recognised part sits in the original string. */
  readonly spans: Readonly<Partial<Record<AddressPart, Span>>>;
  /** True when the ward or district read is a historical unit (see {@link AdminUnit.historical}). */
  readonly historical: boolean;
  /** The units matched only approximately (a misspelt name); each lowers `confidence`. */
  readonly fuzzy: ReadonlyArray<'ward' | 'district' | 'province'>;
}

/** One routing unit as plain JSON. */
export interface RoutingUnit {
  readonly code: string;
  readonly name: string;
  readonly type: UnitType;
  readonly scheme: AddressScheme;
}

/** Routing information for sorting: no door-level or sub-ward information, plain JSON. */
export interface AddressRouting {
  readonly scheme: AddressScheme | 'both' | null;
  readonly confidence: number;
  readonly province: RoutingUnit | null;
  /** The legacy district: given in the input, or implied by a legacy ward. */
  readonly district: RoutingUnit | null;
  readonly ward: RoutingUnit | null;
  /** The 2025-scheme equivalents. A part is `null` when the mapping is not one-to-one (split wards). */
  readonly in2025: { readonly province: RoutingUnit | null; readonly ward: RoutingUnit | null };
}
