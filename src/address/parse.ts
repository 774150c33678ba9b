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

import { WaybillShieldError } from '../errors.js';
import { parseDoor } from './_door.js';
import { repairTokens } from './_repair.js';
import { provinceOf, rememberResolved } from './_resolve.js';
import { childOf, fuzzyIndex, letterMask, masksMayBeOneEditApart, nameWords, rootChild, withinOneEdit, keyTries, legacyDistrictsOf2025, type FuzzyBucket, type FuzzyIndex, type KeyTries } from './_index.js';
import { isToneAwareKey, toneAwareKey } from '../_fold.js';
import { endsNames, isAllDigits, soleMark, startsWithDigit, tokenize, toneKey, widOf, type Token } from './_normalize.js';
import { COUNTRY_KEYS, UNIT_WORDS, type DoorKind, type UnitClass, type UnitWord } from './_vocab.js';
import { defaultGazetteer } from './default-gazetteer.js';
import { isGazetteer, type Gazetteer, type GazetteerEntry, type UnitLevel } from './gazetteer.js';
import type { AddressPart, AdminUnit, ParsedAddress, Span } from './types.js';
import { MAX_ADDRESS_LENGTH } from './constants.js';

/** Options of {@link parseAddress}. */
export interface ParseAddressOptions {
  /** The gazetteer to match against; defaults to the bundled one. */
  readonly gazetteer?: Gazetteer;
}

export { MAX_ADDRESS_LENGTH };

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
  /** Matched within one edit of the name (a misspelling), not exactly. */
  readonly fuzzy: boolean;
  /** Some token of the match sits inside parentheses. */
  readonly paren: boolean;
}

interface Ctx {
  readonly text: string;
  readonly tokens: readonly Token[];
  readonly gz: Gazetteer;
  /** Misspelt names are looked for (second pass only: exact readings come first). */
  readonly fuzzy: boolean;
  readonly tries: KeyTries;
  readonly steps: { n: number };
  /**
   * Start offsets of the words the second pass read through a scanner's look-alikes (`Ouảng`,
   * `l2`, see `repairTokens`): a name made of one is a misspelt name; `null` when there are none.
   */
  readonly lookalikes: readonly number[] | null;
}


/** A level's index in the key tries' root table (see `KeyTries.roots`). */
function levelIndex(level: UnitLevel): number {
  return level === 'province' ? 0 : level === 'district' ? 1 : 2;
}

/** Every word of every unit word, street and door word: known vocabulary for `repairTokens`. */
const UNIT_WORD_KEYS: readonly string[] = [...new Set(UNIT_WORDS.flatMap((w) => w.words))];
const UNIT_WORD_SET: ReadonlySet<string> = new Set(UNIT_WORD_KEYS);

/** Unit word ending right before token `s`, if any (longest first). */
function unitWordBefore(ctx: Ctx, s: number): UnitWord | null {
  const { tokens } = ctx;
  if (s === 0 || tokens[s]!.brk) return null;
  const candidates = tokens[s - 1]!.facts.unitWords;
  if (candidates === undefined) return null;
  for (const w of candidates) {
    const n = w.words.length;
    if (s - n < 0) continue;
    let ok = true;
    for (let k = 0; k < n && ok; k++) {
      const t = tokens[s - n + k]!;
      // The last word is the token whose facts listed `w`, so its key needs no comparing.
      if ((k < n - 1 && t.key !== w.words[k]) || t.noise || (k > 0 && t.brk)) ok = false;
    }
    if (ok) return w;
  }
  return null;
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
  if (!startsWithDigit(prev.key)) return prev.facts.street;
  let k = s - 1;
  while (k > 0 && !tokens[k]!.brk && isNumberJoiner(soleMark(tokens[k]!.sep)) && startsWithDigit(tokens[k - 1]!.key)) k--;
  const before = k > 0 && !tokens[k]!.brk ? tokens[k - 1]! : undefined;
  return before === undefined || !before.facts.numberedNonHouse;
}

/**
 * True when the word right before token `s` (same segment) makes a bare name there part of a
 * landmark or hamlet: `gần chợ Đồng Xuân`, `đối diện trường Kim Liên`, `thôn Đông Xuân`.
 */
function landmarkBefore(tokens: readonly Token[], s: number): boolean {
  if (s === 0 || tokens[s]!.brk) return false;
  const prev = tokens[s - 1]!;
  if (prev.facts.landmark) return true;
  return prev.key === 'dien' && s >= 2 && !prev.brk && tokens[s - 2]!.key === 'doi';
}

/** A match sits inside parentheses when its first or last word does (names do not span a bracket). */
/** True when a token from `from` to `to` was read through a scanner's look-alikes (see `Ctx.lookalikes`). */
function lookalikeIn(lookalikes: readonly number[], tokens: readonly Token[], from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (lookalikes.includes(tokens[i]!.start)) return true;
  return false;
}

function parenIn(tokens: readonly Token[], from: number, to: number): boolean {
  return tokens[from]!.paren || tokens[to - 1]!.paren;
}

/** `/`, `\` and `-` join the parts of a number (`12/3`, `12-14`). */
function isNumberJoiner(c: number): boolean {
  return c === 47 || c === 92 || c === 45;
}

/**
 * `list.includes(x)` written as a plain loop: the lists asked here hold one to three items, and a
 * loop the compiler inlines costs less than a call into the builtin.
 */
function has<T>(list: readonly T[], x: T): boolean {
  for (let i = 0; i < list.length; i++) if (list[i] === x) return true;
  return false;
}

function preferCurrent(cand: readonly GazetteerEntry[]): readonly GazetteerEntry[] {
  let current = 0;
  for (const e of cand) if (e.successor === null) current++;
  return current > 0 && current < cand.length ? cand.filter((e) => e.successor === null) : cand;
}

/**
 * The entries of `src` (`list` itself, or `list` cut down by place) that `accept` keeps, in order,
 * without copying when nothing is dropped: `list` when every entry of it is kept, `src` when every
 * entry of a cut is kept.
 */
function keptOf<A>(list: readonly GazetteerEntry[], src: readonly GazetteerEntry[], accept: Accept<A>, arg: A): readonly GazetteerEntry[] {
  const n = src.length;
  let i = 0;
  while (i < n && accept(src[i]!, arg)) i++;
  if (i === n) return n === list.length ? list : src;
  const out: GazetteerEntry[] = [];
  for (let k = 0; k < i; k++) out.push(src[k]!);
  for (i++; i < n; i++) if (accept(src[i]!, arg)) out.push(src[i]!);
  return out.length === list.length ? list : out;
}

/** The entries of `cand` of unit type `type`: `cand` itself when all are, an empty list when none is. */
function ofType(cand: readonly GazetteerEntry[], type: string): readonly GazetteerEntry[] {
  let n = 0;
  for (let i = 0; i < cand.length; i++) if (cand[i]!.unit.type === type) n++;
  if (n === cand.length || n === 0) return n === 0 ? NO_ENTRIES : cand;
  const out: GazetteerEntry[] = [];
  for (let i = 0; i < cand.length; i++) if (cand[i]!.unit.type === type) out.push(cand[i]!);
  return out;
}

/** The entries of `cand` with a name that is no bare number: `cand` itself when none is numeric. */
function notNumeric(cand: readonly GazetteerEntry[]): readonly GazetteerEntry[] {
  let n = 0;
  for (let i = 0; i < cand.length; i++) if (!cand[i]!.numeric) n++;
  if (n === cand.length || n === 0) return n === 0 ? NO_ENTRIES : cand;
  const out: GazetteerEntry[] = [];
  for (let i = 0; i < cand.length; i++) if (!cand[i]!.numeric) out.push(cand[i]!);
  return out;
}

/** Entry lists longer than this are grouped by place before filtering (see {@link groupedBy}). */
const LONG_LIST = 12;

const byProvince = new WeakMap<readonly GazetteerEntry[], Map<string, GazetteerEntry[]>>();
const byDistrict = new WeakMap<readonly GazetteerEntry[], Map<string, GazetteerEntry[]>>();

/**
 * A long entry list grouped by `scheme:province` or by legacy district, built once per list (the
 * lists are the gazetteer's own, immutable).
 */
function groupedBy(list: readonly GazetteerEntry[], district: boolean): Map<string, GazetteerEntry[]> {
  const cache = district ? byDistrict : byProvince;
  let m = cache.get(list);
  if (m === undefined) {
    m = new Map();
    for (const e of list) {
      const k = district ? (e.district ?? '') : `${e.unit.scheme}:${e.province}`;
      const g = m.get(k);
      if (g === undefined) m.set(k, [e]);
      else g.push(e);
    }
    cache.set(list, m);
  }
  return m;
}

const NO_ENTRIES: readonly GazetteerEntry[] = [];

function gather(m: Map<string, GazetteerEntry[]>, keys: readonly string[], out: GazetteerEntry[]): void {
  for (const k of keys) {
    const g = m.get(k);
    if (g !== undefined) for (const e of g) out.push(e);
  }
}

