/**
 * Address normalisation: splits raw text into word tokens that keep their offsets in the original
 * string, and builds the matching keys the gazetteer is indexed on.
 *
 * A key survives NFC/NFD, tone-mark placement (`Hòa` = `Hoà`), `Đ` and its look-alikes, ALL CAPS,
 * missing diacritics and stray punctuation. Everything here is a single left-to-right pass over
 * the input, with no regular expression that can backtrack.
 * @module
 * @internal
 */

import { foldDiacritics, foldKey, toneInsensitiveKey } from '../_fold.js';
import { NO_FACTS, wordFacts, type WordFacts } from './_vocab.js';
import { WID_UNKNOWN, wordId, type KeyTries } from './_index.js';

/** A word of the input: letters and digits, with its position in the original string. */
export interface Token {
  /** Folded form: lowercase, no marks, `đ` → `d`. */
  readonly key: string;
  /** `key` as the gazetteer indexes it: an all-digit key without leading zeros (see {@link joinKey}). */
  readonly match: string;
  /** Start offset (inclusive) in the original string. */
  readonly start: number;
  /** End offset (exclusive), extended over trailing combining marks. */
  readonly end: number;
  /** The raw text between the previous token and this one. */
  readonly sep: string;
  /** True when `sep` starts a new segment (comma, semicolon, newline, brackets, ` - `). */
  readonly brk: boolean;
  /** True when this token is noise pasted into the address (phone, email, `cũ`, an English suffix). */
  noise: boolean;
  /** True when the token sits inside parentheses or brackets. */
  paren: boolean;
  /** What the word lists say of `key` (see `wordFacts`). */
  readonly facts: WordFacts;
  /**
   * Its word's number in the key tries the tokens were made for (see `KeyTries`): `WID_NONE` when no
   * key holds the word, `WID_UNKNOWN` when not looked up yet (the walk then looks it up once).
   */
  wid: number;
}

/**
 * The word number of token `t` in `tries`: the one the tokenizer gave it, or, when it gave none
 * (a word it does not cache, a repaired word), looked up now and kept in the token.
 */
export function widOf(tries: KeyTries, t: Token): number {
  const wid = t.wid;
  return wid !== WID_UNKNOWN ? wid : (t.wid = wordId(tries, t.match));
}

//#region character classes
// What the tokenizer needs to know of a code point: a combining mark (joins the word before it),
// a letter or digit (starts or continues a word), or anything else (ends a word).
const C_OTHER = 1;
const C_MARK = 2;
const C_WORD = 3;
/** An uppercase letter: a word part of its own when glued after a lowercase one (`TỉnhBắc`). */
const C_UPPER = 4;

const IS_MARK = /^\p{M}$/u;
const IS_LETTER_OR_DIGIT = /^[\p{L}\p{N}]$/u;
const IS_UPPER = /^\p{Lu}$/u;

function classifyCodePoint(cp: number): number {
  const ch = String.fromCodePoint(cp);
  // Marks first: no code point is both (every \p{M} is outside \p{L} and \p{N}).
  if (IS_MARK.test(ch)) return C_MARK;
  if (IS_UPPER.test(ch)) return C_UPPER;
  if (IS_LETTER_OR_DIGIT.test(ch)) return C_WORD;
  return C_OTHER;
}

// Classes of the Basic Multilingual Plane, filled in as code points are met (0 = not yet); the
// supplementary planes are classified each time (rare in addresses). A lone surrogate is classified
// as itself, which is neither mark nor letter, as the per-character regex test did.
const BMP_CLASS = new Uint8Array(0x10000);

function classOf(cp: number): number {
  if (cp < 128) return cp >= 65 && cp <= 90 ? C_UPPER : (cp >= 48 && cp <= 57) || (cp >= 97 && cp <= 122) ? C_WORD : C_OTHER;
  if (cp > 0xffff) return classifyCodePoint(cp);
  let c = BMP_CLASS[cp]!;
  if (c === 0) BMP_CLASS[cp] = c = classifyCodePoint(cp);
  return c;
}

// The fold of one letter or digit below U+2000 (Latin, Greek, Cyrillic, Vietnamese in Latin
// Extended Additional), filled in as met; above that it is folded each time. A key is the
// concatenation of the folds of its letters and digits, so a per-character table gives exactly
// what folding each character on its own gives.
const FOLD_TABLE_SIZE = 0x2000;
const FOLD: Array<string | undefined> = new Array<string | undefined>(FOLD_TABLE_SIZE).fill(undefined);

function foldChar(cp: number): string {
  if (cp < FOLD_TABLE_SIZE) {
    let f = FOLD[cp];
    if (f === undefined) FOLD[cp] = f = foldDiacritics(String.fromCharCode(cp));
    return f;
  }
  return foldDiacritics(String.fromCodePoint(cp));
}
//#endregion

/**
 * Token keys that may be glued to a number (`P12`, `Q01`, `KP3`, `TDP7`). Only these are split at a
 * letter→digit boundary, so `5B` and `A1` stay whole.
 */
