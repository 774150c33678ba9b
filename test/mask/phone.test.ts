import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isValidPhone, maskPhone, normalizePhone } from '../../src/mask/phone.js';
import { WaybillShieldError } from '../../src/errors.js';

describe('normalizePhone', () => {
  it.each([
    ['0901 234 567', '+84901234567'],
    ['+84 90-123-4567', '+84901234567'],
    ['84901234567', '+84901234567'],
    ['(+84) 901.234.567', '+84901234567'],
    ['028 3812 3456', '+842838123456'],
    ['+1 650 253 0000', '+16502530000'],
  ])('%s → %s', (input, e164) => {
    const p = normalizePhone(input);
    expect(p.e164).toBe(e164);
    expect(p.legacyConverted).toBe(false);
  });

  it('classifies mobile and fixed-line numbers', () => {
    expect(normalizePhone('0901234567').type).toBe('MOBILE');
    expect(normalizePhone('02838123456').type).toBe('FIXED_LINE');
    expect(normalizePhone('0901234567').national).toBe('0901234567');
  });

  it.each([
    ['0162', '032'], ['0163', '033'], ['0164', '034'], ['0165', '035'], ['0166', '036'], ['0167', '037'], ['0168', '038'], ['0169', '039'],
    ['0120', '070'], ['0121', '079'], ['0122', '077'], ['0126', '076'], ['0128', '078'],
    ['0123', '083'], ['0124', '084'], ['0125', '085'], ['0127', '081'], ['0129', '082'],
    ['0186', '056'], ['0188', '058'], ['0199', '059'],
  ])('converts legacy prefix %s → %s', (oldPrefix, newPrefix) => {
    const p = normalizePhone(`${oldPrefix} 234 5678`);
    expect(p.national).toBe(`${newPrefix}2345678`);
    expect(p.legacyConverted).toBe(true);
    expect(normalizePhone(`+84 ${oldPrefix.slice(1)}2345678`).e164).toBe(p.e164);
  });

  it.each(['', '0901', '090123456789012', 'abc', '+84', '0000000000', '1'.repeat(100)])('rejects %j with INVALID_PHONE and no digits in the message', (bad) => {
    expect(isValidPhone(bad)).toBe(false);
    try {
      normalizePhone(bad);
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(WaybillShieldError);
      expect((e as WaybillShieldError).code).toBe('INVALID_PHONE');
      expect((e as Error).message).not.toMatch(/\d/);
    }
  });

  it('never throws anything but WaybillShieldError (property)', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: 'binary', maxLength: 80 }), fc.stringMatching(/^\+?[0-9 .\-()]{0,20}$/)), (s) => {
        try {
          normalizePhone(s);
        } catch (e) {
          expect(e).toBeInstanceOf(WaybillShieldError);
        }
      }),
    );
  });
});

describe('maskPhone', () => {
  it('keeps only the last 3 digits by default (7 of 10 hidden)', () => {
    expect(maskPhone('0901 234 567')).toBe('*******567');
    expect(maskPhone('+84901234567')).toBe('*******567');
  });

  it('supports first3-last3, full and explicit counts', () => {
    expect(maskPhone('0901234567', { style: 'first3-last3' })).toBe('090****567');
    expect(maskPhone('0901234567', { style: 'full' })).toBe('**********');
    expect(maskPhone('0901234567', { keepStart: 0, keepEnd: 2 })).toBe('********67');
    expect(maskPhone('+16502530000')).toBe('+1 *******000');
  });

  it('refuses keep counts that would leave a 4-digit fragment', () => {
    expect(() => maskPhone('0901234567', { keepEnd: 4 })).toThrow(/INVALID_POLICY/);
  });

  it('never shows a 4-digit run of the number (property)', () => {
    fc.assert(
      fc.property(fc.constantFrom('090', '091', '038', '070', '083', '056'), fc.stringMatching(/^[0-9]{7}$/), fc.constantFrom('last3', 'first3-last3', 'full') , (prefix, rest, style) => {
        const national = prefix + rest;
        const masked = maskPhone(national, { style: style as 'last3' });
        expect(masked).toHaveLength(10);
        expect(masked).not.toMatch(/\d{4}/);
        expect((masked.match(/\*/g) ?? []).length).toBeGreaterThanOrEqual(4);
      }),
    );
  });
});