/**
 * A filter of gazetteer entries: a plain function and its argument, so no closure is made per call
 * (matching runs many times per address).
 */
type Accept<A> = (e: GazetteerEntry, arg: A) => boolean;
/** Cuts a long entry list down by place before {@link Accept} runs (see {@link LONG_LIST}). */
type Pre<A> = (list: readonly GazetteerEntry[], arg: A) => readonly GazetteerEntry[];

function acceptAll(): boolean {
  return true;
}

/** The entries of `list` in the provinces of `scope` (either scheme). */
function inScopeOf(list: readonly GazetteerEntry[], scope: Scope): readonly GazetteerEntry[] {
  const m = groupedBy(list, false);
  const out: GazetteerEntry[] = [];
  gather(m, scope.keys, out);
  return out.length === 0 ? NO_ENTRIES : out;
}

/**
 * What {@link inDistrictsOf} cuts by: the legacy districts of a district match (their codes are
 * worked out only when a list is long enough to be cut), plus 2025 wards of `scope` when given.
 */
interface DistrictCut {
  readonly districts: readonly GazetteerEntry[];
  readonly scope: Scope | null;
}

/** The entries of `list` in the legacy districts of `cut.districts`, plus 2025 wards of `cut.scope` when given. */
function inDistrictsOf(list: readonly GazetteerEntry[], cut: DistrictCut): readonly GazetteerEntry[] {
  const out: GazetteerEntry[] = [];
  gather(groupedBy(list, true), districtCodes(cut.districts), out);
  if (cut.scope !== null) gather(groupedBy(list, false), cut.scope.keys25, out);
  return out.length === 0 ? NO_ENTRIES : out;
}

/** Legacy district codes a district match stands for (a historical one: where it went). */
function districtCodes(entries: readonly GazetteerEntry[]): string[] {
  const out: string[] = [];
  for (const d of entries) {
    addNew(out, d.unit.code);
    if (d.successor !== null) {
      addNew(out, d.successor.unit.code);
      for (const c of d.alsoInto) addNew(out, c);
    }
  }
  return out;
}

function addNew(out: string[], c: string): void {
  if (!has(out, c)) out.push(c);
}

/** What {@link matchesAt} returns when nothing matches; never modified. */
const NO_MATCHES: Match[] = [];

/**
 * A long list cut down by place and filtered (see {@link LONG_LIST}), kept with the filter and the
 * places it was made for. What a cut keeps depends on the list, the filter and the places only
 * (a scope, the entries of a district match: gazetteer data, never input), not on the text, so a
 * cut made for one address holds for the next one that names the same unit in the same place.
 */
interface Cut {
  readonly accept: Accept<never>;
  readonly k1: object;
  readonly k2: object | null;
  readonly kept: readonly GazetteerEntry[];
}

/** Kept cuts by list (the gazetteer's own lists), at most {@link CUTS_PER_LIST} per list. */
const cuts = new WeakMap<readonly GazetteerEntry[], Cut[]>();
const CUTS_PER_LIST = 4;

/**
 * `keptOf(list, pre(list, preArg), accept, arg)`, kept per list for the places `k1` and `k2` stand
 * for (the same places give the same cut and the same filter result). The oldest of a list's cuts
 * makes room for a new one.
 */
function cutOf<A, P>(list: readonly GazetteerEntry[], accept: Accept<A>, arg: A, pre: Pre<P>, preArg: P, k1: object, k2: object | null): readonly GazetteerEntry[] {
  let kept = cuts.get(list);
  if (kept !== undefined) {
    for (let i = 0; i < kept.length; i++) {
      const c = kept[i]!;
      if (c.accept === (accept as Accept<never>) && c.k1 === k1 && c.k2 === k2) return c.kept;
    }
  } else cuts.set(list, (kept = []));
  const cut: Cut = { accept: accept as Accept<never>, k1, k2, kept: keptOf(list, pre(list, preArg), accept, arg) };
  if (kept.length >= CUTS_PER_LIST) kept.shift();
  kept.push(cut);
  return cut.kept;
}

/**
 * Every match of `level` ending at token `end`, longest first. A long entry list is first cut by
 * `pre`, and that cut is kept for the places `k1` and `k2` (see {@link cutOf}), which the caller
 * names: the objects `arg` and `preArg` are made of.
 */
function matchesAt<A, P>(
  ctx: Ctx,
  end: number,
  level: UnitLevel,
  accept: Accept<A>,
  arg: A,
  pre?: Pre<P>,
  preArg?: P,
  k1?: object,
  k2: object | null = null,
): Match[] {
  const { tokens, gz } = ctx;
  let out: Match[] | null = null;
  // Walk the level's key trie leftwards one word per step: the words from `s` to `end` are a key
  // exactly when the walk reaches a node with entries. The walk ends where it leaves the trie: no
  // longer run of words is a key.
  const tries = ctx.tries;
  const lvl = levelIndex(level);
  let node = 0;
  // The bound and the step count are kept in locals: the walk is the parser's innermost loop, and
  // the count is added to the counter once, when the walk ends.
  const maxLen = gz.maxKeyWords < end ? gz.maxKeyWords : end;
  let len = 1;
  for (; len <= maxLen; len++) {
    const s = end - len;
    const t = tokens[s]!;
    // Noise, and numbers of four or more digits (no unit name is one), end every name.
    if (t.noise || (t.key.length >= 4 && isAllDigits(t.key))) break;
    node = len === 1 ? rootChild(tries, lvl, widOf(tries, t)) : childOf(tries, node, widOf(tries, t));
    // Out of the trie: no longer run of words is a key.
    if (node === 0) {
      len++;
      break;
    }
    const list = tries.entries[node];
    // Names never run across a comma; a spaced dash may sit inside one (Văn Miếu - Quốc Tử Giám).
    const stopAfter = endsNames(t);
    if (list !== undefined) {
      // What the words before the name say depends on the tokens only, so it is read first and the
      // entries are filtered only for a match that can count:
      // - a unit word of another level ("Phường Thanh Xuân") rules this level out;
      // - "52 Hai Bà Trưng", "Đường Hải Phòng": a bare name after a number or street word is a street;
      // - "gần chợ Đồng Xuân", "thôn Đông Xuân": after a landmark or hamlet word, part of its name.
      const prefix = unitWordBefore(ctx, s);
      const ruledOut = prefix !== null ? !has(prefix.classes, level as UnitClass) : streetBefore(tokens, s) || landmarkBefore(tokens, s);
      if (!ruledOut) {
        // Long lists (numbered wards: `1` names hundreds) are first cut down by place.
        // Unfiltered walks (provinces, names read without a province) keep the list as it is.
        let cand =
          accept === (acceptAll as Accept<unknown>) ? list : pre !== undefined && list.length > LONG_LIST ? cutOf(list, accept, arg, pre, preArg as P, k1!, k2) : keptOf(list, list, accept, arg);
        let typeMismatch = false;
        if (cand.length > 0) {
          if (prefix !== null) {
            const typed = ofType(cand, prefix.type);
            if (typed.length > 0) cand = typed;
            else typeMismatch = true;
          } else cand = notNumeric(cand);
        }
        // A current unit beats a historical one of the same name and type (`Thủ Đức`: the city, not the
        // old district); the unit word has already chosen the type (`Quận Thủ Đức` is the old one).
        if (cand.length > 1) cand = preferCurrent(cand);
        if (cand.length > 0) {
          const start = prefix === null ? s : s - prefix.words.length;
          const fuzzy = ctx.lookalikes !== null && lookalikeIn(ctx.lookalikes, tokens, s, end);
          const m: Match = { level, start, nameStart: s, end, entries: cand, prefix, typeMismatch, fuzzy, paren: parenIn(tokens, start, end) };
          // Most walks find one match: an array of exactly one, not an empty one grown by a push.
          if (out === null) out = [m];
          else out.push(m);
        }
      }
    }
    if (stopAfter) {
      len++;
      break;
    }
  }
  // One step per word walked (`len - 1` words: the loop stopped before word `len`).
  ctx.steps.n += len - 1;
  return out === null ? NO_MATCHES : out.length === 1 ? out : out.reverse();
}

/**
 * Approximate matches of `level` ending at token `end`: names of five or more letters within one edit
 * of the input (`Nghệ Ann`, `Quảbg Ngãi`), searched only among the keys of `groups`
 * (`scheme:provinceCode`, the province or district already read) or, for provinces, all province
 * names. A match is returned only when exactly one name is that close: a misspelling is accepted
 * only when it is unique in its context.
 */