const GLUED_PREFIXES: ReadonlySet<string> = new Set([
  'p', 'f', 'q', 'quan', 'phuong', 'x', 'xa', 'h', 'huyen', 'kp', 'tdp', 'to', 'khom', 'ap', 'thon', 'xom',
  'ngo', 'ngach', 'hem', 'kiet', 'so', 'sn', 'phong', 'tang', 'lau', 'duong', 'd', 'k', 'cc', 'ch', 'lo',
]);

/** True for the code units `String.prototype.trim` removes (ECMAScript white space and line terminators). */
function isTrimmed(c: number): boolean {
  return (
    (c >= 9 && c <= 13) || c === 32 || c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff
  );
}

/**
 * The one code unit a separator holds besides white space (`sep.trim()` of length one), read in
 * place without a trimmed copy.
 *
 * @param sep - a token's separator
 * @returns that code unit, or -1 when the trimmed separator is empty or longer
 */
export function soleMark(sep: string): number {
  let b = sep.length;
  // A separator of one character (`/` and `-` in number chains, a space), the commonest after the
  // shared ` ` and `, `, needs no trimming loop.
  if (b === 1) {
    const c = sep.charCodeAt(0);
    return isTrimmed(c) ? -1 : c;
  }
  let a = 0;
  while (a < b && isTrimmed(sep.charCodeAt(a))) a++;
  while (b > a && isTrimmed(sep.charCodeAt(b - 1))) b--;
  return b - a === 1 ? sep.charCodeAt(a) : -1;
}

/** True when `sep`, trimmed, is one dash (`-`, `–`, `—`). */
function isDashOnly(sep: string): boolean {
  const c = soleMark(sep);
  return c === 45 || c === 0x2013 || c === 0x2014;
}

/**
 * True when a name cannot run back across the start of token `t`: it starts a new segment, and not
 * only after a spaced dash, which may also sit inside a unit name (Văn Miếu - Quốc Tử Giám). Worked out
 * where it is asked (a few tokens of an address start a segment) rather than kept in every token.
 *
 * @param t - a token
 * @returns true at a comma, semicolon, line break, bracket or bar
 */
export function endsNames(t: Token): boolean {
  // The commonest break, `, ` (one shared string, see `separator`), is no dash: only another one is read.
  return t.brk && (t.sep === ', ' || !isDashOnly(t.sep));
}

/**
 * True when the separator code point `cp` at `text[i]` (the separator started at `from`) starts a new
 * segment: a comma, semicolon, line break, bracket or bar, or a dash with a space on both sides
 * inside the separator ("Hà Nội - Việt Nam"; "Phan Rang-Tháp Chàm" is one name). A space is never a
 * word character, so a space after the dash belongs to the same separator.
 */
function breaksAt(text: string, from: number, i: number, cp: number): boolean {
  if (cp === 44 || cp === 59 || cp === 10 || cp === 13 || cp === 40 || cp === 41 || cp === 124 || cp === 91 || cp === 93) return true;
  if (cp === 45 || cp === 0x2013 || cp === 0x2014) return i > from && text.charCodeAt(i - 1) === 32 && text.charCodeAt(i + 1) === 32;
  return false;
}

/**
 * What a word turns into, which depends only on its text: its key, and where a glued unit word
 * (`p12`, `kp3`) splits off its number.
 */
interface WordKey {
  readonly key: string;
  /** `key` as the gazetteer indexes it (see {@link joinKey}). */
  readonly match: string;
  /** Length of the unit word of a glued token in the key, or -1 when the word stays whole. */
  readonly cut: number;
  /** The parts of a glued token, or empty strings. */
  readonly head: string;
  readonly tail: string;
  readonly tailMatch: string;
  /** An ASCII run of glued unit words and numbers (`p7q3`, `f9q11`): its parts, else `null`. */
  readonly parts: readonly string[] | null;
  /** Facts of `key`, or of `head` for a glued token (its number tail has none). */
  readonly facts: WordFacts;
  /** The word number of `match` in the tries `widOf`, for a whole word kept in the cache (see `cacheWord`). */
  wid: number;
  /** The tries `wid` was looked up in, or `null` when it was not. */
  widOf: KeyTries | null;
  /** The word is kept in the word cache (see `cacheWord`): only then is `wid` looked up and kept. */
  kept: boolean;
  /** Digits in the all-digit tokens the word gives (for the phone test, which needs nine). */
  readonly digits: number;
  /** The word gives a token that may be noise after a name: `cu` or an English unit word. */
  readonly marked: boolean;
}

/**
 * The parts of a compact code such as `p7q3` or `f12q10`: unit words from {@link GLUED_PREFIXES},
 * each followed by a number, at least two pairs. Anything else gives `null`.
 */
function compactParts(key: string): string[] | null {
  const parts: string[] = [];
  let i = 0;
  while (i < key.length) {
    let j = i;
    while (j < key.length && !(key.charCodeAt(j) >= 48 && key.charCodeAt(j) <= 57)) j++;
    let k = j;
    while (k < key.length && key.charCodeAt(k) >= 48 && key.charCodeAt(k) <= 57) k++;
    if (j === i || k === j || !GLUED_PREFIXES.has(key.slice(i, j))) return null;
    parts.push(key.slice(i, j), key.slice(j, k));
    i = k;
  }
  return parts.length >= 4 ? parts : null;
}

