/**
 * The goods matcher: tokenises a description, splits it into items and finds which lexicon
 * terms occur in each, with whole-word, diacritic-, case- and tone-placement-insensitive matching.
 *
 * Every step is a single left-to-right pass over the tokens (plus a sort of the matches), so the
 * cost grows linearly with the input. No regular expression here can backtrack: each one is a
 * flat alternation of character classes.
 * @module
 * @internal
 */

import { foldDiacritics, toneInsensitiveKey } from '../_fold.js';
import type { GoodsLexiconEntry } from './goods-lexicon.js';

/** How one word compares: fully folded, with vowel-quality marks kept, and its tone mark. */
interface WordKey {
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
  readonly entries: readonly GoodsLexiconEntry[];
  readonly byFirstWord: ReadonlyMap<string, readonly CompiledTerm[]>;
  readonly notAfter: readonly (ReadonlySet<string> | null)[];
}

/** A term found in the input: token span within its item's segment, and which entry it fires. */
export interface GoodsMatch {
  readonly start: number;
  readonly end: number;
  readonly entry: GoodsLexiconEntry;
  /** Lexicon position, the tie-break between equal matches. */
  readonly order: number;
}

/** The matches of one item (one product) of a description, in reading order. */
export type GoodsItem = readonly GoodsMatch[];

// Words, digit runs, and the punctuation that separates items. A hyphen separates only when it
// stands alone between spaces, so `t-shirt` and `TP-Link` stay whole.
const TOKEN = /[\p{L}\p{M}]+|\p{N}+|[+;,|&/()[\]{}\n\r•·–—]|\s-\s/gu;
const WORD = /^[\p{L}\p{M}]/u;
const DIGIT = /^\p{N}/u;
const TONE = /[\u0300\u0301\u0303\u0309\u0323]/u;

/** Words that join two items: `áo thun và quần jean`, `điện thoại kèm ốp`. Compared by base + tone. */
const JOINERS: ReadonlySet<string> = new Set(
  ['và', 'kèm', 'với', 'cùng', 'tặng', 'cộng', 'and', 'with', 'plus'].map((w) => joinKey(keyOf(w))),
);

function joinKey(k: WordKey): string {
  return `${k.base}|${k.tone}`;
}

function keyOf(word: string): WordKey {
  const fold = foldDiacritics(word);
  const base = toneInsensitiveKey(word);
  const tone = TONE.exec(word.normalize('NFD'));
  return { fold, base, tone: tone ? tone[0] : '', plain: base === fold && !tone };
}

/**
 * Split text into segments (runs of word/number tokens between separators).
 * @param text - any string
 * @returns the segments, each a list of tokens
 */
function segmentsOf(text: string): Token[][] {
  const segments: Token[][] = [];
  let current: Token[] = [];
  // Descriptions repeat words; folding is the costly step, so fold each distinct word once.
  const keys = new Map<string, WordKey>();
  const flush = (): void => {
    if (current.length > 0) segments.push(current);
    current = [];
  };
  for (const m of text.matchAll(TOKEN)) {
    const s = m[0];
    if (WORD.test(s)) {
      let k = keys.get(s);
      if (k === undefined) {
        k = keyOf(s);
        keys.set(s, k);
      }
      if (JOINERS.has(joinKey(k))) flush();
      else current.push({ ...k, isNumber: false, length: s.length });
    } else if (DIGIT.test(s)) {
      current.push({ fold: s, base: s, tone: '', plain: true, isNumber: true, length: s.length });
    } else {
      flush();
    }
  }
  flush();
  return segments;
}

function wordsOf(term: string): WordKey[] {
  const out: WordKey[] = [];
  for (const m of term.matchAll(TOKEN)) {
    if (WORD.test(m[0]) || DIGIT.test(m[0])) out.push(keyOf(m[0]));
  }
  return out;
}

/**
 * Prepare a lexicon for matching: index every term by its first folded word.
 * @param entries - lexicon entries
 * @returns the compiled lexicon
 * @throws Error when a term has no word in it (a lexicon bug, caught by the lexicon test)
 */
export function compileLexicon(entries: readonly GoodsLexiconEntry[]): CompiledLexicon {
  const byFirstWord = new Map<string, CompiledTerm[]>();
  const add = (entry: number, term: string, exact: boolean): void => {
    const words = wordsOf(term);
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
  return { entries, byFirstWord, notAfter };
}

function wordMatches(t: Token, w: WordKey, exact: boolean): boolean {
  if (t.fold !== w.fold) return false;
  // A word typed without any diacritic matches every spelling (except `exact` terms). A word
  // typed with diacritics must carry the same ones, wherever the tone mark sits: `sơn` (paint)
  // is not `son` (lipstick), `hoà` is not `hoa`, `kiểm` is not `kiếm`.
  if (t.plain && !exact) return true;
  return t.base === w.base && t.tone === w.tone;
}

interface RawMatch extends GoodsMatch {
  /** Words whose marks agree exactly; ranks two entries that match the same words. */
  readonly score: number;
}

function matchSegment(tokens: readonly Token[], lex: CompiledLexicon): GoodsMatch[] {
  const raw: RawMatch[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const first = tokens[i]!;
    const candidates = lex.byFirstWord.get(first.fold);
    if (!candidates) continue;
    for (const c of candidates) {
      const end = i + c.words.length;
      if (end > tokens.length) continue;
      let ok = true;
      let score = 0;
      for (let k = 0; k < c.words.length && ok; k++) {
        const t = tokens[i + k]!;
        const w = c.words[k]!;
        ok = wordMatches(t, w, c.exact);
        if (ok && t.base === w.base && t.tone === w.tone) score++;
      }
      if (!ok) continue;
      const blocked = lex.notAfter[c.entry];
      if (blocked && [tokens[i - 1], tokens[i - 2]].some((p) => p !== undefined && blocked.has(p.fold))) continue;
      raw.push({ start: i, end, entry: lex.entries[c.entry]!, order: c.entry, score });
    }
  }
  // Longest first at each start; among matches on the same words the best-agreeing, then the
  // earliest entry. A match inside a longer one is dropped: `sữa rửa mặt` is not `sữa`.
  raw.sort(
    (a, b) => a.start - b.start || b.end - a.end || b.score - a.score || a.order - b.order,
  );
  const kept: GoodsMatch[] = [];
  let maxEnd = -1;
  for (const m of raw) {
    // Sorted by start, then longest: anything ending within what is already kept is either the
    // same words (a worse reading) or a sub-phrase of a longer term.
    if (maxEnd >= m.end) continue;
    kept.push({ start: m.start, end: m.end, entry: m.entry, order: m.order });
    maxEnd = m.end;
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
    if (tokens[k]!.isNumber && !prev.isNumber && !next.isNumber && next.length >= 2) starts.push(k);
  }
  return starts;
}

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
    for (const m of matches) {
      while (s + 1 < starts.length && starts[s + 1]! <= m.start) {
        if (bucket.length > 0) items.push(bucket);
        bucket = [];
        s++;
      }
      bucket.push(m);
    }
    if (bucket.length > 0) items.push(bucket);
  }
  return items;
}