function fuzzyMatchesAt<A>(ctx: Ctx, end: number, level: UnitLevel, scope: Scope | null, accept: Accept<A>, arg: A): Match[] {
  const { tokens } = ctx;
  const idx = fuzzyIndex(ctx.gz);
  let found: Match | null = null;
  let foundKey = '';
  let key = '';
  // The buckets to search depend only on the level and scope: looked up once, when first needed.
  let buckets: readonly FuzzyBucket[] | undefined;
  // The run's node in each level's key trie, walked leftwards with the run: the run is exactly some
  // unit's name when one of them holds entries (the tries hold the gazetteer's keys word by word).
  // The tries' flat arrays and the tokens' word numbers, not the large key maps with a new string
  // each time: on a stream of distinct addresses the probes of those were most of this search's time.
  const tries = ctx.tries;
  let inProvinces = 0;
  let inDistricts = 0;
  let inWards = 0;
  for (let len = 1; len <= 3 && end - len >= 0; len++) {
    const s = end - len;
    const t = tokens[s]!;
    if (t.noise || startsWithDigit(t.key)) break;
    key = len === 1 ? t.match : `${t.match} ${key}`;
    const wid = widOf(tries, t);
    if (len === 1) {
      inProvinces = rootChild(tries, 0, wid);
      inDistricts = rootChild(tries, 1, wid);
      inWards = rootChild(tries, 2, wid);
    } else {
      inProvinces = childOf(tries, inProvinces, wid);
      inDistricts = childOf(tries, inDistricts, wid);
      inWards = childOf(tries, inWards, wid);
    }

    // A run that is exactly some unit's name is that name, not a misspelling of another.
    if (tries.entries[inWards] !== undefined || tries.entries[inDistricts] !== undefined || tries.entries[inProvinces] !== undefined) {
      if (endsNames(t)) break;
      continue;
    }
    buckets ??= level === 'province' || scope === null ? [idx.province] : fuzzyBucketsOf(idx, scope, level);
    const mask = letterMask(key);
    for (let bi = 0; bi < buckets.length; bi++) {
      const b = buckets[bi]!;
      const { masks, from } = b;
      // The keys of one character fewer to one more than the run's key.
      const top = b.maxLength + 1;
      const lo = key.length - 1;
      const hi = key.length + 2;
      const to = from[hi < top ? hi : top]!;
      const first = from[lo < top ? lo : top]!;
      // One step per key of the range: the masks rule most of them out (see `letterMask`) in a loop
      // of its own; a key is read, and compared, only when its mask allows it.
      ctx.steps.n += to - first;
      for (let i = nextByMask(masks, mask, first, to); i < to; i = nextByMask(masks, mask, i + 1, to)) {
        const fkey = b.keys[i]!;
        if (fkey === key || !withinOneEdit(key, fkey)) continue;
        const r: Match | null | undefined = fuzzyCand(ctx, b.entries[i]!, accept, arg, s, level, found, foundKey, fkey, end);
        if (r === undefined) continue;
        if (r === null) return NO_MATCHES;
        found = r;
        foundKey = fkey;
      }
    }
    if (endsNames(t)) break;
  }
  return found === null ? NO_MATCHES : [found];
}

/** The index of the first key in `[i, to)` whose mask may be one edit from `mask`, or `to`. */
function nextByMask(masks: Int32Array, mask: number, i: number, to: number): number {
  for (; i < to; i++) if (masksMayBeOneEditApart(mask, masks[i]!)) return i;
  return to;
}

/**
 * What one key within one edit of the run adds to the approximate search: `undefined` when its
 * entries do not count here (filtered out, a unit word of another level before the run, a street
 * or landmark word before it), `null` when a second, different key matches (a misspelling must be
 * unique in its context), else the match so far with its entries added. A function of its own:
 * inlined in the scan over the keys, it made the search cost 27.3k instructions per typo-style
 * address instead of 15.8k.
 */
function fuzzyCand<A>(ctx: Ctx, list: readonly GazetteerEntry[], accept: Accept<A>, arg: A, s: number, level: UnitLevel, found: Match | null, foundKey: string, fkey: string, end: number): Match | null | undefined {
  const { tokens } = ctx;
  // The gazetteer's own list when the filter keeps all of it: the scope of a misspelt province is
  // then found by that list (see `scopeOf`) rather than computed for a copy on every parse.
  let cand: readonly GazetteerEntry[] = keptOf(list, list, accept, arg);
  if (cand.length === 0) return undefined;
  const prefix = unitWordBefore(ctx, s);
  if (prefix !== null) {
    if (!has(prefix.classes, level as UnitClass)) return undefined;
    const typed = ofType(cand, prefix.type);
    if (typed.length > 0) cand = typed;
  } else {
    cand = notNumeric(cand);
    if (cand.length === 0 || streetBefore(tokens, s) || landmarkBefore(tokens, s)) return undefined;
  }
  if (found !== null && foundKey !== fkey) return null;
  const start = prefix === null ? s : s - prefix.words.length;
  let entries: readonly GazetteerEntry[] = cand;
  if (found !== null) {
    const merged = [...found.entries];
    for (const e of cand) if (!merged.includes(e)) merged.push(e);
    entries = merged;
  }
  return { level, start, nameStart: s, end, entries, prefix, typeMismatch: false, fuzzy: true, paren: parenIn(tokens, start, end) };
}

/** Skip separators already excluded; step left over tokens that are noise. */
function leftEdge(ctx: Ctx, end: number): number {
  let e = end;
  while (e > 0 && ctx.tokens[e - 1]!.noise) e--;
  return e;
}

/**
 * The provinces a reading may draw units from. A province name matches one or two entries (at most
 * one per scheme, plus the few the mapping adds), so small arrays beat sets here.
 */
interface Scope {
  readonly p25: readonly string[];
  readonly pL: readonly string[];
  /** 2025 province codes reached only through the legacy → 2025 province mapping. */
  readonly cross25: readonly string[];
  /** Legacy province codes reached only through the 2025 → legacy province mapping. */
  readonly crossL: readonly string[];
  /** `scheme:code` of every province in scope (see {@link groupedBy}). */
  readonly keys: readonly string[];
  /** `2025:code` of every 2025 province in scope. */
  readonly keys25: readonly string[];
  /** The fuzzy buckets of its provinces, per level, found when first searched (see {@link fuzzyBucketsOf}). */
  fuzzyWards: readonly FuzzyBucket[] | null;
  fuzzyDistricts: readonly FuzzyBucket[] | null;
}

/** Scopes by the gazetteer's own province entry lists (immutable), computed once per list. */
const scopes = new WeakMap<readonly GazetteerEntry[], Scope>();

function scopeOf(gz: Gazetteer, provinces: readonly GazetteerEntry[]): Scope {
  let sc = scopes.get(provinces);
  if (sc === undefined) scopes.set(provinces, (sc = computeScope(gz, provinces)));
  return sc;
}

function computeScope(gz: Gazetteer, provinces: readonly GazetteerEntry[]): Scope {
  const p25: string[] = [];
  const pL: string[] = [];
  const cross25: string[] = [];
  const crossL: string[] = [];
  for (const e of provinces) {
    const list = e.unit.scheme === '2025' ? p25 : pL;
    if (!list.includes(e.unit.code)) list.push(e.unit.code);
  }
  for (const e of provinces) {
    if (e.unit.scheme === '2025') {
      const legacy = gz.legacyProvincesOf2025.get(e.unit.code);
      if (legacy !== undefined) {
        for (const l of legacy) {
          if (!pL.includes(l)) {
            pL.push(l);
            if (!crossL.includes(l)) crossL.push(l);
          }
        }
      }
    } else {
      for (const n of e.to2025) {
        if (!p25.includes(n)) {
          p25.push(n);
          if (!cross25.includes(n)) cross25.push(n);
        }
      }
    }
  }
  const keys25: string[] = [];
  for (const c of p25) keys25.push(`2025:${c}`);
  const keys: string[] = [...keys25];
  for (const c of pL) keys.push(`legacy:${c}`);
  return { p25, pL, cross25, crossL, keys, keys25, fuzzyWards: null, fuzzyDistricts: null };
}

function inScope(e: GazetteerEntry, scope: Scope): boolean {
  return e.unit.scheme === '2025' ? has(scope.p25, e.province) : has(scope.pL, e.province);
}

/** True when `e` is reached only through the province mapping (its scheme's cross list). */
function isCross(scope: Scope, e: GazetteerEntry): boolean {
  return e.unit.scheme === '2025' ? has(scope.cross25, e.province) : has(scope.crossL, e.province);
}

interface WardPick {
  readonly ward: GazetteerEntry | null;
  readonly alt: GazetteerEntry | null;
  readonly ambiguous: readonly GazetteerEntry[];
}

/** True when `text[from, to)` holds a character outside ASCII (a letter with diacritics, most often). */
function hasMarks(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (text.charCodeAt(i) > 127) return true;
  return false;
}

/**
 * Candidates up to which `narrow` compares the input's spelling with each name in place; with more
 * (a common name read nationwide, often many entries of one spelling) the input's key is built once.
 */
const COMPARE_IN_PLACE = 3;