function wordKeyOf(key: string, ascii = false): WordKey {
  // A compact code starts with a letter and ends with a digit (`p7q3`).
  if (ascii && key.length >= 4 && key.charCodeAt(key.length - 1) <= 57 && key.charCodeAt(0) > 57) {
    const parts = compactParts(key);
    if (parts !== null) {
      let digits = 0;
      let marked = false;
      for (const part of parts) {
        if (isAllDigits(part)) digits += part.length;
        else if (part === 'cu' || wordFacts(part).enSuffix) marked = true;
      }
      return { key, match: key, cut: -1, head: '', tail: '', tailMatch: '', parts, facts: NO_FACTS, wid: WID_UNKNOWN, widOf: null, kept: false, digits, marked };
    }
  }
  // Split "p12" / "q01" / "kp3" into unit word + number.
  let cut = -1;
  for (let k = 1; k < key.length; k++) {
    const a = key.charCodeAt(k - 1);
    const b = key.charCodeAt(k);
    if (!(a >= 48 && a <= 57) && b >= 48 && b <= 57) {
      cut = k;
      break;
    }
  }
  if (cut > 0 && GLUED_PREFIXES.has(key.slice(0, cut)) && isAllDigits(key.slice(cut))) {
    const tail = key.slice(cut);
    // The unit word ends in a letter, so it is never an all-digit key.
    const head = key.slice(0, cut);
    const facts = wordFacts(head);
    return { key, match: key, cut, head, tail, tailMatch: stripZeros(tail), parts: null, facts, wid: WID_UNKNOWN, widOf: null, kept: false, digits: tail.length, marked: head === 'cu' || facts.enSuffix };
  }
  const facts = wordFacts(key);
  return { key, match: stripZeros(key), cut: -1, head: '', tail: '', tailMatch: '', parts: null, facts, wid: WID_UNKNOWN, widOf: null, kept: false, digits: isAllDigits(key) ? key.length : 0, marked: key === 'cu' || facts.enSuffix };
}

// Keying a word is the costly step of tokenizing, and address words are administrative and street
// vocabulary, so their keys are cached across calls, keyed by the raw word. Only single words are
// cached, never an address or a run of words, and never a word with an ASCII digit in it (house
// numbers, phone numbers) or a character outside the Basic Multilingual Plane. Bounded in entries (a
// fixed table) and word length, so every call's cost is bounded. The length bound also keeps input
// text out of memory: the key of a lowercase ASCII word is a slice of the text, and V8 makes a slice
// of 13 or more UTF-16 units a view that keeps its whole parent string alive, while a shorter slice
// is a copy.
//
// The cache is two-way set-associative: a set is a pair of slots, chosen by the top bits of the hash
// of the word's UTF-16 units times a large odd constant, where the hash is computed by the tokenizer
// as it reads the units. Until 2026-12-01 the set was the hash's low bits: a polynomial hash of a
// short word varies little there, so common words shared sets (`Hà` and `Giang`; `Nghệ`, `Hội` and
// `CHÂU`), and a set holding three words in turn missed on every one of them: 535 misses per pass
// over the 1,600 addresses of the development set, each a word keyed again. Mixing the hash first
// and twice the sets left 54 (a few sets still hold three words of that set; a courier's own
// vocabulary is larger, and each slot costs 48 bytes).
//
// A slot keeps the word as its length and its units packed three to a number (16 bits per unit, so
// 48 bits, exact in a double; four numbers hold the longest cached word), which the tokenizer also
// packs as it reads the word. A hit is checked by comparing the length and the four numbers: exactly
// the word, unit for unit, without reading the text again (each `charCodeAt` dispatches on the
// string's representation, and the check unit by unit was the costliest step of tokenizing),
// slicing or hashing a string. A new word goes into the set's first slot and the word there moves to
// the second, so two words of one set both stay (a direct-mapped table would evict one for the other
// each time, and such pairs are common in a few thousand slots).
/** log2 of the number of sets (pairs of slots). */
const WORD_CACHE_SET_BITS = 12;
const WORD_CACHE_SIZE = 2 << WORD_CACHE_SET_BITS;
const WORD_CACHE_MAX_LENGTH = 12;

// The slots hold the words' keys; what a hit is checked by sits apart, in one typed array of five
// numbers per slot (`CACHE_CHECK`): the word's length (0 for an empty slot; no word is empty) and its
// four packs. A check reads one run of adjacent numbers and then, on a hit, the key. Until 2026-12-01
// the key objects carried the length and packs themselves: a double held in an object field is a
// number object of its own in V8, so a check read five objects, which on a stream of distinct
// addresses were cache misses more often than not.
const cachedWords: Array<WordKey | undefined> = new Array<WordKey | undefined>(WORD_CACHE_SIZE).fill(undefined);
const CACHE_CHECK = 5;
const cacheChecks = new Float64Array(WORD_CACHE_SIZE * CACHE_CHECK);

