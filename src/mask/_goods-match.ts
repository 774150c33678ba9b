/**
 * The goods matcher: tokenises a description, splits it into items and finds which lexicon
 * terms occur in each, with whole-word, diacritic-, case- and tone-placement-insensitive matching.
 *
 * Every step is a single left-to-right pass over the characters or the tokens, so the cost grows
 * linearly with the input. No regular expression here can backtrack: each one is a flat
 * alternation of character classes, or tests a single code point.
 * @module
 * @internal
 */

import { foldDiacritics, toneInsensitiveKey } from '../_fold.js';
import type { GoodsRule } from './goods-lexicon.js';

/** How one word compares: fully folded, with vowel-quality marks kept, and its tone mark. */
export interface WordKey {
  /** No marks at all, lowercase, `đ` → `d`. */
  readonly fold: string;
  /** Tone marks removed, vowel-quality marks and `đ` kept. */
  readonly base: string;
  /** The tone mark (combining character), or `''`. Where it sits in the word does not matter. */
  readonly tone: string;
  /** True when the word carries no diacritic at all (the writer typed it unaccented). */
  readonly plain: boolean;
}

interface Token extends WordKey {
  readonly isNumber: boolean;
  /** Length in UTF-16 units of the token text. */
  readonly length: number;
}

/** One term of one entry, pre-split into word keys. */
interface CompiledTerm {
  readonly entry: number;
  readonly words: readonly WordKey[];
  readonly exact: boolean;
}

/** A lexicon prepared for matching. Build it once with {@link compileLexicon}. */
export interface CompiledLexicon {
  readonly entries: readonly GoodsRule[];
  readonly byFirstWord: ReadonlyMap<string, readonly CompiledTerm[]>;
  readonly notAfter: readonly (ReadonlySet<string> | null)[];
  readonly notBefore: readonly (ReadonlySet<string> | null)[];
}

/** A term found in the input: token span within its item's segment, and which entry it fires. */
export interface GoodsMatch {
  readonly start: number;
  readonly end: number;
  readonly entry: GoodsRule;
  /** Lexicon position, the tie-break between equal matches. */
  readonly order: number;
}

/** The matches of one item (one product) of a description, in reading order. */
export type GoodsItem = readonly GoodsMatch[];

// Tokens (called TOKEN below) are what this regex would find:
//   /[\p{L}\p{M}]+|\p{N}+|[+;,|&/()[\]{}\n\r•·–—]|\s-\s/gu
// words, digit runs, and the punctuation that separates items. A hyphen separates only when it
// stands alone between spaces, so `t-shirt` and `TP-Link` stay whole. `segmentsOf` (input) and
// `wordsOf` (lexicon terms) scan by hand with the same classes (see `classOf`).
const TONE = /[\u0300\u0301\u0303\u0309\u0323]/u;

// Only letters A–Z / a–z: for such a word every key is its lowercase form (nothing to
// decompose, no mark, no `đ` look-alike, no separator), so no Unicode normalisation is needed.
const ASCII_LETTERS = /^[A-Za-z]+$/;

/**
 * The keys of one word (or digit run).
 * @param word - a run of letters and marks, or of digits
 * @returns its fully folded form, its tone-insensitive form, its tone mark and whether it is plain
 */
export function keyOf(word: string): WordKey {
  if (ASCII_LETTERS.test(word)) {
    const lower = word.toLowerCase();
    return { fold: lower, base: lower, tone: '', plain: true };
  }
  // Decompose once. Both fold functions start by decomposing, and NFD is idempotent, so giving
  // them the decomposed word returns exactly what they return for the word itself.
  const nfd = word.normalize('NFD');
  const fold = foldDiacritics(nfd);
  const base = toneInsensitiveKey(nfd);
  const tone = TONE.exec(nfd);
  return { fold, base, tone: tone ? tone[0] : '', plain: base === fold && !tone };
}

/** Words that join two items: `áo thun và quần jean`, `điện thoại kèm ốp`. Compared by base + tone. */
const JOINERS: ReadonlySet<string> = new Set(
  ['và', 'kèm', 'với', 'cùng', 'cộng', 'and', 'with', 'plus'].map((w) => joinKey(keyOf(w))),
);

function joinKey(k: WordKey): string {
  return `${k.base}|${k.tone}`;
}

/** A word token as {@link segmentsOf} keeps it, with whether it joins two items. */
interface WordToken extends Token {
  readonly joiner: boolean;
}

function wordToken(word: string): WordToken {
  const k = keyOf(word);
  // Fields spelled out: on Node 20 an object spread with added fields takes a slow runtime path
  // (about 5 µs, more than folding the word).
  return {
    fold: k.fold,
    base: k.base,
    tone: k.tone,
    plain: k.plain,
    isNumber: false,
    length: word.length,
    joiner: JOINERS.has(joinKey(k)),
  };
}

