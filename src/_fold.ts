/**
 * Text folding shared by the address, goods and name code: a matching key that ignores case,
 * Unicode normal form, diacritics (and so where a tone mark sits), and the look-alikes of `đ`.
 * @module
 * @internal
 */

const D_LOOKALIKES = /[đĐðÐƉɖ]/g;
const MARKS = /\p{M}+/gu;

/**
 * Lowercase, strip every combining mark, map đ and its look-alikes to `d`.
 * Keeps every other character (punctuation, digits, spaces) and the string's length class.
 *
 * @param s - any string
 * @returns the folded string, e.g. `Thuỷ` and `Thủy` both give `thuy`
 */
export function foldDiacritics(s: string): string {
  return s.normalize('NFD').replace(MARKS, '').replace(D_LOOKALIKES, 'd').toLowerCase();
}

/**
 * A matching key: folded, with every run of non-letters/non-digits collapsed to one space and trimmed.
 *
 * @param s - any string
 * @returns e.g. `"  Hoà-Bình!! "` → `"hoa binh"`
 */
export function foldKey(s: string): string {
  return foldDiacritics(s).replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
}

/**
 * A key that keeps vowel-quality marks (ơ vs ô, ư vs u, â/ă vs a) but ignores tone marks and
 * their placement, case and normal form. `Hòa` = `Hoà`; `Ba Tơ` ≠ `Ba Tô`.
 *
 * @param s - any string
 * @returns the tone-insensitive key
 */
export function toneInsensitiveKey(s: string): string {
  return toneWords(s, false) ?? toneInsensitiveKeyOfText(s);
}

/**
 * A key that keeps every diacritic but not where the tone mark sits: each word's tone is moved to the
 * word's end. `Hòa` = `Hoà`, yet `Cẩm Giang` ≠ `Cẩm Giàng` and `Ba Tơ` ≠ `Ba Tô`.
 *
 * @param s - a name or an input slice
 * @returns the tone-placement-insensitive key
 */
export function toneAwareKey(s: string): string {
  const fast = toneWords(s, true);
  if (fast !== undefined) return fast;
  const words = toneInsensitiveKeyOfText(s).split(' ');
  const tones = s
    .normalize('NFD')
    .toLowerCase()
    .replace(/[^\p{L}\p{M}\p{N}]+/gu, ' ')
    .trim()
    .split(' ')
    .map((w) => (w.match(TONE_MARKS) ?? []).join(''));
  return words.map((w, i) => w + (tones[i] ?? '')).join(' ');
}

// Tone marks: grave, acute, hook above, tilde, dot below. Vowel-quality marks are kept.
const TONE_MARKS = /[\u0300\u0301\u0309\u0303\u0323]/g;

/** Decomposed text without its tone marks, recomposed, `đ`'s look-alikes as `đ`, lowercased. */
function withoutTones(nfd: string): string {
  return nfd
    .replace(TONE_MARKS, '')
    .normalize('NFC')
    .replace(/[ðÐƉɖ]/g, (c) => (c === 'ð' || c === 'ɖ' ? 'đ' : 'Đ'))
    .toLowerCase();
}

