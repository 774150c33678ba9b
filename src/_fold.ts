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
  // Tone marks: grave, acute, hook above, tilde, dot below. Vowel-quality marks are kept.
  return s
    .normalize('NFD')
    .replace(/[\u0300\u0301\u0309\u0303\u0323]/g, '')
    .normalize('NFC')
    .replace(/[ðÐƉɖ]/g, (c) => (c === 'ð' || c === 'ɖ' ? 'đ' : 'Đ'))
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}