// Small numbers (`Phường 12`, `Quận 1`, most house numbers) are common and, unlike words, never
// cached, so each number below 1000 gets one key string and one word-number lookup, shared by every
// token of that value, so that such a token needs no slice of the text. A slot holds the number's
// decimal digits and word number only (the same for every input) and is bounded by the value limit.
const NUMBER_MEMO_LIMIT = 1000;

/** A number below {@link NUMBER_MEMO_LIMIT}: its key (digits, no leading zero) and its word number. */
interface SmallNumber {
  readonly match: string;
  /** The word number of `match` in the tries `widOf` (see `WordKey.wid`). */
  wid: number;
  widOf: KeyTries | null;
}

const smallNumbers: Array<SmallNumber | undefined> = new Array<SmallNumber | undefined>(NUMBER_MEMO_LIMIT).fill(undefined);

function smallNumber(v: number): SmallNumber {
  let n = smallNumbers[v];
  if (n === undefined) {
    smallNumbers[v] = n = { match: String(v), wid: WID_UNKNOWN, widOf: null };
  }
  return n;
}

/**
 * The word number of a cached word or small number in `tries`, looked up on its first use with
 * those tries and kept. The tokenizer tests `widOf` itself and calls this only when it differs.
 *
 * @param w - a cached word or small number
 * @param tries - the tries the tokens are made for
 * @returns its word number there
 */
function cachedWid(w: WordKey | SmallNumber, tries: KeyTries): number {
  w.wid = wordId(tries, w.match);
  w.widOf = tries;
  return w.wid;
}

/**
 * The word number of a number token.
 *
 * @param match - the token's `match`: digits without leading zeros
 * @param tries - the tries the tokens are made for, or `null`
 * @returns the word number of its value there; `WID_UNKNOWN` from 1000 on or without tries
 */
function numberWid(match: string, tries: KeyTries | null): number {
  if (match.length > 3 || tries === null) return WID_UNKNOWN;
  let v = 0;
  for (let i = 0; i < match.length; i++) v = v * 10 + match.charCodeAt(i) - 48;
  const n = smallNumber(v);
  return n.widOf === tries ? n.wid : cachedWid(n, tries);
}

/**
 * Keys the word `text[from, to)`, which the cache did not hold, and keeps it in set `slot` (see
 * `cachedWords`). The tokenizer checks the cache itself: a call with the packed units as arguments
 * would box the four numbers on every word, which costs more than the check.
 *
 * @param slot - first slot of the word's set
 * @param p0 - units 1–3 of the word packed; `p1`, `p2`, `p3` hold units 4–12
 * @param ascii - the word is ASCII letters only
 * @param upper - the word holds an uppercase letter
 * @returns the word's key
 */
function cacheWord(text: string, from: number, to: number, slot: number, p0: number, p1: number, p2: number, p3: number, ascii: boolean, upper: boolean): WordKey {
  const key = ascii ? asciiWordKey(text, from, to, upper) : foldedWordKey(text, from, to);
  // A whole word kept in the cache also keeps its word number (looked up when first used).
  if (key.cut < 0 && key.parts === null) key.kept = true;
  cachedWords[slot + 1] = cachedWords[slot];
  cachedWords[slot] = key;
  const c = slot * CACHE_CHECK;
  // The set's first slot moves to its second (the next CACHE_CHECK numbers).
  for (let k = 0; k < CACHE_CHECK; k++) cacheChecks[c + CACHE_CHECK + k] = cacheChecks[c + k]!;
  cacheChecks[c] = to - from;
  cacheChecks[c + 1] = p0;
  cacheChecks[c + 2] = p1;
  cacheChecks[c + 3] = p2;
  cacheChecks[c + 4] = p3;
  return key;
}

function asciiWordKey(text: string, from: number, to: number, upper: boolean): WordKey {
  if (!upper) return wordKeyOf(text.slice(from, to), true);
  // An address is mostly a two-byte string (Vietnamese letters), and so is a slice of it, which
  // `toLowerCase` hands to ICU, the costliest step of keying a word such as `5B` or `CT2` (words with
  // digits are keyed every time, never cached). The word is ASCII letters and digits only, so its
  // lowercase is each capital with bit 5 set; a short one is built so, a long one left to the builtin.
  if (to - from > WORD_CACHE_MAX_LENGTH) return wordKeyOf(text.slice(from, to).toLowerCase(), true);
  let key = '';
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    key += String.fromCharCode(c >= 65 && c <= 90 ? c | 32 : c);
  }
  return wordKeyOf(key, true);
}

/** The key of the word `text[from, to)`, which holds a non-ASCII letter, digit or mark. */
function foldedWordKey(text: string, from: number, to: number): WordKey {
  let key = '';
  let i = from;
  while (i < to) {
    const cp = text.codePointAt(i)!;
    // Inside a word every code point is a letter, a digit or a mark; marks add nothing to the key.
    if (cp < 128) key += String.fromCharCode(cp < 65 || cp > 90 ? cp : cp | 32);
    else if (classOf(cp) >= C_WORD) key += foldChar(cp);
    i += cp > 0xffff ? 2 : 1;
  }
  return wordKeyOf(key);
}

