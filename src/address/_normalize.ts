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

/** A word of the input: letters and digits, with its position in the original string. */
export interface Token {
  /** Folded form: lowercase, no marks, `đ` → `d`. */
  readonly key: string;
  /** Start offset (inclusive) in the original string. */
  readonly start: number;
  /** End offset (exclusive), extended over trailing combining marks. */
  readonly end: number;
  /** The raw text between the previous token and this one. */
  readonly sep: string;
  /** True when `sep` starts a new segment (comma, semicolon, newline, brackets, ` - `). */
  readonly brk: boolean;
  /** True when the break is only a spaced dash, which may also sit inside a unit name. */
  readonly dash: boolean;
  /** True when this token is noise pasted into the address (phone, email). */
  noise: boolean;
}

const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;
const MARK = /\p{M}/u;

/**
 * Token keys that may be glued to a number (`P12`, `Q01`, `KP3`, `TDP7`). Only these are split at a
 * letter→digit boundary, so `5B` and `A1` stay whole.
 */
const GLUED_PREFIXES: ReadonlySet<string> = new Set([
  'p', 'f', 'q', 'quan', 'phuong', 'x', 'xa', 'h', 'huyen', 'kp', 'tdp', 'to', 'khom', 'ap', 'thon', 'xom',
  'ngo', 'ngach', 'hem', 'kiet', 'so', 'sn', 'phong', 'tang', 'lau', 'duong', 'd', 'k', 'cc', 'ch', 'lo',
]);

function isDashOnly(sep: string): boolean {
  const t = sep.trim();
  return t === '-' || t === '–' || t === '—';
}

function isBreak(sep: string): boolean {
  for (let i = 0; i < sep.length; i++) {
    const c = sep[i]!;
    if (c === ',' || c === ';' || c === '\n' || c === '\r' || c === '(' || c === ')' || c === '|' || c === '[' || c === ']') return true;
    // A dash with space on both sides separates parts ("Hà Nội - Việt Nam"); "Phan Rang-Tháp Chàm" does not.
    if ((c === '-' || c === '–' || c === '—') && i > 0 && i < sep.length - 1 && sep[i - 1] === ' ' && sep[i + 1] === ' ') return true;
  }
  return false;
}

/**
 * Split `text` into word tokens. One pass over the code points.
 *
 * @param text - the raw address
 * @param steps - optional counter, incremented once per code point (used by the growth test)
 * @returns tokens in input order
 */
export function tokenize(text: string, steps?: { n: number }): Token[] {
  const out: Token[] = [];
  let sepStart = 0;
  let wordStart = -1;
  let wordKey = '';
  const flush = (end: number): void => {
    if (wordStart < 0) return;
    pushWord(out, text.slice(sepStart, wordStart), wordKey, wordStart, end);
    sepStart = end;
    wordStart = -1;
    wordKey = '';
  };
  let i = 0;
  while (i < text.length) {
    if (steps) steps.n++;
    const cp = text.codePointAt(i)!;
    const ch = String.fromCodePoint(cp);
    const width = ch.length;
    if (MARK.test(ch)) {
      // A combining mark belongs to the word before it; alone it is punctuation.
      if (wordStart < 0) {
        i += width;
        continue;
      }
    } else if (cp < 128 ? (cp >= 48 && cp <= 57) || ((cp | 32) >= 97 && (cp | 32) <= 122) : LETTER_OR_DIGIT.test(ch)) {
      if (wordStart < 0) wordStart = i;
      // ASCII needs no decomposition; everything else goes through the shared fold.
      wordKey += cp < 128 ? ch.toLowerCase() : foldDiacritics(ch);
    } else {
      flush(i);
    }
    i += width;
  }
  flush(text.length);
  markNoise(out, text);
  return out;
}

function pushWord(out: Token[], sep: string, key: string, start: number, end: number): void {
  const brk = isBreak(sep);
  const dash = brk && isDashOnly(sep);
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
    // Digits are ASCII and always the tail of a glued token, so count them back from the end.
    const origCut = end - (key.length - cut);
    out.push({ key: key.slice(0, cut), start, end: origCut, sep, brk, dash, noise: false });
    out.push({ key: key.slice(cut), start: origCut, end, sep: '', brk: false, dash: false, noise: false });
    return;
  }
  out.push({ key, start, end, sep, brk, dash, noise: false });
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
 * a house number, a street or a unit.
 */
function markNoise(tokens: Token[], text: string): void {
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    // e-mail: the token touches an '@' on either side.
    const before = t.start > 0 ? text[t.start - 1] : '';
    const after = text[t.end] ?? '';
    if (before === '@' || after === '@' || (t.sep.length > 0 && t.sep.endsWith('@'))) {
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

const TONE_MARKS = /[\u0300\u0301\u0309\u0303\u0323]/g;

/**
 * A key that keeps every diacritic but not where the tone mark sits: each word's tone is moved to the
 * word's end. `Hòa` = `Hoà`, yet `Cẩm Giang` ≠ `Cẩm Giàng` and `Ba Tơ` ≠ `Ba Tô`.
 *
 * @param s - a name or an input slice
 * @returns the tone-placement-insensitive key
 */
export function toneAwareKey(s: string): string {
  const words = toneInsensitiveKey(s).split(' ');
  const tones = s
    .normalize('NFD')
    .toLowerCase()
    .replace(/[^\p{L}\p{M}\p{N}]+/gu, ' ')
    .trim()
    .split(' ')
    .map((w) => (w.match(TONE_MARKS) ?? []).join(''));
  return words.map((w, i) => w + (tones[i] ?? '')).join(' ');
}