/** Narrow same-key candidates by tone-insensitive spelling when the input carries diacritics. */
function narrow(ctx: Ctx, m: Match): readonly GazetteerEntry[] {
  const { entries } = m;
  if (entries.length < 2) return entries;
  const { text } = ctx;
  const from = ctx.tokens[m.nameStart]!.start;
  const to = ctx.tokens[m.end - 1]!.end;
  if (!hasMarks(text, from, to)) return entries;
  // Full spelling first (tone placement aside), then spelling without tones.
  let exact: GazetteerEntry[] | null = entries.length <= COMPARE_IN_PLACE ? [] : null;
  for (let i = 0; exact !== null && i < entries.length; i++) {
    const same = isToneAwareKey(text, from, to, nameKey(toneAwareKeys, toneAwareKey, entries[i]!.unit.name));
    if (same === undefined) exact = null;
    else if (same) exact.push(entries[i]!);
  }
  if (exact === null) {
    const full = toneAwareKey(text.slice(from, to));
    exact = entries.filter((e) => nameKey(toneAwareKeys, toneAwareKey, e.unit.name) === full);
  }
  if (exact.length > 0) return exact;
  const want = toneKey(text.slice(from, to));
  const close = entries.filter((e) => nameKey(toneKeys, toneKey, e.unit.name) === want);
  return close.length > 0 ? close : entries;
}

// The spelling keys of unit names, computed once per name: names are gazetteer data, finite and
// not personal, and `narrow` compares every candidate's name each time. Keyed by the name itself,
// so a key can never be stale. Bounded (emptied when full) for callers with many gazetteers.
const NAME_KEYS_MAX = 32768;
const toneAwareKeys = new Map<string, string>();
const toneKeys = new Map<string, string>();

function nameKey(cache: Map<string, string>, keyOf: (s: string) => string, name: string): string {
  let k = cache.get(name);
  if (k === undefined) {
    k = keyOf(name);
    if (cache.size >= NAME_KEYS_MAX) cache.clear();
    cache.set(name, k);
  }
  return k;
}

function pickWard(ctx: Ctx, m: Match): WardPick {
  let cand = narrow(ctx, m);
  if (cand.length === 1) return { ward: cand[0]!, alt: null, ambiguous: NO_ENTRIES };
  // A current unit of the same name beats a historical one; among historical ones, those that went
  // into the same current unit are one answer.
  let current = 0;
  for (const e of cand) if (e.successor === null) current++;
  if (current > 0 && current < cand.length) cand = cand.filter((e) => e.successor === null);
  else if (current === 0 && cand.length > 1) {
    const s0 = cand[0]!.successor;
    if (cand.every((e) => e.successor === s0)) cand = [cand[0]!];
  }
  // How many of each scheme, and the first of each: only one of a scheme is ever used.
  let n25 = 0;
  let nL = 0;
  let w25: GazetteerEntry | null = null;
  let wL: GazetteerEntry | null = null;
  for (let i = 0; i < cand.length; i++) {
    const e = cand[i]!;
    if (e.unit.scheme === '2025') {
      if (n25++ === 0) w25 = e;
    } else if (nL++ === 0) wL = e;
  }
  if (n25 === 1) {
    // The legacy reading only counts when it is the same kind of unit (Phường ≠ Xã of the same name).
    const alt = nL === 1 && wL!.unit.type === w25!.unit.type && wL!.successor === null ? wL : null;
    return { ward: w25, alt, ambiguous: NO_ENTRIES };
  }
  if (n25 === 0 && nL === 1) return { ward: wL, alt: null, ambiguous: NO_ENTRIES };
  return { ward: null, alt: null, ambiguous: cand };
}

interface Reading {
  readonly province: Match | null;
  readonly provinceEntries: readonly GazetteerEntry[];
  readonly inferred: boolean;
  readonly district: Match | null;
  /** The ward is a 2025 ward written with its old (legacy) district, which must have fed into it. */
  readonly districtContext: boolean;
  readonly ward: Match | null;
  readonly pick: WardPick | null;
  readonly score: number;
}

/** Score lost per unit read inside parentheses: `(Vĩnh Phúc cũ)` is a remark, not the address. */
const PAREN_PENALTY = 1.5;
/** Score lost per approximate (misspelt) unit. */
const FUZZY_PENALTY = 0.6;
/** Score lost per historical unit, so a current unit of the same reading wins a tie. */
const HISTORICAL_PENALTY = 0.2;

function unitPenalty(m: Match | null, e: GazetteerEntry | null): number {
  if (m === null) return 0;
  let p = 0;
  if (m.paren) p += PAREN_PENALTY;
  if (m.fuzzy) p += FUZZY_PENALTY;
  if (e !== null && e.successor !== null) p += HISTORICAL_PENALTY;
  return p;
}

function score(
  province: Match | null,
  inferred: boolean,
  district: Match | null,
  districtContext: boolean,
  ward: Match | null,
  pick: WardPick | null,
  cross: boolean,
): number {
  let s = 0;
  if (province) s += 3 + (province.prefix ? 0.3 : 0) - (province.typeMismatch ? 1 : 0);
  if (inferred) s += 0.5;
  if (district) s += (districtContext ? 1.9 : 2) + (district.prefix ? 0.3 : 0) - (district.typeMismatch ? 0.5 : 0);
  if (ward && pick) {
    s += (pick.ward ? 3 : 2) + (ward.prefix ? 0.3 : 0) - (ward.typeMismatch ? 0.5 : 0);
  }
  // Longest match first: among otherwise equal readings, the one that explains more words wins.
  // (Added province, district, ward in that order: floating-point sums depend on the order.)
  if (province) s += 0.01 * (province.end - province.start);
  if (district) s += 0.01 * (district.end - district.start);
  if (ward) s += 0.01 * (ward.end - ward.start);
  if (cross) s -= 0.3;
  s -= unitPenalty(province, null) + unitPenalty(district, district !== null && district.entries.length === 1 ? district.entries[0]! : null);
  s -= unitPenalty(ward, pick?.ward ?? null);
  return s;
}

/**
 * The best reading found so far by {@link bestReading}, and what the readings of the position being
 * read share. A candidate reading becomes an object only when it beats the best so far: most lose,
 * and their scores alone tell.
 */
interface Best {
  reading: Reading | null;
  /** Its score less the skip penalty of its position; `-Infinity` while there is none. */
  score: number;
  /** Words skipped after it. */
  skipped: number;
  /** Skip penalty and skipped words of the position being read. */
  penalty: number;
  skippedHere: number;
  /** Some reading of the position being read has an exact province. */
  province: boolean;
}

/**
 * Weighs a candidate reading of the position being read against the best so far, as if every
 * candidate were listed in order and the first of the highest score kept. Fields are spelled out
 * rather than spread from a partial reading: on Node 20 an object spread that adds a field takes a
 * slow runtime path (microseconds per object).
 */
function offer(
  best: Best,
  province: Match | null,
  provinceEntries: readonly GazetteerEntry[],
  inferred: boolean,
  district: Match | null,
  districtContext: boolean,
  ward: Match | null,
  pick: WardPick | null,
  cross: boolean,
): void {
  const s = score(province, inferred, district, districtContext, ward, pick, cross);
  if (s - best.penalty > best.score) {
    best.reading = { province, provinceEntries, inferred, district, districtContext, ward, pick, score: s };
    best.score = s - best.penalty;
    best.skipped = best.skippedHere;
  }
  if (province !== null && !province.fuzzy) best.province = true;
}

/** True when some entry of `entries` is legacy district `district`, or a historical one that went into it. */
function hasDistrict(entries: readonly GazetteerEntry[], district: string | null): boolean {
  for (const d of entries) {
    if (d.unit.code === district || (d.successor !== null && (d.successor.unit.code === district || has(d.alsoInto, district!)))) return true;
  }
  return false;
}

/** True when 2025 ward `w` took in a ward of one of the legacy districts `entries`. */
function wardOfOldDistrict(ctx: Ctx, entries: readonly GazetteerEntry[], w: GazetteerEntry): boolean {
  const ds = legacyDistrictsOf2025(ctx.gz).get(w.unit.code);
  if (ds === undefined) return false;
  for (const d of ds) if (hasDistrict(entries, d)) return true;
  return false;
}

function hasPrefixed(matches: readonly Match[]): boolean {
  for (const m of matches) if (m.prefix !== null) return true;
  return false;
}

/** The fuzzy buckets of the provinces in `scope` (wards: 2025 then legacy; districts: legacy), kept with the scope. */
function fuzzyBucketsOf(idx: FuzzyIndex, scope: Scope, level: UnitLevel): readonly FuzzyBucket[] {
  const ward = level === 'ward';
  let kept = ward ? scope.fuzzyWards : scope.fuzzyDistricts;
  if (kept === null) {
    const m = ward ? idx.ward : idx.district;
    const out: FuzzyBucket[] = [];
    for (let i = ward ? 0 : scope.keys25.length; i < scope.keys.length; i++) {
      const b = m.get(scope.keys[i]!);
      if (b !== undefined) out.push(b);
    }
    kept = out;
    if (ward) scope.fuzzyWards = out;
    else scope.fuzzyDistricts = out;
  }
  return kept;
}

