/**
 * Lookup structures derived from a {@link Gazetteer} once, on first use, and kept for its lifetime:
 * the name keys of each level as word tries read right to left (the parser matches from a position
 * leftwards, so it walks one word per step instead of joining and hashing a new key string per step),
 * and each unit's entry by object identity (so masking and routing re-read a parse result's units
 * without building `scheme:level:code` strings).
 *
 * Everything here answers exactly what the gazetteer's own maps answer; it only avoids building
 * strings per call. A gazetteer is immutable once built, so nothing derived from it goes stale.
 * @module
 * @internal
 */

import { codeKey, type Gazetteer, type GazetteerEntry, type Related } from './gazetteer.js';
import type { AdminUnit } from './types.js';

/**
 * The reversed key tries of one gazetteer, one per level, laid out flat. A node is a number: a run of
 * words read right to left that ends some key. Node 0 stands for "no such run". Words are numbered
 * too (`ids`), and a token carries its word's number (see `Token.wid`), so a step of a walk reads a
 * few numbers from typed arrays: no string hashing, no map and no node object. A walk touches a
 * cache line or two per step, where a map of objects per node touched several.
 */
export interface KeyTries {
  /** Every word of every key of the three tries, by its number (from 0). */
  readonly ids: ReadonlyMap<string, number>;
  /** `roots[id * 3 + level]` (province 0, district 1, ward 2): the node of that level's keys whose last word is word `id`, or 0. */
  readonly roots: Int32Array;
  /**
   * The children of node `n`, one word further left, are the pairs at `edges[first[n]]` to
   * `edges[first[n + 1]]`: (word number, node), sorted by word number.
   */
  readonly first: Int32Array;
  readonly edges: Int32Array;
  /** The gazetteer's entry list of the key each node spells, or `undefined` when it is not a whole key (index 0 unused). */
  readonly entries: ReadonlyArray<readonly GazetteerEntry[] | undefined>;
}

/** Nodes with more children than this are searched by halving, the others in order. */
const LINEAR_CHILDREN = 8;

/** A node while the tries are built: its key's entries and its children by word number. */
interface BuildNode {
  entries: readonly GazetteerEntry[] | undefined;
  children: Map<number, BuildNode> | undefined;
  id: number;
}

/**
 * A key is its words joined by single spaces, and no input word is empty or holds a space, so a
 * run of words spells a key exactly when it walks that key's words in the trie.
 */
function addKeys(map: ReadonlyMap<string, readonly GazetteerEntry[]>, ids: Map<string, number>, roots: Map<number, BuildNode>): void {
  for (const [key, list] of map) {
    const ws = key.split(' ');
    let children = roots;
    let node: BuildNode | undefined;
    for (let k = ws.length - 1; k >= 0; k--) {
      const w = ws[k]!;
      let id = ids.get(w);
      if (id === undefined) ids.set(w, (id = ids.size));
      node = children.get(id);
      if (node === undefined) children.set(id, (node = { entries: undefined, children: undefined, id: 0 }));
      if (k > 0) children = node.children ??= new Map();
    }
    node!.entries = list;
  }
}

function flatten(gz: Gazetteer): KeyTries {
  const ids = new Map<string, number>();
  const levels = [new Map<number, BuildNode>(), new Map<number, BuildNode>(), new Map<number, BuildNode>()] as const;
  addKeys(gz.provinceKeys, ids, levels[0]);
  addKeys(gz.districtKeys, ids, levels[1]);
  addKeys(gz.wardKeys, ids, levels[2]);
  // Number the nodes breadth first from 1, so that a node's children are numbered together.
  const order: BuildNode[] = [];
  for (const level of levels) for (const n of level.values()) order.push(n);
  for (let i = 0; i < order.length; i++) {
    order[i]!.id = i + 1;
    const children = order[i]!.children;
    if (children !== undefined) for (const c of children.values()) order.push(c);
  }
  const roots = new Int32Array(ids.size * 3);
  levels.forEach((level, l) => {
    for (const [id, n] of level) roots[id * 3 + l] = n.id;
  });
  const first = new Int32Array(order.length + 2);
  const edges = new Int32Array((order.length - levels[0].size - levels[1].size - levels[2].size) * 2);
  const entries: (readonly GazetteerEntry[] | undefined)[] = [undefined];
  let e = 0;
  for (const n of order) {
    first[n.id] = e;
    entries.push(n.entries);
    if (n.children === undefined) continue;
    const ids = [...n.children.keys()].sort((a, b) => a - b);
    for (const id of ids) {
      edges[e++] = id;
      edges[e++] = n.children.get(id)!.id;
    }
  }
  first[order.length + 1] = e;
  return { ids, roots, first, edges, entries };
}

