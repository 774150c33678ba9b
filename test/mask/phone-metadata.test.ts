/**
 * The bundled metadata (src/mask/phone-metadata.ts, slimmed by scripts/build-phone-metadata.ts)
 * must parse, validate, type and format nationally exactly as libphonenumber-js's full `max`
 * metadata does, for every kept country, on generated numbers of every length around the valid
 * ones; and must not know any other country.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parsePhoneNumberFromString as parseCore } from 'libphonenumber-js/core';
import { parsePhoneNumberFromString as parseMax, getExampleNumber, getCountryCallingCode, type CountryCode } from 'libphonenumber-js/max';
import examples from 'libphonenumber-js/mobile/examples';
import { PHONE_COUNTRIES, PHONE_METADATA } from '../../src/mask/phone-metadata.js';

function view(p: ReturnType<typeof parseMax>): unknown {
  if (!p) return undefined;
  return { number: p.number, country: p.country, valid: p.isValid(), type: p.getType(), national: p.formatNational() };
}

const KEPT = new Set<string>(PHONE_COUNTRIES);
const CODES = (PHONE_METADATA as unknown as { country_calling_codes: Record<string, string[]> }).country_calling_codes;

describe('bundled phone metadata', () => {
  it('answers as the max metadata for every kept country', () => {
    for (const country of PHONE_COUNTRIES) {
      const cc = getCountryCallingCode(country);
      const ex = getExampleNumber(country, examples)!.nationalNumber;
      fc.assert(
        fc.property(fc.integer({ min: 0, max: ex.length }), fc.stringMatching(/^[0-9]{0,14}$/), fc.constantFrom('+', '0', ''), (keep, tail, lead) => {
          const nsn = (ex.slice(0, keep) + tail).slice(0, 15);
          const text = lead === '+' ? `+${cc}${nsn}` : `${lead}${nsn}`;
          const opts = { defaultCountry: country as CountryCode, extract: false } as const;
          const max = parseMax(text, opts);
          const core = parseCore(text, opts, PHONE_METADATA);
          const kept = max?.country !== undefined && KEPT.has(max.country);
          if (max?.isValid() && kept) expect(view(core), `${country} ${text}`).toEqual(view(max));
          // Numbers of a country not kept (`00` + its calling code, or one sharing a calling
          // code with a kept country, like Jersey with GB) are never valid.
          else expect(core?.isValid() ?? false, `${country} ${text}`).toBe(false);
          if (max && max.countryCallingCode in CODES) expect(core?.formatNational(), `${country} ${text}`).toBe(max.formatNational());
        }),
        { numRuns: 400, seed: 16 },
      );
    }
  });

  it('keeps exactly the listed countries', () => {
    const meta = PHONE_METADATA as unknown as { countries: Record<string, unknown> };
    expect(Object.keys(meta.countries).sort()).toEqual([...PHONE_COUNTRIES].sort());
    expect(parseCore('+5511987654321', {}, PHONE_METADATA)?.isValid() ?? false).toBe(false);
    expect(parseMax('+5511987654321')?.isValid()).toBe(true);
  });
});
