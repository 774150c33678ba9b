/**
 * The tone keys read one character at a time (`toneWords` in src/_fold.ts) against their definition
 * over the whole string (normal forms and regular expressions), written out here as the reference:
 * every character the per-character tables cover, alone and between others, and random text that
 * mixes covered characters, separators, combining marks and characters the tables leave to the
 * whole-string path.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isToneAwareKey, toneAwareKey, toneInsensitiveKey, toneWords } from '../src/_fold.js';

const TONE_MARKS = /[\u0300\u0301\u0309\u0303\u0323]/g;

/** The definition: tone marks dropped from the decomposition, recomposed, lowercased, separators one space. */
function referenceToneInsensitive(s: string): string {
  return s
    .normalize('NFD')
    .replace(TONE_MARKS, '')
    .normalize('NFC')
    .replace(/[ðÐƉɖ]/g, (c) => (c === 'ð' || c === 'ɖ' ? 'đ' : 'Đ'))
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** The definition: each word of the tone-insensitive key followed by its tone marks, in order. */
function referenceToneAware(s: string): string {
  const words = referenceToneInsensitive(s).split(' ');
  const tones = s
    .normalize('NFD')
    .toLowerCase()
    .replace(/[^\p{L}\p{M}\p{N}]+/gu, ' ')
    .trim()
    .split(' ')
    .map((w) => (w.match(TONE_MARKS) ?? []).join(''));
  return words.map((w, i) => w + (tones[i] ?? '')).join(' ');
}

/** Every code point of the two ranges the tables cover (below U+0370, and U+1E00–U+1EFF). */
const COVERED: string[] = [];
for (let c = 0; c < 0x370; c++) if (c < 0xd800) COVERED.push(String.fromCharCode(c));
for (let c = 0x1e00; c < 0x1f00; c++) COVERED.push(String.fromCharCode(c));

const VIETNAMESE = [...'aăâbcdđeêghiklmnoôơpqrstuưvxyAĂÂBCDĐEÊGHIKLMNOÔƠPQRSTUƯVXYàáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệìíỉĩịòóỏõọồốổỗộờớởỡợùúủũụừứửữựỳýỷỹỵÀÁẢÃẠỀẾỂỄỆỜỚỞỠỢỲÝỶỸỴ0123456789'];
const SEPARATORS = [' ', ',', '.', '-', '/', '(', ')', '\u00a0', '\t', "'", '’'];
/** Outside the tables or not readable alone: decomposed marks, Greek (final sigma), dotted capital I, CJK, an astral letter. */
const OTHERS = ['\u0301', '\u0323', '\u0302', 'Σ', 'σ', 'İ', 'Ω', '中', '𝐀', '\u212b', 'ǅ', 'ß', 'ð', 'Ð', 'Ɖ', 'ɖ'];

describe('tone keys one character at a time', () => {
  it('every covered character, alone and between words, gives the whole-string keys', () => {
    for (const ch of COVERED) {
      for (const s of [ch, `ab${ch}`, `${ch}cd`, `x ${ch} y`, `Hoà${ch}Bình`, `${ch}${ch}`]) {
        expect(toneInsensitiveKey(s), JSON.stringify(s)).toBe(referenceToneInsensitive(s));
        expect(toneAwareKey(s), JSON.stringify(s)).toBe(referenceToneAware(s));
      }
    }
  });

  it('random text of Vietnamese letters, separators and characters the tables do not cover gives the whole-string keys', () => {
    const unit = fc.constantFrom(...VIETNAMESE, ...VIETNAMESE, ...SEPARATORS, ...OTHERS, ...COVERED.filter((_, i) => i % 7 === 0));
    fc.assert(
      fc.property(fc.string({ unit, maxLength: 24 }), (s) => {
        expect(toneInsensitiveKey(s)).toBe(referenceToneInsensitive(s));
        expect(toneAwareKey(s)).toBe(referenceToneAware(s));
        // NFD input takes the whole-string path and still gives the same keys.
        const d = s.normalize('NFD');
        expect(toneInsensitiveKey(d)).toBe(referenceToneInsensitive(d));
        expect(toneAwareKey(d)).toBe(referenceToneAware(d));
      }),
      { numRuns: 20000 },
    );
  });

  it('reads covered text itself and leaves the rest to the whole-string path', () => {
    expect(toneWords('Phường Hoà Bình', false)).toBe('phương hoa binh');
    expect(toneWords('  Phường  Hoà-Bình! ', true)).toBe('phương\u0300 hoa\u0300 binh\u0300');
    expect(toneWords('Quận 1', true)).toBe('quân\u0323 1');
    // A decomposed mark, Greek and CJK are not read one character at a time.
    expect(toneWords('Hoa\u0300', false)).toBeUndefined();
    expect(toneWords('ΟΔΟΣ', false)).toBeUndefined();
    expect(toneWords('北京', true)).toBeUndefined();
  });

  it('compares a range of the input with a tone-aware key as the key built from the range would', () => {
    const unit = fc.constantFrom(...VIETNAMESE, ...VIETNAMESE, ...SEPARATORS, ...OTHERS.slice(0, 4));
    // The key: the range's own, one of another text, or the range's with one character changed,
    // dropped or added (the near misses a candidate name gives).
    const keyOf = (s: string, from: number, to: number, other: string, how: number, at: number): string => {
      const own = toneWords(s.slice(from, to), true) ?? toneAwareKey(s.slice(from, to));
      const i = own.length === 0 ? 0 : at % own.length;
      if (how === 0) return own;
      if (how === 1) return toneWords(other, true) ?? '';
      if (how === 2) return own.slice(0, i) + own.slice(i + 1);
      if (how === 3) return `${own.slice(0, i)}\u0300${own.slice(i)}`;
      return `${own.slice(0, i)}${own[i] === 'a' ? 'o' : 'a'}${own.slice(i + 1)}`;
    };
    let equal = 0;
    fc.assert(
      fc.property(fc.string({ unit, maxLength: 24 }), fc.nat(), fc.nat(), fc.string({ unit, maxLength: 12 }), fc.integer({ min: 0, max: 4 }), fc.nat(), (s, a, b, other, how, at) => {
        const from = s.length === 0 ? 0 : a % (s.length + 1);
        const to = from + (s.length - from === 0 ? 0 : b % (s.length - from + 1));
        const key = keyOf(s, from, to, other, how, at);
        const built = toneWords(s.slice(from, to), true);
        const got = isToneAwareKey(s, from, to, key);
        if (built === undefined) expect(got).toBeUndefined();
        else {
          expect(got).toBe(built === key);
          if (got) equal++;
        }
      }),
      { numRuns: 20000 },
    );
    // Both answers were given many times (the property cannot pass by always saying one thing).
    expect(equal).toBeGreaterThan(2000);
  });

  it('compares known names with their input spellings', () => {
    const s = 'Số 5, Phường Hoà Bình, Quận 1';
    const from = s.indexOf('Phường');
    expect(isToneAwareKey(s, from, from + 'Phường Hoà Bình'.length, toneAwareKey('Phường Hòa Bình'))).toBe(true);
    expect(isToneAwareKey(s, from, from + 'Phường Hoà Bình'.length, toneAwareKey('Phường Hoà Bính'))).toBe(false);
    expect(isToneAwareKey(s, from, from + 'Phường Hoà'.length, toneAwareKey('Phường Hoà Bình'))).toBe(false);
    expect(isToneAwareKey('Hoa\u0300 Bình', 0, 9, 'hoa\u0300 binh\u0300')).toBeUndefined();
  });
});