/**
 * Data derived from a gazetteer: built on first use, kept for that gazetteer (weakly: it goes when
 * the gazetteer does) and shared by every later call. Nearly every call is for the same (bundled)
 * gazetteer, so the last one's data is returned without a WeakMap lookup.
 */
class PerGazetteer<T> {
  /** The data of the gazetteer asked for last, or `undefined` before the first call. */
  last: T | undefined;
  #lastGz: Gazetteer | undefined;
  readonly #byGz = new WeakMap<Gazetteer, T>();
  readonly #build: (gz: Gazetteer) => T;

  constructor(build: (gz: Gazetteer) => T) {
    this.#build = build;
  }

  /**
   * @param gz - a gazetteer
   * @returns its data, built now if this is the first call for it
   */
  of(gz: Gazetteer): T {
    if (gz === this.#lastGz) return this.last!;
    let v = this.#byGz.get(gz);
    if (v === undefined) this.#byGz.set(gz, (v = this.#build(gz)));
    this.#lastGz = gz;
    this.last = v;
    return v;
  }
}

const tries = /* @__PURE__ */ new PerGazetteer<KeyTries>(flatten);

/**
 * The reversed key tries of `gz`, built on first use.
 *
 * @param gz - a gazetteer
 * @returns its tries, shared by every later call
 */
export function keyTries(gz: Gazetteer): KeyTries {
  return tries.of(gz);
}

/** A token's word number (see `Token.wid`) when it is not known yet: look the word up. */
export const WID_UNKNOWN = -2;
/** A token's word number when its word is in no key. */
export const WID_NONE = -1;

/**
 * The number of `word` in `t`, or {@link WID_NONE}.
 *
 * @param t - the tries of a gazetteer
 * @param word - a token's `match`
 * @returns its word number
 */
export function wordId(t: KeyTries, word: string): number {
  const id = t.ids.get(word);
  return id === undefined ? WID_NONE : id;
}

/**
 * The node of `level`'s keys whose last word is word `wid`: gives what the root's child by that word
 * would give.
 *
 * @param t - the tries of a gazetteer
 * @param level - 0 for province, 1 for district, 2 for ward
 * @param wid - a word number, or {@link WID_NONE}
 * @returns the node, 0 when no key ends in that word
 */
export function rootChild(t: KeyTries, level: number, wid: number): number {
  return wid < 0 ? 0 : t.roots[wid * 3 + level]!;
}

/**
 * The child of `node` by word `wid`: the node of the keys that end in the node's words preceded by
 * that word.
 *
 * @param t - the tries of a gazetteer
 * @param node - a node, or 0
 * @param wid - a word number, or {@link WID_NONE}
 * @returns the child, 0 when there is none
 */
export function childOf(t: KeyTries, node: number, wid: number): number {
  if (node === 0 || wid < 0) return 0;
  const edges = t.edges;
  let lo = t.first[node]!;
  let hi = t.first[node + 1]!;
  if (hi - lo > 2 * LINEAR_CHILDREN) {
    // Pairs from lo to hi, sorted by word number: halve on pair boundaries.
    let a = lo >> 1;
    let b = (hi >> 1) - 1;
    while (a <= b) {
      const m = (a + b) >> 1;
      const w = edges[m * 2]!;
      if (w === wid) return edges[m * 2 + 1]!;
      if (w < wid) a = m + 1;
      else b = m - 1;
    }
    return 0;
  }
  for (; lo < hi; lo += 2) {
    const w = edges[lo]!;
    if (w === wid) return edges[lo + 1]!;
    if (w > wid) return 0;
  }
  return 0;
}

const unitEntries = /* @__PURE__ */ new PerGazetteer<ReadonlyMap<AdminUnit, GazetteerEntry>>((gz) => {
  const out = new Map<AdminUnit, GazetteerEntry>();
  for (const [key, e] of gz.byCode) {
    if (typeof e !== 'object' || e === null || typeof e.unit !== 'object' || e.unit === null) continue;
    if (!Object.isFrozen(e) || !Object.isFrozen(e.unit)) continue;
    if (key !== codeKey(e.unit.scheme, e.level, e.unit.code)) continue;
    out.set(e.unit, e);
  }
  for (const e of gz.historical?.values() ?? []) {
    if (Object.isFrozen(e) && Object.isFrozen(e.unit) && e.successor !== null) out.set(e.unit, e);
  }
  return out;
});

/**
 * Each unit's entry, by the unit object, built on first use. Holds only units `byCode` stores
 * under their own scheme, level and code, frozen, so that for any unit `u` in it with entry `e`,
 * `byCode.get(codeKey(u.scheme, e.level, u.code))` is `e`.
 *
 * @param gz - a gazetteer
 * @returns the map, shared by every later call
 */
export function entryOfUnit(gz: Gazetteer): ReadonlyMap<AdminUnit, GazetteerEntry> {
  return unitEntries.of(gz);
}

const related = /* @__PURE__ */ new PerGazetteer<Map<GazetteerEntry, Related>>(() => new Map());

/**
 * The neighbours record of `e` in `gz`: the one the entry carries when `gz` made it, else one kept
 * here, created empty on first use. Only for a frozen entry with a frozen unit, whose fields (and so
 * whose neighbours) cannot change.
 *
 * @param gz - a gazetteer
 * @param e - one of its entries
 * @returns the record to read and fill in, or `null` when `e` is not frozen (look up every time)
 */
export function relatedOf(gz: Gazetteer, e: GazetteerEntry): Related | null {
  // An entry of `gz` reached by its code look-ups carries its record (see `EntryLinks`).
  const links = e.links;
  if (links !== undefined && links.owner === gz) return links;
  const m = related.of(gz);
  let r = m.get(e);
  if (r === undefined) {
    if (!Object.isFrozen(e) || !Object.isFrozen(e.unit)) return null;
    r = { province: undefined, district: undefined, ward2025: undefined, province2025: undefined };
    m.set(e, r);
  }
  return r;
}

/**
 * Which characters a key holds, as bits: `a`–`z` one bit each, the space one, any other character
 * one of five by its code. One edit changes which characters a string holds by at most two (a
 * substitution may drop one and add another; an insertion or deletion one; a swap none), and
 * characters sharing a bit can only hide a change, so two keys whose masks differ in three bits or
 * more are not within one edit: the approximate search rejects them without reading either key.
 *
 * @param key - a folded key
 * @returns its character mask
 */
export function letterMask(key: string): number {
  let m = 0;
  for (let i = 0; i < key.length; i++) {
    const c = key.charCodeAt(i);
    m |= c >= 97 && c <= 122 ? 1 << (c - 97) : c === 32 ? 1 << 26 : 1 << (27 + (c % 5));
  }
  return m;
}

/**
 * False when keys with the {@link letterMask}s `a` and `b` cannot be within one edit: the masks
 * differ in three bits or more. True says only that they may be.
 */
export function masksMayBeOneEditApart(a: number, b: number): boolean {
  let d = a ^ b;
  // Clear the two lowest set bits: anything left is a third differing character.
  d &= d - 1;
  d &= d - 1;
  return d === 0;
}

/**
 * The keys of one scope (a province of one scheme, or every province), for approximate matching: laid
 * out flat and ordered by length (a one-edit match differs in length by at most one), so that the
 * search reads the masks of the keys it may match as one run of adjacent numbers, and reads a key or
 * its entries only when the masks allow a match. On a stream of distinct addresses that run is most
 * of what the search costs, and a key object per key made each mask a memory access of its own.
 */
export interface FuzzyBucket {
  /** {@link letterMask} of each key. */
  readonly masks: Int32Array;
  readonly keys: readonly string[];
  readonly entries: ReadonlyArray<readonly GazetteerEntry[]>;
  /** `from[L]`: the index of the first key of `L` or more characters, for `L` up to `maxLength + 1`. */
  readonly from: Int32Array;
  readonly maxLength: number;
}

/** Per level: keys by `scheme:provinceCode` (wards, districts) or of every province. */
export interface FuzzyIndex {
  readonly province: FuzzyBucket;
  readonly district: ReadonlyMap<string, FuzzyBucket>;
  readonly ward: ReadonlyMap<string, FuzzyBucket>;
}

/** Only names of five or more letters are matched approximately. */
const FUZZY_MIN_LETTERS = 5;

function letters(key: string): number {
  let n = 0;
  for (let i = 0; i < key.length; i++) if (key.charCodeAt(i) !== 32) n++;
  return n;
}

interface BucketKey {
  readonly key: string;
  readonly entries: readonly GazetteerEntry[];
}

function flatBucket(keys: BucketKey[]): FuzzyBucket {
  // Stable: keys of one length keep the order of the gazetteer's key map.
  const sorted = keys.map((k, i) => ({ k, i })).sort((x, y) => x.k.key.length - y.k.key.length || x.i - y.i);
  const maxLength = sorted.length === 0 ? 0 : sorted[sorted.length - 1]!.k.key.length;
  const from = new Int32Array(maxLength + 2);
  const masks = new Int32Array(sorted.length);
  for (let i = 0; i < sorted.length; i++) masks[i] = letterMask(sorted[i]!.k.key);
  let i = 0;
  for (let L = 0; L <= maxLength + 1; L++) {
    while (i < sorted.length && sorted[i]!.k.key.length < L) i++;
    from[L] = i;
  }
  return { masks, keys: sorted.map((x) => x.k.key), entries: sorted.map((x) => x.k.entries), from, maxLength };
}

function bucketize(map: ReadonlyMap<string, readonly GazetteerEntry[]>, scoped: boolean): Map<string, FuzzyBucket> {
  const groupsKeys = new Map<string, BucketKey[]>();
  for (const [key, list] of map) {
    if (letters(key) < FUZZY_MIN_LETTERS || /\d/.test(key)) continue;
    const groups = new Map<string, GazetteerEntry[]>();
    for (const e of list) {
      const g = scoped ? `${e.unit.scheme}:${e.province}` : '*';
      const l = groups.get(g) ?? [];
      l.push(e);
      groups.set(g, l);
    }
    for (const [g, entries] of groups) {
      let b = groupsKeys.get(g);
      if (b === undefined) groupsKeys.set(g, (b = []));
      b.push({ key, entries });
    }
  }
  const out = new Map<string, FuzzyBucket>();
  for (const [g, keys] of groupsKeys) out.set(g, flatBucket(keys));
  return out;
}

const fuzzyIndexes = /* @__PURE__ */ new PerGazetteer<FuzzyIndex>((gz) => ({
  province: bucketize(gz.provinceKeys, false).get('*') ?? flatBucket([]),
  district: bucketize(gz.districtKeys, true),
  ward: bucketize(gz.wardKeys, true),
}));

/**
 * The approximate-matching index of `gz`, built on first use (only misspelt input needs it).
 *
 * @param gz - a gazetteer
 * @returns keys of five or more letters per level and province, bucketed by length
 */
export function fuzzyIndex(gz: Gazetteer): FuzzyIndex {
  return fuzzyIndexes.of(gz);
}

/**
 * True when `a` and `b` differ by at most one edit: a wrong, missing or extra character, or two
 * neighbours swapped.
 *
 * @param a - a key
 * @param b - another key
 * @returns whether they are within one edit
 */
export function withinOneEdit(a: string, b: string): boolean {
  if (a === b) return true;
  const la = a.length;
  const lb = b.length;
  if (la - lb > 1 || lb - la > 1) return false;
  // The common prefix (i units), then the common suffix (j units) of what is left of the shorter
  // key: the keys are one edit apart when what differs between them fits in one edit. No slices.
  const short = la < lb ? la : lb;
  let i = 0;
  while (i < short && a.charCodeAt(i) === b.charCodeAt(i)) i++;
  let j = 0;
  while (j < short - i && a.charCodeAt(la - 1 - j) === b.charCodeAt(lb - 1 - j)) j++;
  // Different lengths: the extra unit of the longer key sits between prefix and suffix.
  if (la !== lb) return i + j >= short;
  // Same length: one unit replaced, or two neighbours swapped.
  if (i + j >= la - 1) return true;
  return i + j === la - 2 && a.charCodeAt(i) === b.charCodeAt(i + 1) && a.charCodeAt(i + 1) === b.charCodeAt(i);
}

const districtsOf2025 = /* @__PURE__ */ new PerGazetteer<ReadonlyMap<string, readonly string[]>>((gz) => {
  const out = new Map<string, string[]>();
  for (const e of gz.byCode.values()) {
    if (e.level !== 'ward' || e.unit.scheme !== 'legacy' || e.district === null) continue;
    for (const c of e.to2025) {
      const l = out.get(c) ?? [];
      if (!l.includes(e.district)) l.push(e.district);
      out.set(c, l);
    }
  }
  return out;
});

/**
 * For each 2025 ward code, the legacy district codes whose wards went (wholly or partly) into it,
 * built on first use from the legacy → 2025 mapping. Lets `Phường Hồng Hà, Q. Hoàn Kiếm` be read as
 * a 2025 ward written with its old district.
 *
 * @param gz - a gazetteer
 * @returns the map, shared by every later call
 */
export function legacyDistrictsOf2025(gz: Gazetteer): ReadonlyMap<string, readonly string[]> {
  return districtsOf2025.of(gz);
}

const wordSets = new WeakMap<Gazetteer, ReadonlySet<string>>();

/**
 * Every word of every name key of `gz` (all levels), built on first use: the vocabulary that
 * confirms a repair of a damaged input word (see `_repair.ts`).
 *
 * @param gz - a gazetteer
 * @param extra - words to add (unit words)
 * @returns the set, shared by every later call
 */
export function nameWords(gz: Gazetteer, extra: readonly string[]): ReadonlySet<string> {
  let s = wordSets.get(gz);
  if (s === undefined) {
    const out = new Set<string>(extra);
    for (const m of [gz.provinceKeys, gz.districtKeys, gz.wardKeys]) for (const k of m.keys()) for (const w of k.split(' ')) out.add(w);
    wordSets.set(gz, (s = out));
  }
  return s;
}