// Folding a word is the costly step of matching, and goods descriptions draw on a small
// vocabulary, so word tokens are cached across calls, keyed by the raw word. Goods words are not
// personal data, and whole descriptions are never cached. Bounded in entries and word length;
// when full the cache is simply emptied, which keeps every call's cost bounded.
// The length bound is also what keeps descriptions out of memory: V8 makes a slice of 13 or more
// UTF-16 units a view that keeps its whole parent string alive, while a shorter slice is a copy.
// Nearly every goods word (Vietnamese syllables, brands, English nouns) is 12 units or fewer.
const WORD_CACHE_MAX = 4096;
const WORD_CACHE_MAX_LENGTH = 12;
const wordCache = new Map<string, WordToken>();

function cachedWordToken(word: string): WordToken {
  if (word.length > WORD_CACHE_MAX_LENGTH) return wordToken(word);
  let t = wordCache.get(word);
  if (t === undefined) {
    t = wordToken(word);
    if (wordCache.size >= WORD_CACHE_MAX) wordCache.clear();
    wordCache.set(word, t);
  }
  return t;
}

//#region character classes
// The classes of TOKEN, per code point: a letter or mark (word), a number (digit run), an item
// separator, white space (which separates only around a lone hyphen), or anything else.
const C_OTHER = 1;
const C_WORD = 2;
const C_NUMBER = 3;
const C_SEPARATOR = 4;
const C_SPACE = 5;

const IS_WORD = /^[\p{L}\p{M}]$/u;
const IS_NUMBER = /^\p{N}$/u;
const IS_SEPARATOR = /^[+;,|&/()[\]{}\n\r•·–—]$/u;
const IS_SPACE = /^\s$/u;

function classifyCodePoint(cp: number): number {
  const ch = String.fromCodePoint(cp);
  // Same precedence as TOKEN's alternatives: `\n` and `\r` are separators before spaces.
  if (IS_WORD.test(ch)) return C_WORD;
  if (IS_NUMBER.test(ch)) return C_NUMBER;
  if (IS_SEPARATOR.test(ch)) return C_SEPARATOR;
  if (IS_SPACE.test(ch)) return C_SPACE;
  return C_OTHER;
}

// Classes of the Basic Multilingual Plane, filled in as code points are met (0 = not yet); the
// supplementary planes are classified each time (rare in goods text).
const BMP_CLASS = new Uint8Array(0x10000);

function classOf(cp: number): number {
  if (cp > 0xffff) return classifyCodePoint(cp);
  let c = BMP_CLASS[cp]!;
  if (c === 0) BMP_CLASS[cp] = c = classifyCodePoint(cp);
  return c;
}
//#endregion

/**
 * Split text into segments (runs of word/number tokens between separators).
 *
 * One pass over the code points, equivalent to running TOKEN over the text: words and digit runs
 * are maximal runs of their class, and a segment ends wherever TOKEN would match a separator,
 * that is at a separator character or at white space, `-`, white space.
 * @param text - any string
 * @returns the segments, each a list of tokens
 */
function segmentsOf(text: string): Token[][] {
  const segments: Token[][] = [];
  let current: Token[] = [];
  const n = text.length;
  let i = 0;
  while (i < n) {
    const cp = text.codePointAt(i)!;
    const cls = classOf(cp);
    if (cls === C_WORD || cls === C_NUMBER) {
      let j = i + (cp > 0xffff ? 2 : 1);
      while (j < n) {
        const cq = text.codePointAt(j)!;
        if (classOf(cq) !== cls) break;
        j += cq > 0xffff ? 2 : 1;
      }
      const s = text.slice(i, j);
      if (cls === C_WORD) {
        const t = cachedWordToken(s);
        if (t.joiner) {
          if (current.length > 0) segments.push(current);
          current = [];
        } else current.push(t);
      } else {
        current.push({ fold: s, base: s, tone: '', plain: true, isNumber: true, length: s.length });
      }
      i = j;
      continue;
    }
    if (
      cls === C_SEPARATOR ||
      (cls === C_SPACE && text.charCodeAt(i + 1) === 0x2d && i + 2 < n && classOf(text.codePointAt(i + 2)!) === C_SPACE)
    ) {
      if (current.length > 0) segments.push(current);
      current = [];
    }
    i += cp > 0xffff ? 2 : 1;
  }
  if (current.length > 0) segments.push(current);
  return segments;
}