// Separators told apart as the tokenizer reads them (see `plain` in {@link tokenize}).
const SEP_NONE = 0;
const SEP_SPACE = 1;
const SEP_COMMA = 2;
const SEP_COMMA_SPACE = 3;
const SEP_OTHER = 4;

/**
 * Split `text` into word tokens. One pass over the code points.
 *
 * @param text - the raw address
 * @param steps - optional counter, incremented once per code point (used by the growth test)
 * @param tries - the key tries the tokens' word numbers are for (see `Token.wid`); without them
 *   every word number is `WID_UNKNOWN`
 * @returns tokens in input order
 */
export function tokenize(text: string, steps?: { n: number }, tries: KeyTries | null = null): Token[] {
  const out: Token[] = [];
  const n = text.length;
  // Code points read, for `steps`: the loop reads every code unit once, so this is the length less
  // one per surrogate pair, counted where a pair is read (rare) rather than once per code point.
  let pairs = 0;
  let sepStart = 0;
  // The separator read so far starts a new segment (see {@link breaksAt}).
  let brk = false;
  // A bracket or an '@' was seen: they are never word characters, so only separators hold them, and
  // the passes that look for them run only when one was seen.
  let brackets = false;
  let at = false;
  // Digits in all-digit tokens, and whether a token may be noise after a name (see WordKey): the
  // noise passes that need them run only when they can find something.
  let digits = 0;
  let marked = false;
  // Some word follows one stray punctuation character (only then can a word be spelled out).
  let stray = false;
  // What the separator read so far is, when it is one of the two that addresses repeat, told apart as
  // it is read so that neither `separator` nor the stray test reads it again: SEP_NONE (empty),
  // SEP_SPACE (` `), SEP_COMMA (`,`), SEP_COMMA_SPACE (`, `), else SEP_OTHER.
  let plain = SEP_NONE;
  let i = 0;
  while (i < n) {
    let cp = text.charCodeAt(i);
    // The two commonest separators need no other test: a space is no bracket, '@', dash or break,
    // and a comma is a break and nothing else.
    if (cp === 32 || cp === 44) {
      if (cp === 32) plain = plain === SEP_NONE ? SEP_SPACE : plain === SEP_COMMA ? SEP_COMMA_SPACE : SEP_OTHER;
      else {
        brk = true;
        plain = plain === SEP_NONE ? SEP_COMMA : SEP_OTHER;
      }
      i++;
      continue;
    }
    if (cp >= 0xd800 && cp <= 0xdbff) cp = text.codePointAt(i)!;
    // A combining mark outside a word (and anything not a letter or digit) is part of the separator.
    if (classOf(cp) < C_WORD) {
      if (cp === 40 || cp === 91) brackets = true;
      else if (cp === 0x40) at = true;
      if (!brk && breaksAt(text, sepStart, i, cp)) brk = true;
      plain = SEP_OTHER;
      if (cp > 0xffff) {
        pairs++;
        i += 2;
      } else i++;
      continue;
    }
    // A word: a letter or digit, then letters, digits and marks up to the next other code point.
    const start = i;
    let ascii = true;
    let upper = false;
    let digit = false;
    // A lowercase letter was the last letter: an uppercase one after it starts a new word (`ĐàNẵng`).
    let lower = false;
    // Only ASCII digits so far.
    let number = true;
    let hash = 0;
    // The word's units packed for the cache check, three to a number (see `cachedWords`). Only words
    // the cache takes need them: letters are packed, ASCII digits are not (a word with one is never
    // cached), nor is a character outside the Basic Multilingual Plane (a word with one is not cached,
    // rare in addresses); units past the twelfth pile into `p3` unused.
    let p0 = 0;
    let p1 = 0;
    let p2 = 0;
    let p3 = 0;
    let wide = false;
    let j = i;
    // The hash covers the word's own code units only (not the one that ends it), so a word has one
    // cache slot wherever it stands.
    while (j < n) {
      let c = text.charCodeAt(j);
      if (c < 128) {
        // Lowercase letters first: they are the commonest.
        if (c >= 97 && c <= 122) {
          lower = true;
          number = false;
        } else if (c >= 48 && c <= 57) {
          digit = true;
          lower = false;
          hash = (Math.imul(hash, 31) + c) | 0;
              j++;
          continue;
        } else if (c >= 65 && c <= 90) {
          if (lower) break;
          upper = true;
          number = false;
        } else break;
        const u = j - start;
        if (u < 3) p0 = p0 * 65536 + c;
        else if (u < 6) p1 = p1 * 65536 + c;
        else if (u < 9) p2 = p2 * 65536 + c;
        else p3 = p3 * 65536 + c;
        hash = (Math.imul(hash, 31) + c) | 0;
          j++;
        continue;
      }
      if (c >= 0xd800 && c <= 0xdbff) c = text.codePointAt(j)!;
      const k = classOf(c);
      if (k === C_OTHER) break;
      if (k === C_UPPER) {
        if (lower) break;
        lower = false;
      } else if (k === C_WORD) lower = true;
      hash = (Math.imul(hash, 31) + c) | 0;
      ascii = false;
      number = false;
      if (c > 0xffff) {
        wide = true;
        pairs++;
        j += 2;
        continue;
      }
      const u = j - start;
      if (u < 3) p0 = p0 * 65536 + c;
      else if (u < 6) p1 = p1 * 65536 + c;
      else if (u < 9) p2 = p2 * 65536 + c;
      else p3 = p3 * 65536 + c;
      j++;
    }
    const sep = plain === SEP_SPACE ? ' ' : plain === SEP_COMMA_SPACE ? ', ' : separator(text, sepStart, start);
    // A lone space is no stray character.
    if (plain !== SEP_SPACE && start - sepStart === 1 && isStray(sep)) stray = true;
    if (number) {
      // A number (house, alley, phone): its own key, no unit word to split off, in no word list. One
      // of one to three digits without a leading zero (`0` itself included) is its own match and
      // takes the shared key of its value.
      const len = j - start;
      const c0 = text.charCodeAt(start) - 48;
      if (len === 1 || (len <= 3 && c0 !== 0)) {
        let v = c0;
        for (let k = start + 1; k < j; k++) v = v * 10 + text.charCodeAt(k) - 48;
        const num = smallNumber(v);
        const wid = tries === null ? WID_UNKNOWN : num.widOf === tries ? num.wid : cachedWid(num, tries);
        out.push({ key: num.match, match: num.match, start, end: j, sep, brk, noise: false, paren: false, facts: NO_FACTS, wid });
      } else {
        const key = text.slice(start, j);
        const match = stripZeros(key);
        out.push({ key, match, start, end: j, sep, brk, noise: false, paren: false, facts: NO_FACTS, wid: numberWid(match, tries) });
      }
      digits += j - start;
    } else {
      // The word's key, from the cache when it holds the word (checked here, see `cacheWord`). Only
      // words without ASCII digits are cached (not house or phone numbers), and only short ones.
      const len = j - start;
      let w: WordKey;
      if (digit || wide || len > WORD_CACHE_MAX_LENGTH) w = ascii ? asciiWordKey(text, start, j, upper) : foldedWordKey(text, start, j);
      else {
        const slot = (Math.imul(hash, 0x9e3779b1) >>> (32 - WORD_CACHE_SET_BITS)) << 1;
        const c = slot * CACHE_CHECK;
        const cc = cacheChecks;
        if (cc[c] === len && cc[c + 1] === p0 && cc[c + 2] === p1 && cc[c + 3] === p2 && cc[c + 4] === p3) w = cachedWords[slot]!;
        else if (cc[c + 5] === len && cc[c + 6] === p0 && cc[c + 7] === p1 && cc[c + 8] === p2 && cc[c + 9] === p3) w = cachedWords[slot + 1]!;
        else w = cacheWord(text, start, j, slot, p0, p1, p2, p3, ascii, upper);
      }
      digits += w.digits;
      if (w.marked) marked = true;
      // A whole word (most words) is pushed here; a glued one is split by `pushGlued`.
      if (w.cut < 0 && w.parts === null) {
        // A cached word knows its number once looked up with these tries; any other word is looked
        // up by the walk that first needs it.
        const wid = tries === null || !w.kept ? WID_UNKNOWN : w.widOf === tries ? w.wid : cachedWid(w, tries);
        out.push({ key: w.key, match: w.match, start, end: j, sep, brk, noise: false, paren: false, facts: w.facts, wid });
      } else pushGlued(out, sep, brk, w, start, j, tries);
    }
    sepStart = j;
    brk = false;
    plain = SEP_NONE;
    i = j;
  }
  if (steps) steps.n += n - pairs;
  const merged = stray ? mergeSpelledOut(out) : out;
  if (brackets) markParens(merged);
  // A merged token (`w,a,r,d`) may be an English unit word too.
  markNoise(merged, text, marked || merged !== out, at, digits >= 9);
  return merged;
}