function inLegacyProvince(e: GazetteerEntry, scope: Scope): boolean {
  return has(scope.pL, e.province);
}

/** A ward read under a legacy district match. */
interface UnderDistrict {
  readonly ctx: Ctx;
  readonly scope: Scope;
  readonly districts: readonly GazetteerEntry[];
}

/** A legacy ward of the district, or a 2025 ward of the province that took in a ward of it. */
function wardUnderDistrict(e: GazetteerEntry, u: UnderDistrict): boolean {
  return e.unit.scheme === 'legacy'
    ? e.district !== null && hasDistrict(u.districts, e.district)
    : inScope(e, u.scope) && wardOfOldDistrict(u.ctx, u.districts, e);
}

/** A legacy ward of one of the districts. */
function legacyWardOf(e: GazetteerEntry, districts: readonly GazetteerEntry[]): boolean {
  return e.unit.scheme === 'legacy' && e.district !== null && hasDistrict(districts, e.district);
}

/**
 * Offers every reading under province match `pm` whose units end at token `e1`. Returns true when a
 * misspelt name could add a reading here (no district matched and no ward with its unit word, or no
 * ward under some district or under the province alone): the second pass looks for misspelt names
 * exactly there.
 */
function readingsFrom(ctx: Ctx, pm: Match, best: Best, scope: Scope, e1: number): boolean {
  let districts = matchesAt(ctx, e1, 'district', inLegacyProvince, scope, inScopeOf, scope, scope);
  // Wards right under the province come first: they decide whether a misspelt district is looked for.
  const bareWards = matchesAt(ctx, e1, 'ward', inScope, scope, inScopeOf, scope, scope);
  let misspeltCouldAdd = false;
  // A misspelt district is looked for only where no ward with its unit word explains the words.
  if (districts.length === 0 && !hasPrefixed(bareWards)) {
    misspeltCouldAdd = true;
    if (ctx.fuzzy) districts = fuzzyMatchesAt(ctx, e1, 'district', scope, inLegacyProvince, scope);
  }
  // Longest match first across levels: a bare ward name must not cut a longer district name in two.
  let longestDistrict = 0;
  for (const d of districts) if (!d.fuzzy && d.end - d.nameStart > longestDistrict) longestDistrict = d.end - d.nameStart;
  // Without a district first (di = -1), then under each district match.
  for (let di = -1; di < districts.length; di++) {
    const dm = di < 0 ? null : districts[di]!;
    const minWard = dm === null ? longestDistrict : 0;
    if (dm === null) {
      if (offerWards(ctx, pm, best, scope, null, e1, bareWards, minWard)) misspeltCouldAdd = true;
      continue;
    }
    const e2 = leftEdge(ctx, dm.start);
    if (offerWards(ctx, pm, best, scope, dm, e2, bareWards, minWard)) misspeltCouldAdd = true;
    // The wards before a remark in parentheses right before the district are read too
    // (`P. Bến Nghé (nay là P. Sài Gòn), Q.1`): a unit inside the remark pays its penalty.
    const e2r = beforeRemark(ctx, e2);
    if (e2r > 0 && offerWards(ctx, pm, best, scope, dm, e2r, bareWards, minWard)) misspeltCouldAdd = true;
  }
  // The district written before its ward (`Quận 3, Phường 7, TP HCM`): a ward right before the
  // province, and an exact district right before that ward which holds it. Exact names only.
  // The ward is matched again under that district: among all the province's wards of its name, a
  // current one elsewhere hides a historical one of the district (`Phường 7` of Quận 3).
  for (const wm0 of bareWards) {
    if (wm0.fuzzy) continue;
    const e3 = leftEdge(ctx, wm0.start);
    for (const dm of e3 > 0 ? matchesAt(ctx, e3, 'district', inLegacyProvince, scope, inScopeOf, scope, scope) : NO_MATCHES) {
      if (dm.fuzzy) continue;
      const under: UnderDistrict = { ctx, scope, districts: dm.entries };
      for (const wm of matchesAt(ctx, e1, 'ward', wardUnderDistrict, under, inDistrictsOf, under, dm.entries, scope)) {
        if (wm.fuzzy || wm.start !== wm0.start) continue;
        const legacy = legacyOf(wm.entries);
        if (legacy.length === 0) continue;
        const w = legacy.length === wm.entries.length ? wm : withEntries(wm, legacy);
        const pick = pickWard(ctx, w);
        offer(best, pm, pm.entries, false, dm, false, w, pick, isCross(scope, pick.ward ?? dm.entries[0]!));
      }
    }
  }
  return misspeltCouldAdd;
}

/**
 * Offers the readings under province match `pm` and district match `dm` (or none: then the wards
 * are `bareWards`, those right before the province) whose ward ends at token `e`. Returns true when
 * no ward matched there, so that a misspelt one could add a reading.
 */
function offerWards(ctx: Ctx, pm: Match, best: Best, scope: Scope, dm: Match | null, e: number, bareWards: Match[], minWard: number): boolean {
  let could = false;
  let wards: Match[];
  let under: UnderDistrict | null = null;
  if (dm === null) wards = bareWards;
  else {
    under = { ctx, scope, districts: dm.entries };
    // `under` holds the districts and the scope: it is the cut as well.
    wards = matchesAt(ctx, e, 'ward', wardUnderDistrict, under, inDistrictsOf, under, dm.entries, scope);
  }
  if (wards.length === 0) {
    could = true;
    if (ctx.fuzzy) wards = under === null ? fuzzyMatchesAt(ctx, e, 'ward', scope, inScope, scope) : fuzzyMatchesAt(ctx, e, 'ward', scope, wardUnderDistrict, under);
  }
  for (let wi = -1; wi < wards.length; wi++) {
    const wm = wi < 0 ? null : wards[wi]!;
    if (wm !== null && wm.prefix === null && !wm.fuzzy && wm.end - wm.nameStart < minWard) continue;
    // Never a province from one misspelt word alone: it needs an exact unit under it.
    if (pm.fuzzy && (dm === null || dm.fuzzy) && (wm === null || wm.fuzzy)) continue;
    // Under a district, a legacy ward of it comes first; a 2025 ward is read only as "new ward
    // written with its old district" (the district then explains text but is not reported).
    let context = false;
    let pick: WardPick | null = null;
    if (wm !== null) {
      if (dm === null) pick = pickWard(ctx, wm);
      else {
        const legacy = legacyOf(wm.entries);
        if (legacy.length > 0) pick = pickWard(ctx, legacy.length === wm.entries.length ? wm : withEntries(wm, legacy));
        else {
          pick = pickWard(ctx, wm);
          context = true;
        }
      }
    }
    const used = pick?.ward ?? (dm !== null ? dm.entries[0]! : null);
    const cross = used !== null && isCross(scope, used);
    offer(best, pm, pm.entries, false, dm, context, wm, pick, cross);
  }
  return could;
}

/**
 * The readings under the province match `pm`: its district and ward right before it, or before a
 * remark in parentheses right before it (`Phường Sài Gòn (P. Bến Nghé cũ), TP HCM`). Text in
 * parentheses is a unit only while nothing else explains the address: such a unit pays
 * `PAREN_PENALTY`.
 *
 * @returns whether a misspelt name could add a reading here (see `bestReading`'s marks)
 */
function readingsUnderProvince(ctx: Ctx, pm: Match, best: Best): boolean {
  const scope = scopeOf(ctx.gz, pm.entries);
  const e1 = leftEdge(ctx, pm.start);
  let could = readingsFrom(ctx, pm, best, scope, e1);
  const e1r = beforeRemark(ctx, e1);
  if (e1r > 0 && readingsFrom(ctx, pm, best, scope, e1r)) could = true;
  return could;
}

/**
 * The edge left of a remark in parentheses that ends at token `e` (its words, and noise among
 * them), or -1 when the word before `e` is not in parentheses or nothing is left of the remark.
 */
function beforeRemark(ctx: Ctx, e: number): number {
  const { tokens } = ctx;
  if (e === 0 || !tokens[e - 1]!.paren) return -1;
  let k = e;
  while (k > 0 && (tokens[k - 1]!.paren || tokens[k - 1]!.noise)) k--;
  return k > 0 ? leftEdge(ctx, k) : -1;
}

/** The legacy entries of `entries`: `entries` itself when all are, an empty list when none is. */
function legacyOf(entries: readonly GazetteerEntry[]): readonly GazetteerEntry[] {
  let n = 0;
  for (let i = 0; i < entries.length; i++) if (entries[i]!.unit.scheme === 'legacy') n++;
  if (n === entries.length || n === 0) return n === 0 ? NO_ENTRIES : entries;
  const out: GazetteerEntry[] = [];
  for (let i = 0; i < entries.length; i++) if (entries[i]!.unit.scheme === 'legacy') out.push(entries[i]!);
  return out;
}

