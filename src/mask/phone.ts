/**
 * Phone numbers: normalise with libphonenumber-js (default region VN) to E.164, convert the
 * 2018 legacy 11-digit Vietnamese mobile prefixes, and mask for labels.
 *
 * The default label mask keeps only the last 3 digits (`*******567`): 7 of 10 digits hidden,
 * more than the 6 that GB/T 41833-2022 asks for.
 * @module
 */
import { parsePhoneNumberFromString, type CountryCode, type PhoneNumber } from 'libphonenumber-js/max';
import { guard, WaybillShieldError } from '../errors.js';

/** Kind of number, as libphonenumber-js's full metadata classifies it. */
export type PhoneType =
  | 'MOBILE'
  | 'FIXED_LINE'
  | 'FIXED_LINE_OR_MOBILE'
  | 'TOLL_FREE'
  | 'PREMIUM_RATE'
  | 'SHARED_COST'
  | 'VOIP'
  | 'PERSONAL_NUMBER'
  | 'PAGER'
  | 'UAN'
  | 'VOICEMAIL'
  | 'UNKNOWN';

/** A normalised phone number. Holds the number itself: treat it as PII. */
export interface NormalizedPhone {
  /** E.164, e.g. `+84901234567`. */
  e164: string;
  /** National format digits with the trunk prefix, e.g. `0901234567`. */
  national: string;
  /** ISO country, e.g. `VN`, when known. */
  country: string | undefined;
  /** Country calling code without `+`, e.g. `84`. */
  callingCode: string;
  /** Number type from the full metadata. */
  type: PhoneType;
  /** True when a pre-2018 11-digit mobile prefix (e.g. 0168…) was converted (→ 038…). */
  legacyConverted: boolean;
}

/** Options for {@link normalizePhone}. */
export interface NormalizePhoneOptions {
  /** Region for numbers written without a country code. Default `VN`. */
  defaultRegion?: CountryCode;
}

/** Masking styles for {@link maskPhone}. */
export type PhoneMaskStyle = 'last3' | 'first3-last3' | 'full';

/** Options for {@link maskPhone}. */
export interface MaskPhoneOptions extends NormalizePhoneOptions {
  /** Named style. Default `last3`. Ignored when `keepStart`/`keepEnd` are given. */
  style?: PhoneMaskStyle;
  /** Digits to keep at the start of the national number. */
  keepStart?: number;
  /** Digits to keep at the end of the national number. */
  keepEnd?: number;
  /** Mask character. Default `*`. */
  maskChar?: string;
}

/**
 * The fewest digits any mask hides, whatever the options ask. The default style hides 7 of a
 * Vietnamese number's 10 digits (GB/T 41833-2022 asks for 6); `first3-last3` (`090****567`)
 * shows the public network prefix and hides 4, and nothing may show more than that.
 */
export const MIN_HIDDEN_DIGITS = 4;
/** Most digits a mask may keep at either end: a kept run of 4 would be a searchable fragment. */
export const MAX_KEPT_RUN = 3;

/** Longest phone input accepted before parsing, in characters. */
const MAX_PHONE_INPUT = 64;

/**
 * The 2018 conversion of 11-digit mobile numbers (MIC decision 798/QĐ-BTTTT): old 3-digit
 * national prefix (after the trunk 0) → new 2-digit prefix.
 */
const LEGACY_MOBILE_PREFIXES: Readonly<Record<string, string>> = Object.freeze({
  // Viettel
  '162': '32', '163': '33', '164': '34', '165': '35', '166': '36', '167': '37', '168': '38', '169': '39',
  // MobiFone
  '120': '70', '121': '79', '122': '77', '126': '76', '128': '78',
  // VinaPhone
  '123': '83', '124': '84', '125': '85', '127': '81', '129': '82',
  // Vietnamobile
  '186': '56', '188': '58',
  // Gmobile
  '199': '59',
});

function invalidPhone(): WaybillShieldError {
  return new WaybillShieldError('INVALID_PHONE', 'not a valid Vietnamese or international number');
}

/**
 * Rewrite a pre-2018 11-digit VN mobile number to its 10-digit form. Returns the input unchanged
 * when it is not one. Works on digits only, so `0168 123 4567`, `+84 168…` and `84168…` all match.
 */
function convertLegacy(input: string, region: CountryCode): { text: string; converted: boolean } {
  const plus = input.trimStart().startsWith('+');
  const digits = input.replace(/\D/g, '');
  let nsn: string | undefined;
  if (plus || (region !== 'VN' && digits.startsWith('84'))) {
    if (digits.startsWith('84') && digits.length === 12) nsn = digits.slice(2);
  } else if (digits.startsWith('0') && digits.length === 11) {
    nsn = digits.slice(1);
  } else if (digits.startsWith('84') && digits.length === 12) {
    nsn = digits.slice(2);
  }
  if (nsn === undefined) return { text: input, converted: false };
  const to = LEGACY_MOBILE_PREFIXES[nsn.slice(0, 3)];
  if (!to) return { text: input, converted: false };
  return { text: `+84${to}${nsn.slice(3)}`, converted: true };
}

/**
 * Parse a valid number, or undefined: bounds, the `(+84)` bracket form, the legacy-prefix
 * conversion, then libphonenumber-js's parse and validity check. Never throws.
 */
