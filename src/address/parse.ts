/**
 * `parseAddress`: reads a free-text Vietnamese address into routing units (province, legacy district,
 * ward/commune, of either administrative scheme) and door-level parts, with spans in the original text.
 *
 * Matching runs right to left, the way addresses are written: province, then district, then ward,
 * trying the longest key first at each step. Each step yields a few candidate readings; a small score
 * picks the best whole reading. Work is linear in the input: every step looks at most
 * `gazetteer.maxKeyWords` tokens back from one position.
 * @module
 */

import { guard, WaybillShieldError } from '../errors.js';
import { parseDoor } from './_door.js';
import { isAllDigits, joinKey, startsWithDigit, tokenize, toneAwareKey, toneKey, type Token } from './_normalize.js';
import { COUNTRY_KEYS, STREET_CONTEXT, UNIT_WORDS, type UnitClass, type UnitWord } from './_vocab.js';
import { defaultGazetteer } from './default-gazetteer.js';
import { codeKey, isGazetteer, type Gazetteer, type GazetteerEntry, type UnitLevel } from './gazetteer.js';
import type { AddressPart, AdminUnit, ParsedAddress, Span } from './types.js';

/** Options of {@link parseAddress}. */
export interface ParseAddressOptions {
  /** The gazetteer to match against; defaults to the bundled one. */
  readonly gazetteer?: Gazetteer;
}

/** The longest address text accepted, in UTF-16 code units. */
export const MAX_ADDRESS_LENGTH = 2000;

interface Match {
  readonly level: UnitLevel;
  /** First token of the match, unit word included. */
  readonly start: number;
  /** First token of the name. */
  readonly nameStart: number;
  /** End token (exclusive). */
  readonly end: number;
  readonly entries: readonly GazetteerEntry[];
  readonly prefix: UnitWord | null;
  readonly typeMismatch: boolean;
}

interface Ctx {
  readonly text: string;
  readonly tokens: readonly Token[];
  readonly gz: Gazetteer;
  readonly steps: { n: number };
}

/** Unit word ending right before token `s`, if any (longest first). */
function unitWordBefore(ctx: Ctx, s: number): UnitWord | null {
  const { tokens } = ctx;
  if (s === 0 || tokens[s]!.brk) return null;
  for (const w of UNIT_WORDS) {
    const n = w.words.length;
    if (s - n < 0) continue;
    let ok = true;
    for (let k = 0; k < n && ok; k++) {
      const t = tokens[s - n + k]!;
      if (t.key !== w.words[k] || t.noise || (k > 0 && t.brk)) ok = false;
    }
    if (ok) return w;
  }
  return null;
}

function keyMap(gz: Gazetteer, level: UnitLevel): ReadonlyMap<string, readonly GazetteerEntry[]> {
  return level === 'province' ? gz.provinceKeys : level === 'district' ? gz.districtKeys : gz.wardKeys;
}

/**
 * True when the words right before token `s` (same segment) make a bare name there a street: a house
 * number (`52 Hai Bà Trưng`) or a street/alley word (`Đường Hải Phòng`). A number that belongs to a
 * hamlet, floor or street name (`Thôn 7B Tân Thành`, `Đường 30/4 Tự Nhiên`) does not.
 */
function streetBefore(tokens: readonly Token[], s: number): boolean {
  if (s === 0 || tokens[s]!.brk) return false;
  const prev = tokens[s - 1]!;
  if (prev.noise) return false;
  if (!startsWithDigit(prev.key)) return STREET_CONTEXT.has(prev.key);
  let k = s - 1;
  while (k > 0 && !tokens[k]!.brk && NUMBER_JOINERS.has(tokens[k]!.sep.trim()) && startsWithDigit(tokens[k - 1]!.key)) k--;
  const before = k > 0 && !tokens[k]!.brk ? tokens[k - 1]! : undefined;
  return before === undefined || !NUMBERED_NON_HOUSE.has(before.key);
}

const NUMBER_JOINERS: ReadonlySet<string> = new Set(['/', '\\', '-']);
/** Words whose number is not a house number: hamlets, floors, and numbered streets. */
const NUMBERED_NON_HOUSE: ReadonlySet<string> = new Set([
  'to', 'kp', 'tdp', 'thon', 'ap', 'xom', 'ban', 'khom', 'doi', 'cum', 'khu', 'pho', 'tang', 'lau', 'duong', 'd',
]);

