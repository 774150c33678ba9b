import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parsePhoneField, PHONE_FIELD_MAX_LENGTH } from '../../src/mask/phone.js';
import { LANDLINE_CODE_CHANGES, subscriberLength } from '../../src/mask/_landline-codes.js';
import { parsePhoneNumberFromString } from 'libphonenumber-js/max';

describe('parsePhoneField: phone fields as people type them', () => {
  it.each([
    ['0903 456 789 (chị Hoa)', '+84903456789', undefined, '(chị Hoa)'],
    ['ĐT: 0903456789', '+84903456789', undefined, ''],
    ['SĐT 0903456789', '+84903456789', undefined, ''],
    ['zalo: 0903.456.789', '+84903456789', undefined, 'zalo'],
    ['0903456789 hoặc 0978123456', '+84903456789', '+84978123456', ''],
    ['0903456789; 0978123456', '+84903456789', '+84978123456', ''],
    ['0903456789, 0978123456', '+84903456789', '+84978123456', ''],
    ['0903456789 / 0978123456', '+84903456789', '+84978123456', ''],
    ['0903456789.', '+84903456789', undefined, ''],
    ['０９０３４５６７８９', '+84903456789', undefined, ''],
    ['０９０３　４５６　７８９', '+84903456789', undefined, ''],
    ['0903_456_789', '+84903456789', undefined, ''],
    ['+84 (0) 903 456 789', '+84903456789', undefined, ''],
    ['0168 123 4567', '+84381234567', undefined, ''],
    ['Tel: 028 3829 1234 ext 12', '+842838291234', undefined, 'ext 12'],
    ['0903456789, 0978123456, 0912345678', '+84903456789', '+84978123456', '0912345678'],
    ['+1 415 555 2671', '+14155552671', undefined, ''],
  ])('%s', (input, e164, alt, rest) => {
    const r = parsePhoneField(input);
    expect(r).toBeDefined();
    expect(r!.e164).toBe(e164);
    expect(r!.alt).toBe(alt);
    expect(r!.rest).toBe(rest);
  });

  it.each([
    ['08 3829 1234', '+842838291234'],
    ['(08) 3829 1234', '+842838291234'],
    ['08.3829.1234', '+842838291234'],
    ['04 3826 1234', '+842438261234'],
    ['0511 3821 234', '+842363821234'],
    ['(037) 3852 123', '+842373852123'],
    ['037 3852 123', '+842373852123'],
    ['+84 8 3829 1234', '+842838291234'],
  ])('pre-2017 landline %s → %s', (input, e164) => {
    const r = parsePhoneField(input)!;
    expect(r.e164).toBe(e164);
    expect(r.landlineConverted).toBe(true);
  });

  it.each([
    ['0373852123', '+84373852123'],
    ['037 385 2123', '+84373852123'],
    ['0838291234', '+84838291234'],
    ['083 829 1234', '+84838291234'],
  ])('a mobile that shares an old area code stays a mobile: %s', (input, e164) => {
    const r = parsePhoneField(input)!;
    expect(r.e164).toBe(e164);
    expect(r.landlineConverted).toBe(false);
  });

  it('the 2017 table has the 59 changed provinces, and every new code with a subscriber number is a valid landline', () => {
    expect(Object.keys(LANDLINE_CODE_CHANGES)).toHaveLength(59);
    expect(new Set(Object.values(LANDLINE_CODE_CHANGES)).size).toBe(59);
    for (const [old, now] of Object.entries(LANDLINE_CODE_CHANGES)) {
      const subscriber = '3'.padEnd(subscriberLength(old), '8');
      const parsed = parsePhoneNumberFromString(`0${now}${subscriber}`, 'VN');
      expect(parsed?.isValid(), `${old} → ${now}`).toBe(true);
      expect(parsed?.getType(), `${old} → ${now}`).toBe('FIXED_LINE');
      const r = parsePhoneField(`(0${old}) ${subscriber}`);
      expect(r?.e164, old).toBe(parsed!.number);
    }
  });

  it.each(['chưa có số', '0903 45', '12345', '', 'x'.repeat(PHONE_FIELD_MAX_LENGTH + 1), '0903456789'.repeat(13)])(
    'no valid number: %s',
    (input) => {
      expect(parsePhoneField(input)).toBeUndefined();
    },
  );

  it('finds the number whatever text surrounds it (property)', () => {
    const word = fc.constantFrom('chị Hoa', 'anh Nam', 'zalo', 'ĐT:', 'SĐT', '(nhà)', 'gọi trước', '.', ';', '-');
    fc.assert(
      fc.property(
        fc.constantFrom('090', '091', '093', '038', '070', '083', '056', '086', '097'),
        fc.stringMatching(/^[0-9]{7}$/),
        fc.array(word, { maxLength: 3 }),
        fc.array(word, { maxLength: 3 }),
        (prefix, rest, before, after) => {
          const n = `${prefix}${rest}`;
          const input = [...before, `${n.slice(0, 4)} ${n.slice(4, 7)} ${n.slice(7)}`, ...after].join(' ');
          fc.pre(input.length <= PHONE_FIELD_MAX_LENGTH);
          const r = parsePhoneField(input);
          expect(r?.e164).toBe(`+84${n.slice(1)}`);
          expect(r?.rest ?? '').not.toMatch(/\d{4}/);
        },
      ),
    );
  });
});