/** `m` with other entries; fields spelled out (an object spread is slow on Node 20). */
function withEntries(m: Match, entries: readonly GazetteerEntry[]): Match {
  return { level: m.level, start: m.start, nameStart: m.nameStart, end: m.end, entries, prefix: m.prefix, typeMismatch: m.typeMismatch, fuzzy: m.fuzzy, paren: m.paren };
}

/**
 * Without a province, only a unit word or a unique name of two or more words is trusted, and after
 * skipping trailing words only a unit word: single bare words are too often names of people.
 */
function trustedBare(m: Match, skipped: boolean): boolean {
  if (m.prefix !== null) return true;
  return !skipped && m.end - m.nameStart >= 2;
}

/** True when every entry has the province of the first (and there is one). */
function oneProvince(entries: readonly GazetteerEntry[]): boolean {
  if (entries.length === 0) return false;
  const p = entries[0]!.province;
  for (const e of entries) if (e.province !== p) return false;
  return true;
}

/** True when every entry has the scheme and province of the first (and there is one). */
function oneSchemeProvince(entries: readonly GazetteerEntry[]): boolean {
  if (entries.length === 0) return false;
  const { province } = entries[0]!;
  const { scheme } = entries[0]!.unit;
  for (const e of entries) if (e.unit.scheme !== scheme || e.province !== province) return false;
  return true;
}

function nationwideReadings(ctx: Ctx, end: number, skipped: boolean, best: Best): void {
  // A name read through a scanner's look-alikes (`fuzzy`) is misspelt: never the unit that names the
  // province here, only a ward under an exact district.
  for (const dm of matchesAt(ctx, end, 'district', acceptAll, null)) {
    if (dm.fuzzy || !oneProvince(dm.entries)) continue;
    // A bare one-word district (`Gò Vấp`, `PN`) counts only with a ward of it named with its unit
    // word right before it (`F7 Gò Vấp`, `P9 PN`): two nested units agree. With text skipped after it
    // (`…, Nghi Phong, Nghi Lộc, NA`), a bare district of two or more words counts only with a ward
    // of it right before it, bare of two or more words too or with its unit word: a landmark or a
    // street may be named like one unit, but not like a ward and its own district in a row.
    const trusted = trustedBare(dm, skipped);
    const nestedOnly = !trusted && skipped && dm.end - dm.nameStart >= 2;
    if (!trusted && skipped && !nestedOnly) continue;
    const p = provinceOf(ctx.gz, dm.entries[0]!);
    const wards = matchesAt(ctx, leftEdge(ctx, dm.start), 'ward', legacyWardOf, dm.entries, inDistrictsOf, { districts: dm.entries, scope: null }, dm.entries);
    for (let wi = trusted ? -1 : 0; wi < wards.length; wi++) {
      const wm = wi < 0 ? null : wards[wi]!;
      if (!trusted && wm!.prefix === null && !(nestedOnly && wm!.end - wm!.nameStart >= 2)) continue;
      const pick = wm === null ? null : pickWard(ctx, wm);
      if (!trusted && pick!.ward === null) continue;
      offer(best, null, p ? [p] : [], true, dm, false, wm, pick, false);
    }
  }
  for (const wm of matchesAt(ctx, end, 'ward', acceptAll, null)) {
    if (wm.fuzzy) continue;
    const pick = pickWard(ctx, wm);
    if (!(pick.ward ? true : oneSchemeProvince(pick.ambiguous)) || !trustedBare(wm, skipped)) continue;
    const first = pick.ward ?? pick.ambiguous[0]!;
    const p = provinceOf(ctx.gz, first);
    offer(best, null, p ? [p] : [], true, null, false, wm, pick, false);
  }
}

/** The two-word country keys (`viet nam`) as word pairs, so no key string is built per check. */
const COUNTRY_PAIRS: ReadonlyArray<readonly [string, string]> = [...COUNTRY_KEYS]
  .map((k) => k.split(' '))
  .filter((w): w is [string, string] => w.length === 2);

/** True when `a b` is a country key; token keys hold no space, so only a two-word key can be. */
function isCountryPair(a: string, b: string): boolean {
  for (let i = 0; i < COUNTRY_PAIRS.length; i++) if (a === COUNTRY_PAIRS[i]![0] && b === COUNTRY_PAIRS[i]![1]) return true;
  return false;
}

/** Trailing tokens that carry no address: postcode, country. */
function trailingJunk(ctx: Ctx, end: number): number {
  let e = leftEdge(ctx, end);
  for (;;) {
    if (e === 0) return e;
    const t = ctx.tokens[e - 1]!;
    if (isAllDigits(t.key) && (t.key.length === 5 || t.key.length === 6)) e = leftEdge(ctx, e - 1);
    else if (t.facts.country) e = leftEdge(ctx, e - 1);
    else if (e >= 2 && isCountryPair(ctx.tokens[e - 2]!.key, t.key)) e = leftEdge(ctx, e - 2);
    else return e;
  }
}

/** An exact match outside parentheses. */
function sound(m: Match | null): boolean {
  return m !== null && !m.fuzzy && !m.paren;
}

/** The reading has an exact province and an exact ward (neither misspelt nor in parentheses). */
function exactProvinceAndWard(r: Reading): boolean {
  return sound(r.province) && r.pick?.ward != null && sound(r.ward);
}

/** Score lost per word skipped at the end (text after the province: landmarks, notes, hamlets). */
const SKIP_PENALTY = 0.15;
/** Skipping a word inside parentheses costs less: a remark there is expected. */
const SKIP_PAREN_PENALTY = 0.03;
/**
 * The most the units of a reading can score: an exact province, district and ward, each with its unit
 * word (3.3 + 2.3 + 3.3; a reading without a province scores at most 0.5 + 2.3 + 3.3). To it `score`
 * adds 0.01 per word its matches span, and the matches of a reading are disjoint runs of the tokens
 * before its end.
 */
const MAX_UNITS_SCORE = 8.9;

/**
 * The highest score a reading ending at token `end` (or further left) can have before skip
 * penalties; with `misspeltOnly`, the highest a reading with a misspelt name can have. A tiny margin
 * covers the rounding of `score`'s sums, so the bound never cuts off a reading that could win.
 */
function ceiling(end: number, misspeltOnly: boolean): number {
  return MAX_UNITS_SCORE + 0.01 * end - (misspeltOnly ? FUZZY_PENALTY : 0) + 1e-9;
}

/**
 * What a reading must beat for the caller to use it: the score of a reading the caller already has,
 * and whether an equal score is enough (`tie`).
 */
interface Floor {
  readonly score: number;
  readonly tie: boolean;
  /**
   * Set when every exact reading of these tokens is known to score at most `score` (the first pass
   * read the same tokens, in the same order, to the end): only a reading with a misspelt name can
   * beat it, and only at the positions the first pass marked here as where one could add a reading.
   */
  readonly misspelt: Uint8Array | null;
}

const FORWARD = 0;
const REVERSED = 1;

// The first pass's marks (see {@link Scan}), one array per direction, reused by every parse: a new
// typed array per parse cost more than the rest of a short scan. A parse runs to its end without
// calling out, so the two arrays are never in use by two parses at once, and the marks are read
// only by the second pass of the parse that wrote them.
const markArrays: [Uint8Array, Uint8Array] = [new Uint8Array(64), new Uint8Array(64)];

/** The marks array of `direction`, cleared over its first `n` places (grown when shorter). */
function marksFor(direction: 0 | 1, n: number): Uint8Array {
  let a = markArrays[direction];
  if (a.length < n) markArrays[direction] = a = new Uint8Array(Math.max(n, 2 * a.length));
  // A loop: `fill` is a call into the runtime, which costs more than clearing a few dozen places.
  else for (let i = 0; i < n; i++) a[i] = 0;
  return a;
}

interface Found {
  readonly reading: Reading;
  readonly skipped: number;
  readonly score: number;
}

interface Scan {
  readonly found: Found | null;
  /**
   * Set when the scan read every position whose readings could beat the best it found (it did not
   * stop early at a complete reading), so no exact reading of these tokens scores more than `found`:
   * per end position, 1 where a misspelt name could add a reading (see `readingsUnderProvince`; a
   * segment end without a province, where a misspelt province is looked for), else 0.
   */
  readonly misspelt: Uint8Array | null;
}

/**
 * The reading that explains the text best. Every end position is tried from the right, and a reading
 * that leaves words after it (`…, Hà Nội, gần chợ Đồng Xuân`) pays for each word it leaves. Once a
 * reading with a province is found, later (further left) positions are read only under a province:
 * a bare name further left never overrides a province already read. The scan stops when no reading
 * could still win, so every position costs a bounded amount of work.
 *
 * With a `floor`, it also stops once no reading further left could beat the floor: the caller then
 * keeps what it has, so the result is the caller's choice exactly as without the floor, only
 * cheaper. (Its result may then be a reading that does not beat the floor; the caller compares.)
 */