/** Every match of `level` ending at token `end`, longest first. */
function matchesAt(ctx: Ctx, end: number, level: UnitLevel, accept: (e: GazetteerEntry) => boolean): Match[] {
  const { tokens, gz } = ctx;
  const out: Match[] = [];
  const map = keyMap(gz, level);
  const words: string[] = [];
  for (let len = 1; len <= gz.maxKeyWords && end - len >= 0; len++) {
    const s = end - len;
    const t = tokens[s]!;
    if (t.noise) break;
    words.unshift(t.key);
    ctx.steps.n++;
    const list = map.get(joinKey(words));
    // Names never run across a comma; a spaced dash may sit inside one (Văn Miếu - Quốc Tử Giám).
    const stopAfter = t.brk && !t.dash;
    if (list !== undefined) {
      let cand = list.filter(accept);
      if (cand.length > 0) {
        const prefix = unitWordBefore(ctx, s);
        let typeMismatch = false;
        let ok = true;
        if (prefix !== null) {
          // A unit word of another level ("Phường Thanh Xuân") rules this level out.
          if (!prefix.classes.includes(level as UnitClass)) ok = false;
          const typed = cand.filter((e) => e.unit.type === prefix.type);
          if (typed.length > 0) cand = typed;
          else typeMismatch = true;
        } else {
          cand = cand.filter((e) => !e.numeric);
          // "52 Hai Bà Trưng", "Đường Hải Phòng": a bare name after a number or street word is a street.
          if (streetBefore(tokens, s)) ok = false;
        }
        if (ok && cand.length > 0) {
          const start = prefix === null ? s : s - prefix.words.length;
          out.push({ level, start, nameStart: s, end, entries: cand, prefix, typeMismatch });
        }
      }
    }
    if (stopAfter) break;
  }
  return out.reverse();
}

/** Skip separators already excluded; step left over tokens that are noise. */
function leftEdge(ctx: Ctx, end: number): number {
  let e = end;
  while (e > 0 && ctx.tokens[e - 1]!.noise) e--;
  return e;
}

interface Scope {
  readonly p25: ReadonlySet<string>;
  readonly pL: ReadonlySet<string>;
  /** Province codes reached only through the legacy ↔ 2025 province mapping. */
  readonly cross: ReadonlySet<string>;
}

function scopeOf(gz: Gazetteer, provinces: readonly GazetteerEntry[]): Scope {
  const p25 = new Set<string>();
  const pL = new Set<string>();
  const cross = new Set<string>();
  for (const e of provinces) {
    if (e.unit.scheme === '2025') p25.add(e.unit.code);
    else pL.add(e.unit.code);
  }
  for (const e of provinces) {
    if (e.unit.scheme === '2025') {
      for (const l of gz.legacyProvincesOf2025.get(e.unit.code) ?? []) if (!pL.has(l)) { pL.add(l); cross.add(`legacy:${l}`); }
    } else {
      for (const n of e.to2025) if (!p25.has(n)) { p25.add(n); cross.add(`2025:${n}`); }
    }
  }
  return { p25, pL, cross };
}

function inScope(scope: Scope, e: GazetteerEntry): boolean {
  return e.unit.scheme === '2025' ? scope.p25.has(e.province) : scope.pL.has(e.province);
}

interface WardPick {
  readonly ward: GazetteerEntry | null;
  readonly alt: GazetteerEntry | null;
  readonly ambiguous: readonly GazetteerEntry[];
}

function hasMarks(s: string): boolean {
  for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) > 127) return true;
  return false;
}

/** Narrow same-key candidates by tone-insensitive spelling when the input carries diacritics. */
function narrow(ctx: Ctx, m: Match): readonly GazetteerEntry[] {
  if (m.entries.length < 2) return m.entries;
  const slice = ctx.text.slice(ctx.tokens[m.nameStart]!.start, ctx.tokens[m.end - 1]!.end);
  if (!hasMarks(slice)) return m.entries;
  // Full spelling first (tone placement aside), then spelling without tones.
  const full = toneAwareKey(slice);
  const exact = m.entries.filter((e) => toneAwareKey(e.unit.name) === full);
  if (exact.length > 0) return exact;
  const want = toneKey(slice);
  const close = m.entries.filter((e) => toneKey(e.unit.name) === want);
  return close.length > 0 ? close : m.entries;
}