/** {@link toneInsensitiveKey} of any text: normal forms and regular expressions over the whole string. */
function toneInsensitiveKeyOfText(s: string): string {
  return withoutTones(s.normalize('NFD'))
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/**
 * What one character contributes to {@link toneInsensitiveKey} (`key`, empty for a separator) and
 * the tone marks of its decomposition (`tones`), or `null` when the character is one that the
 * per-character reading does not cover (see {@link toneWords}).
 */
interface ToneChar {
  readonly key: string;
  readonly tones: string;
}

const IS_MARK = /\p{M}/u;
const IS_WORD = /^[\p{L}\p{N}]$/u;
const IS_KEY = /^[\p{L}\p{N}]+$/u;

// The characters read one at a time: Latin below U+0370 and Latin Extended Additional (U+1E00–U+1EFF,
// Vietnamese), filled in as met. Greek, where lowercasing depends on the next character (final
// sigma), and everything else take the whole-string path.
const LOW_END = 0x370;
const VI_START = 0x1e00;
const VI_END = 0x1f00;
const TONE_CHARS: Array<ToneChar | null | undefined> = new Array<ToneChar | null | undefined>(LOW_END + (VI_END - VI_START)).fill(undefined);
const SEPARATOR: ToneChar = { key: '', tones: '' };

function toneCharOf(ch: string): ToneChar | null {
  const nfd = ch.normalize('NFD');
  // A combining mark on its own joins whatever stands before it: not readable one character at a time.
  if (IS_MARK.test(ch)) return null;
  if (!IS_WORD.test(ch)) return nfd === ch ? SEPARATOR : null;
  const key = withoutTones(nfd);
  // The key must be letters and digits only (`İ` lowercases to `i` and a combining dot, which the
  // whole-string key turns into a word break).
  if (!IS_KEY.test(key)) return null;
  return { key, tones: (nfd.toLowerCase().match(TONE_MARKS) ?? []).join('') };
}

function toneChar(c: number): ToneChar | null {
  const i = c < LOW_END ? c : c >= VI_START && c < VI_END ? LOW_END + (c - VI_START) : -1;
  if (i < 0) return null;
  let t = TONE_CHARS[i];
  if (t === undefined) TONE_CHARS[i] = t = toneCharOf(String.fromCharCode(c));
  return t;
}

/**
 * {@link toneInsensitiveKey} (`aware` false), or {@link toneAwareKey} (`aware` true: each word
 * followed by the tone marks of its letters, in order), read one character at a time from
 * per-character tables instead of normal forms and regular expressions over the whole string: the
 * address parser asks for both keys of every ambiguous unit name in the input, and the goods
 * matcher for every word. For text made only of the characters the tables cover, each one's
 * decomposition stands on its own (no combining mark between characters, no composition across
 * them, no context-dependent lowercasing), so the whole-string key is the characters' keys with
 * every run of separators one space and none at the ends. `test/fold.test.ts` holds both paths
 * equal over every covered character and random text.
 *
 * @param s - a name or an input slice
 * @param aware - append each word's tone marks
 * @returns the key, or `undefined` when `s` holds a character the tables do not cover
 */
export function toneWords(s: string, aware: boolean): string | undefined {
  let out = '';
  let tones = '';
  let gap = false;
  for (let i = 0; i < s.length; i++) {
    const t = toneChar(s.charCodeAt(i));
    if (t === null) return undefined;
    if (t.key.length === 0) {
      gap = true;
      continue;
    }
    if (gap && out.length > 0) {
      if (aware) out += tones;
      tones = '';
      out += ' ';
    }
    gap = false;
    out += t.key;
    if (aware) tones += t.tones;
  }
  return aware ? out + tones : out;
}

/**
 * Whether `toneAwareKey(s.slice(from, to))` is `key`, answered without building the slice or its key
 * (the address parser compares the input's spelling with each candidate name's): the key is read
 * one character at a time as {@link toneWords} builds it, each word's tone marks read again from its
 * characters when the word ends. `undefined` when the range holds a character the tables do not
 * cover (then the caller compares the whole-string key).
 *
 * @param s - the input
 * @param from - start of the range
 * @param to - end of the range
 * @param key - a tone-aware key, as {@link toneAwareKey} gives it
 * @returns whether the range's tone-aware key is `key`, or `undefined`
 */
export function isToneAwareKey(s: string, from: number, to: number, key: string): boolean | undefined {
  // `p`: characters of `key` matched so far; `word`: where the word being read starts, -1 before the
  // first; `gap`: a separator was read since the last letter.
  let p = 0;
  let word = -1;
  let gap = false;
  for (let i = from; i < to; i++) {
    const t = toneChar(s.charCodeAt(i));
    if (t === null) return undefined;
    const k = t.key;
    if (k.length === 0) {
      gap = true;
      continue;
    }
    if (gap && word >= 0) {
      p = tonesOf(s, word, i, key, p);
      if (p < 0 || key.charCodeAt(p) !== 32) return covered(s, i, to);
      p++;
      word = i;
    }
    if (word < 0) word = i;
    gap = false;
    for (let j = 0; j < k.length; j++, p++) if (key.charCodeAt(p) !== k.charCodeAt(j)) return covered(s, i, to);
  }
  if (word >= 0) p = tonesOf(s, word, to, key, p);
  return p === key.length;
}

/**
 * After a difference: `false` when the rest of the range is covered too, else `undefined` (a mark
 * further on could change how the characters before it read).
 */
function covered(s: string, from: number, to: number): false | undefined {
  for (let i = from; i < to; i++) if (toneChar(s.charCodeAt(i)) === null) return undefined;
  return false;
}

/**
 * Matches the tone marks of the characters of `s[from, to)` (one word and the separators after it,
 * which have none) against `key` from `p`: the position after them, or -1 on a difference.
 */
function tonesOf(s: string, from: number, to: number, key: string, p: number): number {
  for (let i = from; i < to; i++) {
    const tones = toneChar(s.charCodeAt(i))!.tones;
    for (let j = 0; j < tones.length; j++, p++) if (key.charCodeAt(p) !== tones.charCodeAt(j)) return -1;
  }
  return p;
}