function parseValid(input: unknown, region: CountryCode): { parsed: PhoneNumber; converted: boolean } | undefined {
  if (typeof input !== 'string' || input.length === 0 || input.length > MAX_PHONE_INPUT) return undefined;
  // `(+84) 901 234 567` is common on Vietnamese order forms; libphonenumber-js wants `+84 …`.
  const { text, converted } = convertLegacy(input.replace(/^\s*\(\s*(\+\d{1,3})\s*\)/, '$1 '), region);
  try {
    const parsed = parsePhoneNumberFromString(text, { defaultCountry: region, extract: false });
    return parsed && parsed.isValid() ? { parsed, converted } : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Parse and normalise a phone number.
 *
 * @param input - any common format: `0901 234 567`, `+84 90-123-4567`, `84901234567`, `0168 123 4567`
 * @param opts - default region (VN)
 * @returns E.164, national digits, country, type, and whether a legacy prefix was converted
 * @throws WaybillShieldError `INVALID_PHONE` (no digits in the message) when it is not a valid number
 * @example
 * ```ts
 * normalizePhone('0168 123 4567').e164 // '+84381234567'
 * ```
 */
export function normalizePhone(input: string, opts: NormalizePhoneOptions = {}): NormalizedPhone {
  return guard('INVALID_PHONE', 'not a valid Vietnamese or international number', () => {
    const region = typeof opts?.defaultRegion === 'string' ? opts.defaultRegion : 'VN';
    const r = parseValid(input, region);
    if (!r) throw invalidPhone();
    const { parsed, converted } = r;
    return {
      e164: parsed.number,
      national: parsed.formatNational().replace(/\D/g, ''),
      country: parsed.country,
      callingCode: parsed.countryCallingCode,
      type: (parsed.getType() ?? 'UNKNOWN') as PhoneType,
      legacyConverted: converted,
    };
  });
}

/**
 * E.164 of a valid number, or undefined. The validation path of `parseWaybill`: the same parse and
 * validity check as {@link normalizePhone}, without formatting or typing the number.
 * @internal
 */
export function phoneToE164(input: string, region: CountryCode = 'VN'): string | undefined {
  return parseValid(input, region)?.parsed.number;
}

/**
 * Boolean form of {@link normalizePhone}.
 * @param input - a phone number in any common format
 * @param opts - default region (VN)
 * @returns whether it normalises
 * @example
 * ```ts
 * isValidPhone('0901234567') // true
 * ```
 */
export function isValidPhone(input: string, opts: NormalizePhoneOptions = {}): boolean {
  try {
    normalizePhone(input, opts);
    return true;
  } catch {
    return false;
  }
}

function keepCounts(len: number, opts: MaskPhoneOptions): [number, number] {
  let start: number;
  let end: number;
  if (opts.keepStart !== undefined || opts.keepEnd !== undefined) {
    start = opts.keepStart ?? 0;
    end = opts.keepEnd ?? 0;
    if (!Number.isInteger(start) || !Number.isInteger(end) || start < 0 || end < 0 || start > MAX_KEPT_RUN || end > MAX_KEPT_RUN) {
      throw new WaybillShieldError('INVALID_POLICY', 'keepStart and keepEnd must be integers from 0 to 3');
    }
  } else {
    const style = opts.style ?? 'last3';
    if (style === 'last3') [start, end] = [0, 3];
    else if (style === 'first3-last3') [start, end] = [3, 3];
    else if (style === 'full') [start, end] = [0, 0];
    else throw new WaybillShieldError('INVALID_POLICY', 'unknown phone mask style');
  }
  // Whatever the options say, at least MIN_HIDDEN_DIGITS stay hidden: trim the kept start first,
  // since the last digits are what recipients recognise their parcel by.
  const budget = Math.max(0, len - MIN_HIDDEN_DIGITS);
  if (start + end > budget) {
    const over = start + end - budget;
    const cut = Math.min(start, over);
    start -= cut;
    end -= over - cut;
  }
  return [start, end];
}

/**
 * Mask a digit string with the given keep counts. Pure: no parsing.
 * @internal
 */
export function maskDigits(national: string, opts: MaskPhoneOptions = {}): string {
  const [start, end] = keepCounts(national.length, opts);
  const ch = typeof opts.maskChar === 'string' && opts.maskChar.length === 1 && !/\d/.test(opts.maskChar) ? opts.maskChar : '*';
  return national.slice(0, start) + ch.repeat(national.length - start - end) + national.slice(national.length - end);
}

/**
 * Mask a phone number for a label. The number is normalised first, so every input format of the
 * same number gives the same mask.
 *
 * @param input - a phone number in any common format
 * @param opts - style (`last3` default, `first3-last3`, `full`) or explicit keep counts
 * @returns e.g. `*******567`; at least 4 digits are always hidden, 7 by default
 * @throws WaybillShieldError `INVALID_PHONE` for an invalid number, `INVALID_POLICY` for bad options
 * @example
 * ```ts
 * maskPhone('0901234567')                              // '*******567'
 * maskPhone('0901234567', { style: 'first3-last3' })   // '090****567'
 * ```
 */
export function maskPhone(input: string, opts: MaskPhoneOptions = {}): string {
  return guard('INVALID_PHONE', 'not a valid Vietnamese or international number', () => {
    const p = normalizePhone(input, opts);
    const masked = maskDigits(p.national, opts ?? {});
    // Foreign numbers keep their calling code: it names a country, not a person.
    return p.callingCode === '84' ? masked : `+${p.callingCode} ${masked}`;
  });
}