/**
 * The separator `text[from, to)`. The ones addresses repeat, ` ` and `, `, are shared strings
 * rather than a slice per token.
 */
function separator(text: string, from: number, to: number): string {
  const n = to - from;
  if (n === 1 && text.charCodeAt(from) === 32) return ' ';
  if (n === 2 && text.charCodeAt(from) === 44 && text.charCodeAt(from + 1) === 32) return ', ';
  return text.slice(from, to);
}

/** Push the tokens of a glued word: a compact code (`p7q3`) or a unit word and its number (`p12`). */
function pushGlued(out: Token[], sep: string, brk: boolean, w: WordKey, start: number, end: number, tries: KeyTries | null): void {
  if (w.parts !== null) {
    // ASCII only: key offsets are text offsets.
    let at = start;
    for (let k = 0; k < w.parts.length; k++) {
      const part = w.parts[k]!;
      const first = k === 0;
      out.push({ key: part, match: stripZeros(part), start: at, end: at + part.length, sep: first ? sep : '', brk: first && brk, noise: false, paren: false, facts: wordFacts(part), wid: WID_UNKNOWN });
      at += part.length;
    }
    return;
  }
  // Digits are ASCII and always the tail of a glued token, so count them back from the end.
  const origCut = end - w.tail.length;
  out.push({ key: w.head, match: w.head, start, end: origCut, sep, brk, noise: false, paren: false, facts: w.facts, wid: WID_UNKNOWN });
  out.push({ key: w.tail, match: w.tailMatch, start: origCut, end, sep: '', brk: false, noise: false, paren: false, facts: NO_FACTS, wid: numberWid(w.tailMatch, tries) });
}

