import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { maskName } from '../../src/mask/name.js';

describe('maskName', () => {
  it.each([
    ['Nguyễn Thị Minh Khai', 'N** T** M** K**'],
    ['Nguyễn Thị Minh Khai'.normalize('NFD'), 'N** T** M** K**'],
    ['NGUYEN VAN A', 'N** V** A**'],
    ['  Lê   Văn   Tám  ', 'L** V** T**'],
    ['Đặng Thu Thảo', 'Đ** T** T**'],
    ['đặng thu thảo', 'Đ** T** T**'],
    ['Ánh', 'Á**'],
    ['H\'Hen Niê', 'H** N**'],
    ['', '***'],
    ['   ', '***'],
    ['Lan 0901234567', 'L** ***'],
  ])('initials: %j → %j', (input, out) => {
    expect(maskName(input)).toBe(out);
  });

  it('given-name keeps the last word; full-mask hides everything', () => {
    expect(maskName('Nguyễn Thị Minh Khai', { style: 'given-name' })).toBe('N** T** M** Khai');
    expect(maskName('Nguyễn Thị Minh Khai', { style: 'full-mask' })).toBe('***');
    expect(maskName('Trần Văn 123', { style: 'given-name' })).toBe('T** V** ***');
  });

  it('does not leak word lengths', () => {
    expect(maskName('A Bcdefghijkl')).toBe(maskName('Ax Bc'));
  });

  it('is idempotent and never longer than 3 characters per word (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ unit: 'grapheme', minLength: 1, maxLength: 12 }), { maxLength: 6 }), (parts) => {
        const name = parts.join(' ');
        const once = maskName(name);
        expect(maskName(once)).toBe(once);
        for (const w of once.split(' ')) expect([...w].length).toBeLessThanOrEqual(3);
      }),
    );
  });

  it('rejects non-strings with INVALID_INPUT', () => {
    expect(() => maskName(42 as never)).toThrow(/INVALID_INPUT/);
    expect(() => maskName({ toString: () => 'x' } as never)).toThrow(/INVALID_INPUT/);
  });
});
