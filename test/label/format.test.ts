import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { cleanText, columns, foldVietnamese, formatVnd, formatWeight, glyphWidth, groupThousands, truncate, wrap } from '../../src/label/_format.js';

describe('Vietnamese number formatting', () => {
  it.each([
    [0, '0 ₫'],
    [999, '999 ₫'],
    [1000, '1.000 ₫'],
    [32_000_000, '32.000.000 ₫'],
    [100_000_000_000, '100.000.000.000 ₫'],
  ])('formatVnd(%d) = %s', (n, s) => expect(formatVnd(n)).toBe(s));

  it.each([
    [1, '1 g'],
    [850, '850 g'],
    [1000, '1 kg'],
    [1250, '1,25 kg'],
    [1205, '1,21 kg'],
    [12_000, '12 kg'],
    [10_000_000, '10.000 kg'],
  ])('formatWeight(%d) = %s', (g, s) => expect(formatWeight(g)).toBe(s));

  it('groups any integer so that removing the dots gives it back', () => {
    fc.assert(fc.property(fc.nat({ max: 100_000_000_000 }), (n) => {
      const s = groupThousands(n);
      expect(Number(s.replaceAll('.', ''))).toBe(n);
      expect(s).toMatch(/^\d{1,3}(\.\d{3})*$/);
    }));
  });
});

describe('folding and cleaning', () => {
  it('folds Vietnamese to unaccented ASCII and keeps case', () => {
    expect(foldVietnamese('Phường Thượng Đình')).toBe('Phuong Thuong Dinh');
    expect(foldVietnamese('ĐẶNG đức')).toBe('DANG duc');
    expect(foldVietnamese('32.000.000 ₫')).toBe('32.000.000 VND');
    expect(foldVietnamese('北京 ok')).toBe('?? ok');
  });

  it('fold output is always printable ASCII', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), (s) => {
        expect(foldVietnamese(cleanText(s))).toMatch(/^[\x20-\x7e]*$/);
      }),
    );
  });

  it('cleanText removes controls, bidi and zero-width characters and collapses space', () => {
    expect(cleanText('  a\u0000b\u202Ec\u200Bd\n\te  ')).toBe('a b c d e');
    expect(cleanText('Nguye\u0302\u0303n')).toBe('Nguyễn');
  });
});

describe('wrapping', () => {
  it('wraps on spaces and cuts the last line with an ellipsis', () => {
    expect(wrap('một hai ba bốn năm', 7, 5)).toEqual(['một hai', 'ba bốn', 'năm']);
    expect(wrap('một hai ba bốn năm', 7, 2)).toEqual(['một hai', 'ba bốn…']);
    expect(wrap('', 10, 2)).toEqual([]);
  });

  it('breaks a word longer than the line', () => {
    expect(wrap('abcdefghij', 4, 5)).toEqual(['abcd', 'efgh', 'ij']);
  });

  it('never exceeds the width or the line count', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 200 }), fc.integer({ min: 2, max: 40 }), fc.integer({ min: 1, max: 5 }), (s, w, n) => {
        const clean = cleanText(s);
        for (const measure of [columns, glyphWidth]) {
          const lines = wrap(clean, w, n, measure);
          expect(lines.length).toBeLessThanOrEqual(n);
          // Only a line of one character (wider than the line by itself) may exceed the width.
          for (const l of lines) if ([...l].length > 1) expect(measure(l)).toBeLessThanOrEqual(w);
        }
      }),
    );
  });

  it('counts combining marks as wider on printed labels than in terminals', () => {
    expect(columns('Đình')).toBe(4);
    expect(glyphWidth('Đình')).toBe(4.75);
    expect(truncate('Phường Thượng Đình', 10)).toBe('Phường Th…');
  });
});