/** True when `sep` is one punctuation character that OCR or typing put inside a word (`B,ì,n,h`). */
function isStray(sep: string): boolean {
  return sep.length === 1 && (sep === ',' || sep === '.' || sep === "'" || sep === '`' || sep === '-' || sep === '_' || sep === '*');
}

/**
 * Joins runs of three or more single letters separated only by one stray punctuation character each
 * (`B,ì,n,h Đ,ị,n,h` → `Bình Định`) into one token. Linear: each token is looked at once.
 */
function mergeSpelledOut(tokens: Token[]): Token[] {
  let any = false;
  for (let i = 1; i < tokens.length && !any; i++) if (isStray(tokens[i]!.sep) && tokens[i]!.key.length === 1) any = true;
  if (!any) return tokens;
  const out: Token[] = [];
  let i = 0;
  while (i < tokens.length) {
    const t = tokens[i]!;
    let j = i;
    if (t.key.length === 1 && !startsWithDigit(t.key)) {
      while (j + 1 < tokens.length && tokens[j + 1]!.key.length === 1 && !startsWithDigit(tokens[j + 1]!.key) && isStray(tokens[j + 1]!.sep)) j++;
    }
    if (j - i >= 2) {
      let key = '';
      for (let k = i; k <= j; k++) key += tokens[k]!.key;
      out.push({ key, match: key, start: t.start, end: tokens[j]!.end, sep: t.sep, brk: t.brk, noise: false, paren: false, facts: wordFacts(key), wid: WID_UNKNOWN });
    } else for (let k = i; k <= j; k++) out.push(tokens[k]!);
    i = j + 1;
  }
  return out;
}

/** Marks tokens inside parentheses or brackets (nesting counted, unbalanced closers ignored). */
function markParens(tokens: Token[]): void {
  let depth = 0;
  for (const t of tokens) {
    const sep = t.sep;
    for (let i = 0; i < sep.length; i++) {
      const c = sep.charCodeAt(i);
      if (c === 40 || c === 91) depth++;
      else if ((c === 41 || c === 93) && depth > 0) depth--;
    }
    t.paren = depth > 0;
  }
}

/** True for `cũ` / `CŨ` in any normal form. */
function isCuWithTilde(w: string): boolean {
  // The forms a word folded to `cu` takes, read by code unit: `c`/`C`, then `ũ`/`Ũ` precomposed or
  // `u`/`U` and a combining tilde (U+0303). Anything else is normalised (rare), which is costly.
  const c = w.charCodeAt(0);
  if (c !== 0x63 && c !== 0x43) return false;
  if (w.length === 2) {
    const u = w.charCodeAt(1);
    return u === 0x169 || (c === 0x43 && u === 0x168);
  }
  if (w.length === 3 && w.charCodeAt(2) === 0x303) {
    const u = w.charCodeAt(1);
    return u === 0x75 || (c === 0x43 && u === 0x55);
  }
  if (w.length <= 3) return false;
  const n = w.normalize('NFC');
  return n === 'cũ' || n === 'Cũ' || n === 'CŨ';
}


/** True when `s` is non-empty and only ASCII digits. */
export function isAllDigits(s: string): boolean {
  if (s.length === 0) return false;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  return true;
}

/** True when the token starts with an ASCII digit (`12`, `5b`). */
export function startsWithDigit(key: string): boolean {
  const c = key.charCodeAt(0);
  return c >= 48 && c <= 57;
}

/**
 * Flags phone numbers and e-mail addresses pasted into the address, so they are never taken for
 * a house number, a street or a unit. Each pass runs only when it can find something: `marked`, some
 * token is `cu` or an English unit word; `hasAt`, the text holds an '@'; `nineDigits`, the all-digit
 * tokens hold nine digits or more in all.
 */