function pickWard(ctx: Ctx, m: Match): WardPick {
  const cand = narrow(ctx, m);
  const c25 = cand.filter((e) => e.unit.scheme === '2025');
  const cL = cand.filter((e) => e.unit.scheme === 'legacy');
  if (c25.length === 1) {
    // The legacy reading only counts when it is the same kind of unit (Phường ≠ Xã of the same name).
    const alt = cL.length === 1 && cL[0]!.unit.type === c25[0]!.unit.type ? cL[0]! : null;
    return { ward: c25[0]!, alt, ambiguous: [] };
  }
  if (c25.length === 0 && cL.length === 1) return { ward: cL[0]!, alt: null, ambiguous: [] };
  return { ward: null, alt: null, ambiguous: cand };
}

interface Reading {
  readonly province: Match | null;
  readonly provinceEntries: readonly GazetteerEntry[];
  readonly inferred: boolean;
  readonly district: Match | null;
  readonly ward: Match | null;
  readonly pick: WardPick | null;
  readonly score: number;
}

function score(r: Omit<Reading, 'score'>, cross: boolean): number {
  let s = 0;
  if (r.province) s += 3 + (r.province.prefix ? 0.3 : 0) - (r.province.typeMismatch ? 1 : 0);
  if (r.inferred) s += 0.5;
  if (r.district) s += 2 + (r.district.prefix ? 0.3 : 0) - (r.district.typeMismatch ? 0.5 : 0);
  if (r.ward && r.pick) {
    s += (r.pick.ward ? 3 : 2) + (r.ward.prefix ? 0.3 : 0) - (r.ward.typeMismatch ? 0.5 : 0);
  }
  // Longest match first: among otherwise equal readings, the one that explains more words wins.
  for (const m of [r.province, r.district, r.ward]) if (m) s += 0.01 * (m.end - m.start);
  if (cross) s -= 0.3;
  return s;
}

function readingsUnderProvince(ctx: Ctx, pm: Match): Reading[] {
  const scope = scopeOf(ctx.gz, pm.entries);
  const out: Reading[] = [];
  const e1 = leftEdge(ctx, pm.start);
  const districts = matchesAt(ctx, e1, 'district', (e) => scope.pL.has(e.province));
  for (const dm of [null, ...districts]) {
    const e2 = dm === null ? e1 : leftEdge(ctx, dm.start);
    const dcodes = dm === null ? null : new Set(dm.entries.map((e) => e.unit.code));
    const wards = matchesAt(ctx, e2, 'ward', (e) =>
      dcodes === null ? inScope(scope, e) : e.unit.scheme === 'legacy' && e.district !== null && dcodes.has(e.district),
    );
    // Longest match first across levels: a bare ward name must not cut a longer district name in two.
    const longestDistrict = dm === null ? Math.max(0, ...districts.map((d) => d.end - d.nameStart)) : 0;
    for (const wm of [null, ...wards]) {
      if (wm !== null && wm.prefix === null && wm.end - wm.nameStart < longestDistrict) continue;
      const pick = wm === null ? null : pickWard(ctx, wm);
      const used = pick?.ward ?? (dm !== null ? dm.entries[0]! : null);
      const cross = used !== null && scope.cross.has(`${used.unit.scheme}:${used.province}`);
      const base = { province: pm, provinceEntries: pm.entries, inferred: false, district: dm, ward: wm, pick };
      out.push({ ...base, score: score(base, cross) });
    }
  }
  return out;
}

function provinceEntryOf(gz: Gazetteer, e: GazetteerEntry): GazetteerEntry | undefined {
  return gz.byCode.get(codeKey(e.unit.scheme, 'province', e.province));
}

/**
 * Without a province, only a unit word or a unique name of two or more words is trusted, and after
 * skipping trailing words only a unit word: single bare words are too often names of people.
 */
function trustedBare(m: Match, skipped: boolean): boolean {
  if (m.prefix !== null) return true;
  return !skipped && m.end - m.nameStart >= 2;
}

function nationwideReadings(ctx: Ctx, end: number, skipped: boolean): Reading[] {
  const out: Reading[] = [];
  for (const dm of matchesAt(ctx, end, 'district', () => true)) {
    const provinces = new Set(dm.entries.map((e) => e.province));
    if (provinces.size !== 1 || !trustedBare(dm, skipped)) continue;
    const p = provinceEntryOf(ctx.gz, dm.entries[0]!);
    const dcodes = new Set(dm.entries.map((e) => e.unit.code));
    const wards = matchesAt(ctx, leftEdge(ctx, dm.start), 'ward', (e) => e.unit.scheme === 'legacy' && e.district !== null && dcodes.has(e.district));
    for (const wm of [null, ...wards]) {
      const pick = wm === null ? null : pickWard(ctx, wm);
      const base = { province: null, provinceEntries: p ? [p] : [], inferred: true, district: dm, ward: wm, pick };
      out.push({ ...base, score: score(base, false) });
    }
  }
  for (const wm of matchesAt(ctx, end, 'ward', () => true)) {
    const pick = pickWard(ctx, wm);
    const provinces = new Set((pick.ward ? [pick.ward] : pick.ambiguous).map((e) => `${e.unit.scheme}:${e.province}`));
    if (provinces.size !== 1 || !trustedBare(wm, skipped)) continue;
    const first = pick.ward ?? pick.ambiguous[0]!;
    const p = provinceEntryOf(ctx.gz, first);
    const base = { province: null, provinceEntries: p ? [p] : [], inferred: true, district: null, ward: wm, pick };
    out.push({ ...base, score: score(base, false) });
  }
  return out;
}