function bestReading(ctx: Ctx, direction: 0 | 1, floor: Floor | null): Scan {
  const end0 = trailingJunk(ctx, ctx.tokens.length);
  const best: Best = { reading: null, score: -Infinity, skipped: 0, penalty: 0, skippedHere: 0, province: false };
  // Only misspelt names can beat the floor: read only where the first pass marked that one could.
  const only = floor?.misspelt ?? null;
  const marks = ctx.fuzzy ? null : marksFor(direction, ctx.tokens.length + 1);
  let exhaustive = true;
  let haveProvince = false;
  let penalty = 0;
  let prevEnd = end0;
  for (let end = end0; end > 0; end = leftEdge(ctx, end - 1)) {
    for (let k = end; k < prevEnd; k++) penalty += ctx.tokens[k]!.noise ? 0 : ctx.tokens[k]!.paren ? SKIP_PAREN_PENALTY : SKIP_PENALTY;
    prevEnd = end;
    const r = best.reading;
    if (r !== null && ceiling(end, false) - penalty <= best.score) break;
    if (floor !== null) {
      const top = ceiling(end, only !== null) - penalty;
      if (floor.tie ? top < floor.score : top <= floor.score) break;
    }
    // A reading with an exact province and ward, nothing skipped, is complete: nothing further left
    // can explain more of the text.
    if (r !== null && best.skipped === 0 && exactProvinceAndWard(r)) {
      exhaustive = false;
      break;
    }
    if (only !== null && only[end] === 0) continue;
    best.penalty = penalty;
    best.skippedHere = end0 - end;
    best.province = false;
    // Provinces: strictly longest match first, so "Bà Rịa - Vũng Tàu" is never read as ward + "Vũng Tàu".
    let pm: Match | undefined = matchesAt(ctx, end, 'province', acceptAll, null)[0];
    // A misspelt province only at the end of a segment, and only with an exact unit under it.
    const segmentEnd = end === end0 || end === ctx.tokens.length || ctx.tokens[end]!.brk;
    if (pm === undefined && ctx.fuzzy && segmentEnd) pm = fuzzyMatchesAt(ctx, end, 'province', null, acceptAll, null)[0];
    const misspeltCouldAdd = pm !== undefined ? readingsUnderProvince(ctx, pm, best) : segmentEnd;
    if (marks !== null && misspeltCouldAdd) marks[end] = 1;
    // A name at the very end that reads as a province is the province, unless its unit word says
    // otherwise. (Exact names only: with `only`, the first pass read them all.)
    if (!haveProvince && only === null && (pm === undefined || pm.typeMismatch || pm.fuzzy)) nationwideReadings(ctx, end, end < end0, best);
    if (best.province) haveProvince = true;
  }
  return { found: best.reading === null ? null : { reading: best.reading, skipped: best.skipped, score: best.score }, misspelt: exhaustive ? marks : null };
}

/**
 * The tokens with their comma-separated segments in reverse order, for addresses written province
 * first (`ĐÀ NẴNG, QUẬN HẢI CHÂU, PHƯỜNG THẠCH THANG, 45 LÊ DUẨN`). Offsets stay those of the input.
 */
function reverseSegments(tokens: readonly Token[]): Token[] {
  const segs: Token[][] = [];
  for (const t of tokens) {
    if (segs.length === 0 || t.brk) segs.push([]);
    segs[segs.length - 1]!.push(t);
  }
  const out: Token[] = [];
  for (let i = segs.length - 1; i >= 0; i--) {
    const seg = segs[i]!;
    for (let k = 0; k < seg.length; k++) {
      const t = seg[k]!;
      if (k > 0) out.push(t);
      else {
        const first = out.length === 0;
        out.push({ key: t.key, match: t.match, start: t.start, end: t.end, sep: first ? '' : ', ', brk: !first, noise: t.noise, paren: t.paren, facts: t.facts, wid: t.wid });
      }
    }
  }
  return out;
}

/** True when the first segment is exactly a province name (with or without its unit word) and more follow. */
function provinceFirst(ctx: Ctx): boolean {
  const { tokens } = ctx;
  let segEnd = 1;
  while (segEnd < tokens.length && !tokens[segEnd]!.brk) segEnd++;
  if (segEnd >= tokens.length) return false;
  // Cheap test first: some province name must end with the segment's last word.
  const last = tokens[segEnd - 1]!;
  if (rootChild(ctx.tries, 0, widOf(ctx.tries, last)) === 0) return false;
  const pm = matchesAt(ctx, segEnd, 'province', acceptAll, null)[0];
  return pm !== undefined && pm.start === 0;
}

/** Door kinds by number, to record the order they appear in without an array. */
function doorKindNo(k: DoorKind): number {
  // Compared by value, not read as `table[k]`: a keyed read by a varying name is a slow generic lookup.
  return k === 'houseNumber' ? 1 : k === 'alley' ? 2 : k === 'subWard' ? 3 : k === 'room' ? 4 : 5;
}

/** Shared frozen empty lists of results (most results have no ambiguity and no fuzzy match). */
const NO_UNITS: readonly AdminUnit[] = Object.freeze([]);
const NO_LEVELS: ReadonlyArray<'ward' | 'district' | 'province'> = Object.freeze([]);

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
  historical: false,
  fuzzy: Object.freeze([]) as ReadonlyArray<'ward' | 'district' | 'province'>,
});

function span(ctx: Ctx, from: number, to: number): Span {
  return [ctx.tokens[from]!.start, ctx.tokens[to - 1]!.end];
}

/** The entry of `entries` with this scheme and code, if any. */
function entryWith(entries: readonly GazetteerEntry[], scheme: string, code: string): GazetteerEntry | undefined {
  for (const e of entries) if (e.unit.scheme === scheme && e.unit.code === code) return e;
  return undefined;
}