function markNoise(tokens: Token[], text: string, marked: boolean, hasAt: boolean, nineDigits: boolean): void {
  for (let i = 1; marked && i < tokens.length; i++) {
    const t = tokens[i]!;
    if (t.brk) continue;
    const next = tokens[i + 1];
    if (t.key === 'cu') {
      // `cũ` (former) after a name, before the end of its segment: `TP Thủ Đức cũ`, `(Vĩnh Phúc cũ)`.
      // Only with its tilde: `Cư`, `Cù`, `Củ` also fold to `cu` and end many names (`An Cư`).
      const ends = next === undefined || next.brk || next.paren !== t.paren;
      if (ends && !tokens[i - 1]!.noise && isCuWithTilde(text.slice(t.start, t.end))) t.noise = true;
    } else if (t.facts.enSuffix && (next === undefined || !startsWithDigit(next.key))) {
      // An English unit word after a name (not `District 5`): `Tan Binh District`, `Hanoi City`.
      t.noise = true;
    }
  }
  // e-mail: only where the text has an '@' at all.
  for (let i = 0; hasAt && i < tokens.length; i++) {
    const t = tokens[i]!;
    // e-mail: the token touches an '@' (0x40) on either side. Char codes: no one-character strings.
    const before = t.start > 0 ? text.charCodeAt(t.start - 1) : 0;
    const after = t.end < text.length ? text.charCodeAt(t.end) : 0;
    if (before === 0x40 || after === 0x40 || (t.sep.length > 0 && t.sep.charCodeAt(t.sep.length - 1) === 0x40)) {
      t.noise = true;
      // The domain continues over dots.
      let j = i + 1;
      while (j < tokens.length && (tokens[j]!.sep === '.' || tokens[j]!.sep === '-') && j - i < 8) {
        tokens[j]!.noise = true;
        j++;
      }
      let k = i - 1;
      while (k >= 0 && (tokens[k + 1]!.sep === '.' || tokens[k + 1]!.sep === '_' || tokens[k + 1]!.sep === '-') && i - k < 8) {
        tokens[k]!.noise = true;
        k--;
      }
    }
  }
  // Phone: a run of digit tokens joined by space, dot or dash, 9 to 12 digits in all, starting 0 or 84.
  if (!nineDigits) return;
  let i = 0;
  while (i < tokens.length) {
    const t = tokens[i]!;
    if (!isAllDigits(t.key)) {
      i++;
      continue;
    }
    let j = i;
    let digits = t.key.length;
    while (j + 1 < tokens.length && isAllDigits(tokens[j + 1]!.key) && isPhoneJoiner(tokens[j + 1]!.sep) && digits < 13) {
      j++;
      digits += tokens[j]!.key.length;
    }
    const lead = t.key;
    const plus = t.sep.endsWith('+');
    if (digits >= 9 && digits <= 12 && (lead.startsWith('0') || lead.startsWith('84') || plus)) {
      for (let k = i; k <= j; k++) tokens[k]!.noise = true;
    }
    i = j + 1;
  }
}

function isPhoneJoiner(sep: string): boolean {
  return sep === ' ' || sep === '.' || sep === '-' || sep === '' || sep === ' - ' || sep === ') ' || sep === ')';
}

/**
 * The matching key of a unit name or a token run: folded words, digits without leading zeros.
 *
 * @param words - folded words
 * @returns the words joined by one space
 */
export function joinKey(words: readonly string[]): string {
  let s = '';
  for (let i = 0; i < words.length; i++) {
    if (i > 0) s += ' ';
    s += stripZeros(words[i]!);
  }
  return s;
}

function stripZeros(w: string): string {
  if (w.length > 1 && w.charCodeAt(0) === 48 && isAllDigits(w)) {
    let k = 0;
    while (k < w.length - 1 && w.charCodeAt(k) === 48) k++;
    return w.slice(k);
  }
  return w;
}

/**
 * Keys under which a unit name is indexed: the folded name, and a variant with apostrophes
 * dropped (`Ea H'Leo` → `ea h leo`, `ea hleo`).
 *
 * @param name - official or English name
 * @returns one or two keys
 */
export function nameKeys(name: string): string[] {
  const words = foldWords(name);
  const keys = [joinKey(words)];
  if (name.includes("'") || name.includes('’')) {
    const glued = joinKey(foldWords(name.replace(/['’]\s*/g, '')));
    if (glued !== keys[0]) keys.push(glued);
  }
  return keys;
}

/** Fold and split into words of letters/digits. */
export function foldWords(s: string): string[] {
  const k = foldKey(s);
  return k.length === 0 ? [] : k.split(' ');
}

/**
 * A key that keeps vowel-quality marks but ignores tone placement, for telling `Ba Tơ` from `Ba Tô`.
 *
 * @param s - a name or an input slice
 * @returns the tone-insensitive key with digits unpadded
 */
export function toneKey(s: string): string {
  return joinKey(toneInsensitiveKey(s).split(' ').filter((w) => w.length > 0));
}

/**
 * The offset in `text` after the first `n` letters or digits of the word `text[start, end)`, with the
 * marks that follow them: where a word whose key is `n` characters long ends inside a longer one.
 *
 * @param text - the input
 * @param start - start of the word
 * @param end - end of the word
 * @param n - letters and digits to keep
 * @returns the cut offset (at most `end`)
 */
export function cutAfterLetters(text: string, start: number, end: number, n: number): number {
  let i = start;
  let seen = 0;
  while (i < end) {
    const cp = text.codePointAt(i)!;
    const c = classOf(cp);
    if (c >= C_WORD) {
      if (seen === n) return i;
      seen++;
    }
    i += cp > 0xffff ? 2 : 1;
  }
  return end;
}
