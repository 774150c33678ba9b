/**
 * Person names: Unicode-aware masking for Vietnamese (and any other) names.
 *
 * Vietnamese family names carry little information (about 4 in 10 people are Nguyễn) and people
 * are addressed by the last word of the name. The default `initials` style turns every word into
 * its first letter plus a fixed `**`, so word lengths do not leak.
 * @module
 */
import { guard, WaybillShieldError } from '../errors.js';

/** Name masking styles. */
export type NameMaskStyle = 'initials' | 'given-name' | 'full-mask';

/** Options for {@link maskName}. */
export interface MaskNameOptions {
  /** `initials` (default): `N** T** M** K**`; `given-name`: `N** T** M** Khai`; `full-mask`: `***`. */
  style?: NameMaskStyle;
}

/** The fixed mask that follows an initial, whatever the word's length. */
const TAIL = '**';
/** Longest name input accepted, in characters. */
const MAX_NAME_INPUT = 1_000;
const LETTER = /\p{L}/u;

function initial(word: string): string {
  // The first letter together with its combining marks (NFD input), recomposed, then uppercased:
  // `nguyễn`, `NGUYEN` and NFD `Nguyễn` all give `N`; `Đặng` gives `Đ`.
  const cps = [...word.normalize('NFC')];
  for (const cp of cps) {
    if (LETTER.test(cp)) {
      // Some letters uppercase to two (ᾀ → ἈΙ); keep the initial one character wide.
      const up = cp.toLocaleUpperCase('vi');
      return [...up].length === 1 ? up : cp;
    }
  }
  // A word with no letter (digits, punctuation: perhaps a pasted phone) shows nothing of itself.
  return '*';
}

function isMaskedWord(word: string): boolean {
  const cps = [...word];
  return (cps.length === 3 && cps[1] === '*' && cps[2] === '*' && (LETTER.test(cps[0]!) || cps[0] === '*')) || word === '***';
}

function words(name: string): string[] {
  return name.normalize('NFC').split(/[\s\u00a0]+/u).filter((w) => w.length > 0);
}

/**
 * Mask a person's name.
 *
 * @param name - a name in NFC or NFD, any case, with or without diacritics
 * @param opts - masking style
 * @returns the masked name; `***` for an empty or letterless name
 * @throws WaybillShieldError `INVALID_INPUT` when `name` is not a string or is too long
 * @example
 * ```ts
 * maskName('Nguyễn Thị Minh Khai')                           // 'N** T** M** K**'
 * maskName('Nguyễn Thị Minh Khai', { style: 'given-name' })  // 'N** T** M** Khai'
 * ```
 */
export function maskName(name: string, opts: MaskNameOptions = {}): string {
  return guard('INVALID_INPUT', 'name must be a string of at most 1000 characters', () => {
    if (typeof name !== 'string' || name.length > MAX_NAME_INPUT) {
      throw new WaybillShieldError('INVALID_INPUT', 'name must be a string of at most 1000 characters');
    }
    const style = opts?.style ?? 'initials';
    if (style !== 'initials' && style !== 'given-name' && style !== 'full-mask') {
      throw new WaybillShieldError('INVALID_POLICY', 'unknown name mask style');
    }
    const ws = words(name);
    if (ws.length === 0 || style === 'full-mask') return '***';
    // Idempotence: an already-masked word stays as it is.
    const masked = ws.map((w) => (isMaskedWord(w) ? w : initial(w) + TAIL));
    if (style === 'given-name') {
      const last = ws[ws.length - 1]!;
      // Keep the given name only when it is letters (and marks, hyphen, apostrophe): never digits.
      if (/^[\p{L}\p{M}'’-]+$/u.test(last)) masked[masked.length - 1] = last;
    }
    return masked.join(' ');
  });
}