/**
 * The word keys of a lexicon term: its words and digit runs, the same tokens TOKEN finds, read
 * with the per-code-point classes of {@link segmentsOf} (a cold Unicode regex is slow, and the
 * whole lexicon is read at the first classification).
 * @param term - a lexicon term
 * @param keys - keys already computed, by word: terms share most of their words
 * @returns the keys, in order
 */
export function wordsOf(term: string, keys: Map<string, WordKey>): WordKey[] {
  const out: WordKey[] = [];
  const n = term.length;
  let i = 0;
  while (i < n) {
    const cp = term.codePointAt(i)!;
    const cls = classOf(cp);
    let j = i + (cp > 0xffff ? 2 : 1);
    if (cls === C_WORD || cls === C_NUMBER) {
      while (j < n) {
        const cq = term.codePointAt(j)!;
        if (classOf(cq) !== cls) break;
        j += cq > 0xffff ? 2 : 1;
      }
      const w = term.slice(i, j);
      let k = keys.get(w);
      if (k === undefined) keys.set(w, (k = keyOf(w)));
      out.push(k);
    }
    i = j;
  }
  return out;
}

/**
 * Prepare a lexicon for matching: index every term by its first folded word.
 * @param entries - lexicon entries
 * @returns the compiled lexicon
 * @throws Error when a term has no word in it (a lexicon bug, caught by the lexicon test)
 */
export function compileLexicon(entries: readonly GoodsRule[]): CompiledLexicon {
  const byFirstWord = new Map<string, CompiledTerm[]>();
  const keys = new Map<string, WordKey>();
  const add = (entry: number, term: string, exact: boolean): void => {
    const words = wordsOf(term, keys);
    const first = words[0];
    if (first === undefined) throw new Error(`goods lexicon: empty term in entry #${entry}`);
    const list = byFirstWord.get(first.fold);
    const compiled: CompiledTerm = { entry, words, exact };
    if (list) list.push(compiled);
    else byFirstWord.set(first.fold, [compiled]);
  };
  entries.forEach((e, i) => {
    for (const t of e.terms) add(i, t, false);
    for (const t of e.exact ?? []) add(i, t, true);
  });
  const notAfter = entries.map((e) => (e.notAfter ? new Set(e.notAfter) : null));
  const notBefore = entries.map((e) => (e.notBefore ? new Set(e.notBefore) : null));
  return { entries, byFirstWord, notAfter, notBefore };
}

function matchSegment(tokens: readonly Token[], lex: CompiledLexicon): GoodsMatch[] {
  const kept: GoodsMatch[] = [];
  let maxEnd = -1;
  for (let i = 0; i < tokens.length; i++) {
    const first = tokens[i]!;
    const candidates = lex.byFirstWord.get(first.fold);
    if (!candidates) continue;
    // The best match starting here: longest; among matches on the same words the best-agreeing
    // (`score`), then the earliest entry. Only that one can be kept, so there is nothing to sort.
    let bestEnd = -1;
    let bestScore = -1;
    let bestOrder = -1;
    for (const c of candidates) {
      const words = c.words;
      const end = i + words.length;
      if (end > tokens.length) continue;
      let ok = true;
      let score = 0;
      for (let k = 0; k < words.length; k++) {
        const t = tokens[i + k]!;
        const w = words[k]!;
        // A word typed without any diacritic matches every spelling (except `exact` terms). A
        // word typed with diacritics must carry the same ones, wherever the tone mark sits:
        // `sơn` (paint) is not `son` (lipstick), `hoà` is not `hoa`, `kiểm` is not `kiếm`.
        if (t.fold !== w.fold) {
          ok = false;
          break;
        }
        const same = t.base === w.base && t.tone === w.tone;
        if (same) score++;
        else if (!t.plain || c.exact) {
          ok = false;
          break;
        }
      }
      if (!ok) continue;
      const blocked = lex.notAfter[c.entry];
      if (blocked) {
        const p1 = tokens[i - 1];
        const p2 = tokens[i - 2];
        if ((p1 !== undefined && blocked.has(p1.fold)) || (p2 !== undefined && blocked.has(p2.fold))) continue;
      }
      const blockedNext = lex.notBefore[c.entry];
      if (blockedNext) {
        const n1 = tokens[end];
        if (n1 !== undefined && blockedNext.has(n1.fold)) continue;
      }
      if (end > bestEnd || (end === bestEnd && (score > bestScore || (score === bestScore && c.entry < bestOrder)))) {
        bestEnd = end;
        bestScore = score;
        bestOrder = c.entry;
      }
    }
    // Starts are visited in order, so a best match ending within what is already kept is a
    // sub-phrase of a longer term and is dropped: `sữa rửa mặt` is not `sữa`.
    if (bestEnd > maxEnd) {
      kept.push({ start: i, end: bestEnd, entry: lex.entries[bestOrder]!, order: bestOrder });
      maxEnd = bestEnd;
    }
  }
  return kept;
}