/** Trailing tokens that carry no address: postcode, country. */
function trailingJunk(ctx: Ctx, end: number): number {
  let e = leftEdge(ctx, end);
  for (;;) {
    if (e === 0) return e;
    const t = ctx.tokens[e - 1]!;
    if (isAllDigits(t.key) && (t.key.length === 5 || t.key.length === 6)) e = leftEdge(ctx, e - 1);
    else if (COUNTRY_KEYS.has(t.key)) e = leftEdge(ctx, e - 1);
    else if (e >= 2 && COUNTRY_KEYS.has(`${ctx.tokens[e - 2]!.key} ${t.key}`)) e = leftEdge(ctx, e - 2);
    else return e;
  }
}

function bestReading(ctx: Ctx): { reading: Reading; skipped: number } | null {
  const end0 = trailingJunk(ctx, ctx.tokens.length);
  for (let end = end0; end > 0; end = leftEdge(ctx, end - 1)) {
    const readings: Reading[] = [];
    // Provinces: strictly longest match first, so "Bà Rịa - Vũng Tàu" is never read as ward + "Vũng Tàu".
    const pm = matchesAt(ctx, end, 'province', () => true)[0];
    if (pm !== undefined) readings.push(...readingsUnderProvince(ctx, pm));
    // A name at the very end that reads as a province is the province, unless its unit word says otherwise.
    if (pm === undefined || pm.typeMismatch) readings.push(...nationwideReadings(ctx, end, end < end0));
    if (readings.length > 0) {
      let best = readings[0]!;
      for (const r of readings) if (r.score > best.score) best = r;
      return { reading: best, skipped: end0 - end };
    }
  }
  return null;
}

const EMPTY: ParsedAddress = Object.freeze({
  province: null,
  district: null,
  ward: null,
  legacyAlternative: null,
  street: null,
  houseNumber: null,
  alley: null,
  subWard: null,
  room: null,
  scheme: null,
  confidence: 0,
  ambiguous: Object.freeze([]) as readonly AdminUnit[],
  spans: Object.freeze({}),
});

function span(ctx: Ctx, from: number, to: number): Span {
  return [ctx.tokens[from]!.start, ctx.tokens[to - 1]!.end];
}

