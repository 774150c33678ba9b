/**
 * The Vietnamese fast path (vnFastE164, used by parsePhoneField and phoneToE164) never answers
 * differently from libphonenumber-js: property tests over random digits, every Vietnamese
 * prefix (mobile, landline, toll-free, the pre-2018 11-digit mobiles and the pre-2017 landline
 * codes), national lengths 8 to 12, with `+84`, `0`, `84` or nothing in front, and separators.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { phoneToE164, phoneToE164Full, readPhoneField, vnFastE164 } from '../../src/mask/phone.js';

// Every 1-, 2- and 3-digit national prefix, so every current and old prefix is drawn.
const PREFIX = fc.oneof(
  fc.integer({ min: 0, max: 9 }).map(String),
  fc.integer({ min: 0, max: 99 }).map((n) => String(n).padStart(2, '0')),
  fc.integer({ min: 0, max: 999 }).map((n) => String(n).padStart(3, '0')),
  // Legacy mobiles (2018) and the 1800/1900 numbers.
  fc.constantFrom('162', '163', '164', '165', '166', '167', '168', '169', '120', '121', '122', '126', '128', '123', '124', '125', '127', '129', '186', '188', '199', '1800', '1900'),
);
const NATIONAL = fc.tuple(PREFIX, fc.integer({ min: 8, max: 12 }), fc.stringMatching(/^[0-9]{12}$/)).map(([p, len, tail]) => (p + tail).slice(0, Math.max(len, p.length)));
const LEAD = fc.constantFrom('0', '+84', '84', '', '+840', '0084', '+', '00');
const SEP = fc.constantFrom('', ' ', '.', '-', '  ', ' (', ') ');

/** A national number written with a lead and, sometimes, separators between random groups. */
const WRITTEN = fc.tuple(LEAD, NATIONAL, SEP, fc.array(fc.integer({ min: 1, max: 11 }), { maxLength: 3 })).map(([lead, nsn, sep, cuts]) => {
  let s = nsn;
  for (const c of [...new Set(cuts)].sort((a, b) => b - a)) if (c < s.length) s = s.slice(0, c) + sep + s.slice(c);
  return lead + s;
});

describe('Vietnamese phone fast path', () => {
  it('gives the libphonenumber-js answer whenever it answers', () => {
    let valid = 0;
    let invalid = 0;
    fc.assert(
      fc.property(WRITTEN, (s) => {
        const fast = vnFastE164(s);
        if (fast === null) return;
        if (fast === undefined) invalid++;
        else valid++;
        expect(fast, s).toBe(phoneToE164Full(s));
      }),
      { numRuns: 20_000, seed: 2018 },
    );
    // Not vacuous: the fast path answered many clean numbers both ways.
    expect(valid).toBeGreaterThan(100);
    expect(invalid).toBeGreaterThan(500);
  });

  it('leaves parsePhoneField and phoneToE164 unchanged, field by field', () => {
    fc.assert(
      fc.property(WRITTEN, (s) => {
        expect(readPhoneField(s, 'VN', true), s).toEqual(readPhoneField(s, 'VN', false));
        expect(phoneToE164(s), s).toBe(phoneToE164Full(s));
      }),
      { numRuns: 20_000, seed: 2017 },
    );
  });

  it('agrees on every 9- and 10-digit national number of every 3-digit prefix', () => {
    for (let p = 200; p <= 999; p++) {
      for (const tail of ['000000', '1234567', '9999999', '5550100']) {
        const nsn = `${p}${tail}`;
        for (const s of [`0${nsn}`, `+84${nsn}`]) expect(vnFastE164(s), s).toBe(phoneToE164Full(s));
      }
    }
  });

  it('answers clean numbers and declines everything else', () => {
    expect(vnFastE164('0901234567')).toBe('+84901234567');
    expect(vnFastE164('+84901234567')).toBe('+84901234567');
    expect(vnFastE164('02838291234')).toBe('+842838291234');
    expect(vnFastE164('0201234567')).toBeUndefined();
    for (const s of ['0901 234 567', '84901234567', '01681234567', '1900123456', '0084901234567', '+1 415 555 0100', '']) expect(vnFastE164(s), s).toBeNull();
  });
});
