/**
 * `parsePhone` (phone.ts) parses through `parsePhoneNumberWithError`; it must answer exactly as
 * libphonenumber-js's `parsePhoneNumberFromString` and `isValidPhoneNumber` (which the code used
 * before), for kept and unknown default regions, and never throw.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isValidPhoneNumber, parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js/core';
import { PHONE_METADATA } from '../../src/mask/phone-metadata.js';
import { parsePhone } from '../../src/mask/phone.js';

const view = (p: ReturnType<typeof parsePhoneNumberFromString>): unknown =>
  p === undefined ? undefined : { number: p.number, country: p.country, valid: p.isValid(), national: p.formatNational(), ext: p.ext };

// Kept regions, regions the metadata does not know (BR, EG) and none.
const REGIONS = [undefined, 'VN', 'US', 'GB', 'RU', 'BR', 'EG'] as const;
const text = fc.oneof(
  fc.stringMatching(/^\+?[0-9 ().-]{0,20}$/),
  fc.tuple(fc.constantFrom('+84', '0', '+1', '+44', '+7', '+55', '00', ''), fc.stringMatching(/^[0-9]{0,13}$/)).map(([a, b]) => a + b),
  fc.string({ maxLength: 24 }),
);

describe('parsePhone', () => {
  it('answers as parsePhoneNumberFromString and isValidPhoneNumber', () => {
    fc.assert(
      fc.property(text, fc.constantFrom(...REGIONS), (t, region) => {
        const opts = { defaultCountry: region as CountryCode | undefined, extract: false } as const;
        const ours = parsePhone(t, region as CountryCode | undefined);
        expect(view(ours)).toEqual(view(parsePhoneNumberFromString(t, opts, PHONE_METADATA)));
        const valid = region === undefined ? isValidPhoneNumber(t, PHONE_METADATA) : isValidPhoneNumber(t, region as CountryCode, PHONE_METADATA);
        expect(ours?.isValid() ?? false).toBe(valid);
      }),
      { numRuns: 3000 },
    );
  });
});
