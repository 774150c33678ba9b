import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { endsNames, tokenize } from '../../src/address/_normalize.js';
import { parseAddress } from '../../src/address/index.js';

// Tokens no longer carry a `dash` flag: where a name may not run back across a token is worked out
// from the token's break flag and separator (`endsNames`). These tests hold that to its definition,
// written out here on its own: a break whose separator, white space trimmed, is anything but one
// dash (`-`, `–`, `—`).

const DASHES = new Set(['-', '\u2013', '\u2014']);

function expected(brk: boolean, sep: string): boolean {
  return brk && !DASHES.has(sep.trim());
}

const PIECES = [
  'Hà', 'Nội', 'Văn', 'Miếu', 'Quốc', 'Tử', 'Giám', 'Phan', 'Rang', 'Tháp', 'Chàm', '12', 'p7', 'Q3',
  ' ', ' ', ', ', ',', ' - ', '-', ' – ', '—', ' —', '– ', ' -- ', ' ,- ', '; ', '\n', '(', ') ', '[', '] ', '|', '/', '.', '\u00a0-\u00a0', '\t-\t',
];

describe('where a name stops (endsNames)', () => {
  it('is a break whose separator is not one spaced dash, for every token of generated text', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...PIECES), { minLength: 1, maxLength: 16 }), (parts) => {
        for (const t of tokenize(parts.join(''))) expect(endsNames(t)).toBe(expected(t.brk, t.sep));
      }),
      { numRuns: 500 },
    );
  });

  it('lets a name run across a spaced dash but not across a comma', () => {
    const dashed = tokenize('Văn Miếu - Quốc Tử Giám');
    expect(dashed.map((t) => t.brk)).toEqual([false, false, true, false, false]);
    expect(dashed.some((t) => endsNames(t))).toBe(false);
    const comma = tokenize('Văn Miếu, Quốc Tử Giám');
    expect(endsNames(comma[2]!)).toBe(true);
    // A spaced dash inside a place name still reads as that place.
    expect(parseAddress('Phan Rang - Tháp Chàm, Ninh Thuận').province).not.toBeNull();
  });
});