/**
 * Where a new item starts inside a segment: a quantity (`2 áo thun 1 tai nghe`) that follows a
 * word and precedes a word of two or more letters. `iPhone 15` ends an item harmlessly.
 */
function itemStarts(tokens: readonly Token[]): number[] {
  const starts = [0];
  for (let k = 1; k < tokens.length - 1; k++) {
    const prev = tokens[k - 1]!;
    const next = tokens[k + 1]!;
    if (!tokens[k]!.isNumber || prev.isNumber || next.isNumber || next.length < 2) continue;
    // `lớp 5`, `size 30`, `màu 06`, `tập 1`: the number belongs to the word before it.
    if (BEFORE_NUMBER.has(prev.fold)) continue;
    // `330ml`, `20000mAh`, `2 tháng tuổi`, `24 lon`: a number before a unit or a counter is a size
    // or an amount of the same item, unless the counter is followed by a goods word (`2 cái áo`).
    if (UNITS.has(next.fold)) continue;
    if (COUNTERS.has(next.fold)) {
      const after = tokens[k + 2];
      if (after === undefined || after.isNumber || UNITS.has(after.fold) || COUNTERS.has(after.fold)) continue;
    }
    starts.push(k);
  }
  return starts;
}

/** Folded words that measure something: a number before one is a size, not a new item. */
const UNITS: ReadonlySet<string> = new Set([
  'ml', 'lit', 'l', 'cl', 'g', 'gr', 'gam', 'gram', 'kg', 'mg', 'mcg', 'cm', 'mm', 'm', 'met', 'inch', 'in', 'mah', 'wh', 'w',
  'v', 'a', 'gb', 'tb', 'mb', 'hz', 'ghz', 'k', 'oz', 'lb', 'do', 'nam', 'thang', 'tuan', 'ngay', 'tuoi', 'lop', 'tap',
  'mau', 'so', 'size', 'phan', 'x', 'p', 'mp', 'dm', 'dm3', 'sao', 'cap', 'vien', 'mieng', 'goi', 'con', 'lien', 'ngan',
  'trieu', 'tr', 'dong', 'usd', 'vnd', 'kw', 'btu', 'c', 'pcs', 'trang', 'to', 'in1', 'hop', 'ong', 'canh', 'nac',
]);
/** Words that take a number after them: `lớp 5 kết nối tri thức` is one book. */
const BEFORE_NUMBER: ReadonlySet<string> = new Set([
  'lop', 'so', 'size', 'tap', 'gen', 'mau', 'model', 'series', 'ban', 'doi', 'version', 'ver', 'phan', 'chuong', 'vol',
  'season', 'mua', 'vi', 'huong', 'loai', 'cap', 'bac', 'level', 'tuoi', 'moi', 'ma', 'code', 'no', 'kieu', 'mau',
]);
/** Counters: `2 cái áo` starts an item at `2`, `hộp 10 cái` does not. */
const COUNTERS: ReadonlySet<string> = new Set([
  'cai', 'chiec', 'doi', 'bo', 'chai', 'lo', 'tuyp', 'cuon', 'quyen', 'thung', 'loc', 'lon', 'hu', 'tui', 'bich', 'set', 'combo',
  'cay', 'qua', 'trai', 'bao', 'vi', 'hop', 'goi', 'cap', 'pin',
]);

/**
 * Find the lexicon matches of a description, grouped by item.
 * @param text - the goods description (already bounded by the caller)
 * @param lex - the compiled lexicon
 * @returns one list of matches per item that has any; a match belongs to the item it starts in
 */
export function matchGoods(text: string, lex: CompiledLexicon): GoodsItem[] {
  const items: GoodsItem[] = [];
  for (const tokens of segmentsOf(text)) {
    const matches = matchSegment(tokens, lex);
    if (matches.length === 0) continue;
    const starts = itemStarts(tokens);
    let s = 0;
    let bucket: GoodsMatch[] = [];
    let gift = false;
    for (const m of matches) {
      // After a free-gift phrase (`tặng 10 cây keo`) the rest of the segment stays in its item.
      while (!gift && s + 1 < starts.length && starts[s + 1]! <= m.start) {
        if (bucket.length > 0) items.push(bucket);
        bucket = [];
        s++;
      }
      bucket.push(m);
      if (m.entry.qualifies === 'rest') gift = true;
    }
    if (bucket.length > 0) items.push(bucket);
  }
  return items;
}
