/**
 * The matcher reads lexicon terms with a hand-written scan over code-point classes instead of the
 * TOKEN regex (a cold Unicode regex was most of the index build). The scan must find exactly the
 * words and digit runs the regex finds, for any text, so future terms split the same way.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { keyOf, wordsOf } from '../../src/mask/_goods-match.js';
import { GOODS_LEXICON } from '../../src/goods.js';

const TOKEN = /[\p{L}\p{M}]+|\p{N}+|[+;,|&/()[\]{}\n\r•·–—]|\s-\s/gu;
const byRegex = (term: string) =>
  [...term.matchAll(TOKEN)].map((m) => m[0]).filter((w) => /^[\p{L}\p{M}\p{N}]/u.test(w)).map(keyOf);

describe('lexicon term words', () => {
  it('every lexicon term splits as the TOKEN regex splits it', () => {
    for (const e of GOODS_LEXICON) {
      for (const t of [...e.terms, ...(e.exact ?? [])]) expect(wordsOf(t, new Map()), `${e.id}: ${t}`).toEqual(byRegex(t));
    }
  });

  it('any text splits as the TOKEN regex splits it (letters, marks, digits of any script, separators, surrogates)', () => {
    const piece = fc.oneof(
      fc.constantFrom('điện', 'thoại', 'Hoà', 'ĐÀ', 'e\u0301', '\u0301', '١٢', '15', 'in1', 't-shirt', ' - ', '•', '–', '/', '\n',
        '😀', '\ud800', '𝐀', 'ǅ', 'ﬁ', '\u00a0', '\t'),
      fc.string({ unit: 'binary', maxLength: 6 }),
      fc.string({ unit: 'grapheme', maxLength: 6 }),
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 12 }), (parts) => {
        const text = parts.join('');
        expect(wordsOf(text, new Map())).toEqual(byRegex(text));
      }),
      { numRuns: 2000 },
    );
  });
});