function build(ctx: Ctx, r: Reading, skipped: number): ParsedAddress {
  const { gz, tokens, text } = ctx;
  const spans: Partial<Record<AddressPart, Span>> = {};
  const pick = r.pick;
  const ward = pick?.ward ?? null;
  const district = r.district ? (r.district.entries.length === 1 ? r.district.entries[0]! : null) : null;
  // The province follows the scheme of the most specific unit found.
  const anchor = ward ?? district;
  let province: GazetteerEntry | null = null;
  if (anchor !== null) {
    province = entryWith(r.provinceEntries, anchor.unit.scheme, anchor.province) ?? provinceOf(gz, anchor);
  } else {
    province = null;
    for (const e of r.provinceEntries) {
      if (e.unit.scheme === '2025') {
        province = e;
        break;
      }
    }
    if (province === null) province = r.provinceEntries[0] ?? null;
  }
  let scheme: ParsedAddress['scheme'] = null;
  if (ward !== null) scheme = pick?.alt ? 'both' : ward.unit.scheme;
  else if (district !== null) scheme = 'legacy';
  else if (province !== null) {
    // `both` when the matched province entries are of more than one scheme.
    let mixed = false;
    for (const e of r.provinceEntries) if (e.unit.scheme !== r.provinceEntries[0]!.unit.scheme) mixed = true;
    scheme = mixed ? 'both' : province.unit.scheme;
  }
  if (r.province) spans.province = span(ctx, r.province.start, r.province.end);
  if (r.district && district) spans.district = span(ctx, r.district.start, r.district.end);
  if (r.ward && ward) spans.ward = span(ctx, r.ward.start, r.ward.end);

  // The leftmost unit (a district may be written before its ward).
  const ws = r.ward?.start ?? Infinity;
  const ds = r.district?.start ?? Infinity;
  const routingStart = ws < ds ? ws : ds < Infinity ? ds : (r.province?.start ?? 0);
  // Each door part: its first piece, extended by pieces of the same kind that follow it directly.
  // Kept per kind in locals, then added to `spans` in the order the kinds first appear (the order
  // callers have always seen), each store naming its property.
  let hs: Span | undefined;
  let as: Span | undefined;
  let ss: Span | undefined;
  let rs: Span | undefined;
  let ts: Span | undefined;
  let order = 0;
  let kinds = 0;
  let lastKind: DoorKind | null = null;
  let lastTo = -1;
  for (const p of parseDoor(tokens, 0, routingStart)) {
    const k = p.kind;
    const prev = k === 'houseNumber' ? hs : k === 'alley' ? as : k === 'subWard' ? ss : k === 'room' ? rs : ts;
    let s: Span;
    if (prev === undefined) {
      s = [tokens[p.from]!.start, tokens[p.to - 1]!.end];
      order = (order << 3) | doorKindNo(k);
      kinds++;
    } else if (lastKind === k && lastTo === p.from && tokens[p.from]!.start >= prev[1]) s = [prev[0], tokens[p.to - 1]!.end];
    else continue;
    if (k === 'houseNumber') hs = s;
    else if (k === 'alley') as = s;
    else if (k === 'subWard') ss = s;
    else if (k === 'room') rs = s;
    else ts = s;
    lastKind = k;
    lastTo = p.to;
  }
  for (let i = kinds - 1; i >= 0; i--) {
    const no = (order >> (3 * i)) & 7;
    if (no === 1) spans.houseNumber = hs;
    else if (no === 2) spans.alley = as;
    else if (no === 3) spans.subWard = ss;
    else if (no === 4) spans.room = rs;
    else spans.street = ts;
  }

  let confidence = 0;
  if (province !== null) confidence += r.inferred ? 0.25 : 0.35;
  if (ward !== null) confidence += 0.45 + (ward.unit.scheme === '2025' || district !== null ? 0.1 : 0.05);
  else if (pick !== null) confidence += 0.15;
  else if (district !== null) confidence += 0.2;
  if (r.ward?.prefix) confidence += 0.05;
  if (r.ward?.typeMismatch || r.district?.typeMismatch || r.province?.typeMismatch) confidence -= 0.1;
  if (skipped > 0) confidence -= 0.1;
  const fuzzy: Array<'ward' | 'district' | 'province'> = [];
  if (r.ward?.fuzzy && ward !== null) fuzzy.push('ward');
  if (r.district?.fuzzy && district !== null) fuzzy.push('district');
  if (r.province?.fuzzy) fuzzy.push('province');
  confidence -= 0.15 * fuzzy.length;
  const historical = ward?.successor != null || district?.successor != null;
  if (historical) confidence -= 0.05;
  confidence = Math.max(0.05, Math.min(1, Math.round(confidence * 100) / 100));

  const alt = pick?.alt ?? null;
  const altProvince = alt ? provinceOf(gz, alt) : null;
  const ambiguous: AdminUnit[] = [];
  if (pick !== null) for (const e of pick.ambiguous) ambiguous.push(e.unit);
  if (r.district && !district) for (const e of r.district.entries) ambiguous.push(e.unit);
  // Masking and routing of this result find its entries kept (see `rememberResolved`).
  rememberResolved(gz, province, district, ward, alt);
  // Fields spelled out in the order callers have always seen (door parts: house number, alley,
  // sub-ward, room, street); no spread, which is slow on Node 20.
  return Object.freeze({
    province: province?.unit ?? null,
    district: district?.unit ?? null,
    ward: ward?.unit ?? null,
    legacyAlternative: alt ? Object.freeze({ province: altProvince?.unit ?? null, ward: alt.unit }) : null,
    houseNumber: hs === undefined ? null : text.slice(hs[0], hs[1]),
    alley: as === undefined ? null : text.slice(as[0], as[1]),
    subWard: ss === undefined ? null : text.slice(ss[0], ss[1]),
    room: rs === undefined ? null : text.slice(rs[0], rs[1]),
    street: ts === undefined ? null : text.slice(ts[0], ts[1]),
    scheme,
    confidence,
    ambiguous: ambiguous.length === 0 ? NO_UNITS : Object.freeze(ambiguous),
    spans: Object.freeze(spans),
    historical,
    fuzzy: fuzzy.length === 0 ? NO_LEVELS : Object.freeze(fuzzy),
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

/** True when some token holds a letter: only then can a word be repaired or a name be misspelt. */
function hasLetters(tokens: readonly Token[]): boolean {
  for (const t of tokens) if (!t.noise && !isAllDigits(t.key)) return true;
  return false;
}

/** The best reading of the tokens, and the first pass's marks of each direction (see {@link Scan}). */
interface Read {
  readonly found: Found | null;
  readonly used: Ctx;
  readonly forward: Uint8Array | null;
  /** Null too when the text does not start with a province (then it is read forward only). */
  readonly reversed: Uint8Array | null;
}

/** The floor for one direction of the second pass: the first pass's marks of that direction. */
function floorWith(floor: Floor | null, misspelt: Uint8Array | null): Floor | null {
  return floor === null ? null : { score: floor.score, tie: floor.tie, misspelt };
}

/**
 * The best reading of `ctx`, trying segments in reverse order too when the text starts with a province
 * (the reversed reading wins only with a higher score). The reversed tokens are read first, so that
 * the forward scan can stop as soon as it cannot reach their score.
 *
 * Second pass: `floor` is the first pass's score, and `first` its result when it read these same
 * tokens (nothing was repaired), whose marks let each direction read only where a misspelt name
 * could beat it.
 */
function readAll(ctx: Ctx, floor: Floor | null, first: Read | null): Read {
  if (!provinceFirst(ctx)) {
    const fwd = bestReading(ctx, FORWARD, floorWith(floor, first?.forward ?? null));
    return { found: fwd.found, used: ctx, forward: fwd.misspelt, reversed: null };
  }
  const rctx: Ctx = { text: ctx.text, tokens: reverseSegments(ctx.tokens), gz: ctx.gz, fuzzy: ctx.fuzzy, tries: ctx.tries, steps: ctx.steps, lookalikes: ctx.lookalikes };
  const rev = bestReading(rctx, REVERSED, floorWith(floor, first?.reversed ?? null));
  // The forward reading is kept on a tie, so it must reach the reversed one's score (and the floor).
  const r = rev.found;
  // A complete reversed reading (first pass): the text opens with its province, then its ward (and
  // district). Read forward, that province heads no reading, so the forward scan could at most find a
  // second complete address at the text's end; the one it opens with is kept, and the forward scan,
  // about a fifth of such a parse, is not run. (Same outputs on the differential corpus.)
  if (floor === null && complete(rctx, r)) return { found: r, used: rctx, forward: null, reversed: rev.misspelt };
  const fwdMarks = first?.forward ?? null;
  const fwdFloor: Floor | null = r !== null && (floor === null || r.score > floor.score) ? { score: r.score, tie: true, misspelt: fwdMarks } : floorWith(floor, fwdMarks);
  const fwd = bestReading(ctx, FORWARD, fwdFloor);
  // Each direction's marks stand on their own: every exact reading of it scores at most its best,
  // which is at most the score the caller keeps.
  const forward = fwd.misspelt;
  const reversed = rev.misspelt;
  if (r !== null && (fwd.found === null || r.score > fwd.found.score)) return { found: r, used: rctx, forward, reversed };
  return { found: fwd.found, used: ctx, forward, reversed };
}

/**
 * An exact province and an exact ward, and the ward either with its unit word or first in its
 * segment (or after a number): no repair can read more. A bare ward after other words
 * (`… Hu yện Diên Khánh`) may sit after a damaged unit word, so the second pass is tried.
 *
 * Words skipped after the province do not make the reading incomplete: they are text after the
 * address (a landmark, a note, a phone, an old province in parentheses), and a misspelt name there
 * would be a unit named after the address's own province, which the parser never reads (issue #10,
 * §1). The first pass already charged them their skip penalty. (Until 2026-12-01 any skipped word sent
 * the parse to the second pass; on the differential corpus that changed no output, and not running
 * it took about a tenth off the mixed corpus's time.)
 */
function complete(ctx: Ctx, f: Found | null): boolean {
  if (f === null) return false;
  const r = f.reading;
  if (!exactProvinceAndWard(r)) return false;
  const w = r.ward!;
  if (w.prefix !== null || w.start === 0 || ctx.tokens[w.start]!.brk) return true;
  const before = ctx.tokens[w.start - 1]!;
  return before.noise || startsWithDigit(before.key);
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
    const tries = keyTries(gz);
    const tokens = tokenize(text, steps, tries);
    const first = readAll({ text, tokens, gz, fuzzy: false, tries, steps, lookalikes: null }, null, null);
    let { found, used } = first;
    // Exact names first. Only when the text as typed does not read completely are damaged words
    // repaired (`Hu yện`, `K0N TUM`, `XÃMỘC`) and misspelt names looked for; that reading must then
    // score higher (fuzzy matches pay for their doubt).
    if (!complete(used, found) && hasLetters(tokens)) {
      // Every word of the gazetteer's names: the vocabulary that confirms a repair.
      const lookalikes: number[] = [];
      const repaired = repairTokens(tokens, text, nameWords(gz, UNIT_WORD_KEYS), UNIT_WORD_SET, tries, lookalikes);
      // The second reading is used only when it scores higher. When no word was repaired, the first
      // pass's marks say where a misspelt name could add a reading; every other reading is known.
      const floor: Floor = { score: found === null ? -Infinity : found.score, tie: false, misspelt: null };
      const alt = readAll({ text, tokens: repaired, gz, fuzzy: true, tries: used.tries, steps, lookalikes: lookalikes.length > 0 ? lookalikes : null }, floor, repaired === tokens ? first : null);
      if (alt.found !== null && (found === null || alt.found.score > found.score)) ({ found, used } = alt);
    }
    return found === null ? EMPTY : build(used, found.reading, found.skipped);
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
  // What `guard` does, written out: no closure is made per call.
  try {
    return parseAddressCounted(text, opts, { n: 0 });
  } catch (e) {
    if (e instanceof WaybillShieldError) throw e;
    throw new WaybillShieldError('INVALID_INPUT', 'parseAddress: arguments are not an address string and options');
  }
}