function build(ctx: Ctx, r: Reading, skipped: number): ParsedAddress {
  const { gz } = ctx;
  const spans: Partial<Record<AddressPart, Span>> = {};
  const pick = r.pick;
  const ward = pick?.ward ?? null;
  const district = r.district ? (r.district.entries.length === 1 ? r.district.entries[0]! : null) : null;
  // The province follows the scheme of the most specific unit found.
  const anchor = ward ?? district;
  let province: GazetteerEntry | null = null;
  if (anchor !== null) {
    province = r.provinceEntries.find((e) => e.unit.scheme === anchor.unit.scheme && e.unit.code === anchor.province) ?? provinceEntryOf(gz, anchor) ?? null;
  } else {
    province = r.provinceEntries.find((e) => e.unit.scheme === '2025') ?? r.provinceEntries[0] ?? null;
  }
  let scheme: ParsedAddress['scheme'] = null;
  if (ward !== null) scheme = pick?.alt ? 'both' : ward.unit.scheme;
  else if (district !== null) scheme = 'legacy';
  else if (province !== null) {
    const schemes = new Set(r.provinceEntries.map((e) => e.unit.scheme));
    scheme = schemes.size > 1 ? 'both' : province.unit.scheme;
  }
  if (r.province) spans.province = span(ctx, r.province.start, r.province.end);
  if (r.district && district) spans.district = span(ctx, r.district.start, r.district.end);
  if (r.ward && ward) spans.ward = span(ctx, r.ward.start, r.ward.end);

  const routingStart = r.ward?.start ?? r.district?.start ?? r.province?.start ?? 0;
  const parts: { houseNumber: string | null; alley: string | null; subWard: string | null; room: string | null; street: string | null } = {
    houseNumber: null,
    alley: null,
    subWard: null,
    room: null,
    street: null,
  };
  let last: { kind: keyof typeof parts; to: number } | null = null;
  for (const p of parseDoor(ctx.tokens, 0, routingStart)) {
    const s: Span = [ctx.tokens[p.from]!.start, ctx.tokens[p.to - 1]!.end];
    const prev = spans[p.kind];
    if (prev === undefined) spans[p.kind] = s;
    else if (last !== null && last.kind === p.kind && last.to === p.from) spans[p.kind] = [prev[0], s[1]];
    else continue;
    last = { kind: p.kind, to: p.to };
  }
  for (const k of Object.keys(parts) as Array<keyof typeof parts>) {
    const s = spans[k];
    if (s !== undefined) parts[k] = ctx.text.slice(s[0], s[1]);
  }

  let confidence = 0;
  if (province !== null) confidence += r.inferred ? 0.25 : 0.35;
  if (ward !== null) confidence += 0.45 + (ward.unit.scheme === '2025' || district !== null ? 0.1 : 0.05);
  else if (pick !== null) confidence += 0.15;
  else if (district !== null) confidence += 0.2;
  if (r.ward?.prefix) confidence += 0.05;
  if (r.ward?.typeMismatch || r.district?.typeMismatch || r.province?.typeMismatch) confidence -= 0.1;
  if (skipped > 0) confidence -= 0.1;
  confidence = Math.max(0.05, Math.min(1, Math.round(confidence * 100) / 100));

  const alt = pick?.alt ?? null;
  const altProvince = alt ? provinceEntryOf(gz, alt) : undefined;
  return Object.freeze({
    province: province?.unit ?? null,
    district: district?.unit ?? null,
    ward: ward?.unit ?? null,
    legacyAlternative: alt ? Object.freeze({ province: altProvince?.unit ?? null, ward: alt.unit }) : null,
    ...parts,
    scheme,
    confidence,
    ambiguous: Object.freeze(
      (pick?.ambiguous ?? []).map((e) => e.unit).concat(r.district && !district ? r.district.entries.map((e) => e.unit) : []),
    ),
    spans: Object.freeze(spans),
  });
}

/** Validate arguments once, at the boundary. */
export function resolveGazetteer(opts: unknown): Gazetteer {
  if (opts === undefined) return defaultGazetteer();
  if (opts === null || typeof opts !== 'object') throw new WaybillShieldError('INVALID_INPUT', 'address options must be an object');
  const g = (opts as { gazetteer?: unknown }).gazetteer;
  if (g === undefined) return defaultGazetteer();
  if (!isGazetteer(g)) throw new WaybillShieldError('INVALID_INPUT', 'address options: gazetteer is not a gazetteer');
  return g;
}

/**
 * Parse with a step counter, for the linear-growth test.
 * @internal
 */
export function parseAddressCounted(text: unknown, opts: ParseAddressOptions | undefined, steps: { n: number }): ParsedAddress {
  if (typeof text !== 'string') throw new WaybillShieldError('INVALID_INPUT', 'address must be a string');
  if (text.length > MAX_ADDRESS_LENGTH) throw new WaybillShieldError('INVALID_INPUT', 'address is too long');
  const gz = resolveGazetteer(opts);
  try {
    const ctx: Ctx = { text, tokens: tokenize(text, steps), gz, steps };
    const found = bestReading(ctx);
    return found === null ? EMPTY : build(ctx, found.reading, found.skipped);
  } catch (e) {
    // Internal faults surface as the library's error, without the message (it could quote input).
    if (e instanceof WaybillShieldError) throw e;
    throw new WaybillShieldError('INVALID_ADDRESS', 'address could not be parsed');
  }
}

/**
 * Parse a Vietnamese address written in either administrative scheme.
 *
 * @param text - the address as typed: any case, with or without diacritics, separators or abbreviations
 * @param opts - `gazetteer`: match against this gazetteer instead of the bundled one
 * @returns routing units (gazetteer data), door-level parts (slices of `text`), spans, scheme,
 *   confidence and ambiguity; an all-`null` result with confidence 0 when nothing matched
 * @throws {WaybillShieldError} `INVALID_INPUT` when `text` is not a string or longer than 2,000
 *   characters, or `opts` is malformed. The message never contains the input.
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
  return guard('INVALID_INPUT', 'parseAddress: arguments are not an address string and options', () => {
    return parseAddressCounted(text, opts, { n: 0 });
  });
}
