/**
 * Phone numbers: normalise with libphonenumber-js (default region VN) to E.164, convert the
 * 2018 legacy 11-digit Vietnamese mobile prefixes, and mask for labels.
 *
 * The default label mask keeps only the last 3 digits (`*******567`): 7 of 10 digits hidden,
 * more than the 6 that GB/T 41833-2022 asks for.
 * @module
 */
import { isSupportedCountry, parsePhoneNumberWithError, type CountryCode, type PhoneNumber } from 'libphonenumber-js/core';
import { PHONE_METADATA } from './phone-metadata.js';
import { guard, WaybillShieldError } from '../errors.js';
import { LANDLINE_CODE_CHANGES, subscriberLength } from './_landline-codes.js';
import { PHONE_FIELD_MAX_LENGTH } from '../_limits.js';

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
  const parsed = parsePhone(text, region);
  return parsed && parsed.isValid() ? { parsed, converted } : undefined;
}

/**
 * libphonenumber-js's parse of `text` (not extracted from surrounding text), or undefined when it
 * does not parse. The same answer as its `parsePhoneNumberFromString`, which drops a default
 * region the metadata does not know and returns undefined on a parse error, through the smaller
 * `parsePhoneNumberWithError` (the bundle then carries one parse entry, not two). Never throws.
 * @param text - the number as written
 * @param region - region for a number written without a country code, if any
 * @returns the parsed number, valid or not, or undefined
 * @internal
 */
export function parsePhone(text: string, region: CountryCode | undefined): PhoneNumber | undefined {
  const defaultCountry = region !== undefined && isSupportedCountry(region, PHONE_METADATA) ? region : undefined;
  try {
    return parsePhoneNumberWithError(text, { defaultCountry, extract: false }, PHONE_METADATA);
  } catch {
    return undefined;
  }
}

//#region Vietnamese fast path

/** One number type of the bundled metadata: its pattern and the national-number lengths it allows. */
interface FastType {
  readonly re: RegExp;
  readonly lengths: readonly number[];
}

/**
 * The Vietnamese record of the bundled metadata, read the way libphonenumber-js reads it
 * (metadata v4: national-number pattern at 2, possible lengths at 3, types at 11, each type
 * `[pattern, lengths?]` with the country's lengths when absent). Undefined, and the fast path
 * off, if the record ever has another shape.
 */
function vnFastPlan(): { national: RegExp; types: readonly FastType[] } | undefined {
  const record = (PHONE_METADATA as unknown as { countries?: Record<string, unknown> }).countries?.['VN'];
  if (!Array.isArray(record)) return undefined;
  const [national, lengths, types] = [record[2], record[3], record[11]];
  if (typeof national !== 'string' || !Array.isArray(lengths) || !Array.isArray(types)) return undefined;
  const out: FastType[] = [];
  for (const t of types) {
    // An absent type is `0`; a type without a pattern never matches (libphonenumber-js's isNumberTypeEqualTo).
    if (!Array.isArray(t) || typeof t[0] !== 'string' || t[0] === '') continue;
    out.push({ re: new RegExp(`^(?:${t[0]})$`), lengths: Array.isArray(t[1]) ? (t[1] as number[]) : (lengths as number[]) });
  }
  return { national: new RegExp(`^(?:${national})$`), types: out };
}

// Built on first use: a top-level call would keep the metadata in bundles that never parse a
// phone (tree-shaking cannot drop a call), such as the courier-app import.
let vnFast: ReturnType<typeof vnFastPlan> | null = null;

// An already clean Vietnamese number: trunk `0` or `+84`, then the national number with no
// separator. National numbers starting with 0 or 1 (the `00` international prefix, 1800/1900
// numbers and the pre-2018 11-digit mobiles) are left to the full path.
const VN_CLEAN = /^(?:0|\+84)([2-9][0-9]{7,9})$/;

/**
 * Vietnamese fast path: the E.164 of an already clean Vietnamese number (`0901234567`,
 * `+84901234567`) checked against the bundled metadata's Vietnamese patterns, the way
 * libphonenumber-js validates a number of a country with number types: the national-number
 * pattern, then any type whose pattern and lengths match. Never a different answer than the
 * full path; test/mask/phone-fast.test.ts checks that result for result.
 * @param input - the phone text as given
 * @returns E.164 when valid, `undefined` when invalid, `null` when the input is not a clean
 *   Vietnamese number and the full path must decide
 * @internal
 */
export function vnFastE164(input: string): string | undefined | null {
  const m = VN_CLEAN.exec(input);
  if (m === null) return null;
  if (vnFast === null) vnFast = vnFastPlan();
  if (vnFast === undefined) return null;
  const nsn = m[1]!;
  if (!vnFast.national.test(nsn)) return undefined;
  for (const t of vnFast.types) if (t.lengths.includes(nsn.length) && t.re.test(nsn)) return `+84${nsn}`;
  return undefined;
}

//#endregion

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
  if (region === 'VN' && typeof input === 'string') {
    const fast = vnFastE164(input);
    if (fast !== null) return fast;
  }
  return parseValid(input, region)?.parsed.number;
}

/**
 * {@link phoneToE164} without the Vietnamese fast path: libphonenumber-js alone.
 * @internal
 */
export function phoneToE164Full(input: string, region: CountryCode = 'VN'): string | undefined {
  return parseValid(input, region)?.parsed.number;
}

//#region phone fields as typed

export { PHONE_FIELD_MAX_LENGTH } from '../_limits.js';

/** What {@link parsePhoneField} found in a phone field. Holds numbers and free text: treat it as PII. */
export interface PhoneField {
  /** E.164 of the first valid number. */
  e164: string;
  /** E.164 of the second valid number, when there is one. */
  alt?: string;
  /**
   * Everything else the field held (a name, `zalo`, an extension, further numbers), with the
   * numbers taken out and label words (`ĐT:`, `SĐT`, `Tel`, `hoặc`) dropped; `''` when nothing is left.
   */
  rest: string;
  /** True when a pre-2017 landline area code was converted (`08 3829 1234` → `028 3829 1234`). */
  landlineConverted: boolean;
}

/** One run of ASCII digits in the (width-normalised) field. */
interface Group {
  readonly start: number;
  readonly end: number;
  readonly digits: string;
  /** A `+` stands right before it (spaces allowed). */
  readonly plus: boolean;
  /** Written inside brackets: `(08)`. */
  readonly bracketed: boolean;
}

// Characters that may sit inside one written number: `0903 456 789`, `0903.456.789`,
// `0903-456-789`, `(08) 3829 1234`, `0903_456_789`. At most 3 of them between two digit groups.
const JOIN = /^[\s.\-()_]{1,3}$/u;
const DIGITS = /[0-9]+/g;
// Words that only label the number or join two of them. Dropped from the rest.
const LABEL_WORDS =
  /(?<![\p{L}\p{N}])(?:s[đd]t|[đd]t|tel|phone|mobile|mob|hotline|điện thoại|dien thoai|đthoại|di động|di dong|số|so|hoặc|hoac|or|và|va|gọi|goi)(?![\p{L}\p{N}])/giu;

function groupsOf(s: string): Group[] {
  const out: Group[] = [];
  for (const m of s.matchAll(DIGITS)) {
    const start = m.index!;
    const end = start + m[0].length;
    let k = start - 1;
    while (k >= 0 && s[k] === ' ') k--;
    const plus = s[k] === '+';
    out.push({ start, end, digits: m[0], plus, bracketed: s[start - 1] === '(' && s[end] === ')' });
  }
  return out;
}

/**
 * The 2017 landline conversion of national digits (trunk `0` first), or undefined when they do
 * not start with an old area code followed by the right number of subscriber digits.
 */
function convertLandline(national: string): { digits: string; codeLength: number } | undefined {
  if (national[0] !== '0') return undefined;
  const d = national.slice(1);
  for (let len = 3; len >= 1; len--) {
    const code = d.slice(0, len);
    const to = LANDLINE_CODE_CHANGES[code];
    if (to !== undefined && d.length - len === subscriberLength(code)) return { digits: `0${to}${d.slice(len)}`, codeLength: len };
  }
  return undefined;
}

/**
 * Read one number made of `groups` (consecutive digit groups of one written chain), or undefined.
 * Old landline codes are converted when the plain reading is not a valid number, or when the
 * writing shows the old code as an area code: bracketed or standing as its own group, and (for a
 * code that is also a mobile prefix today) followed by a group of 4 or more digits, since a
 * mobile is grouped `037 385 2123` and an old landline `037 3852 123`.
 */
function readNumber(groups: readonly Group[], region: CountryCode, fast: boolean): { e164: string; landline: boolean } | undefined {
  const e164Of = fast ? phoneToE164 : phoneToE164Full;
  const plus = groups[0]!.plus;
  const digits = groups.map((g) => g.digits).join('');
  if (digits.length < 8 || digits.length > 15) return undefined;
  const plain = e164Of(plus ? `+${digits}` : digits, region);
  // National digits and which group holds the area code (a separate `84` group is skipped).
  let national: string | undefined;
  let codeGroup = 0;
  if (plus || (digits.startsWith('84') && !digits.startsWith('0'))) {
    if (digits.startsWith('84')) {
      national = `0${digits.slice(2)}`;
      if (groups[0]!.digits === '84') codeGroup = 1;
    }
  } else if (digits.startsWith('0')) national = digits;
  const land = national !== undefined && (region === 'VN' || plus) ? convertLandline(national) : undefined;
  if (land !== undefined) {
    const converted = e164Of(land.digits, 'VN');
    if (converted !== undefined) {
      if (plain === undefined) return { e164: converted, landline: true };
      const g = groups[codeGroup];
      const gDigits = g ? g.digits.replace(/^84/, '').replace(/^0?/, '') : '';
      const shownAsCode = g !== undefined && gDigits.length === land.codeLength && (g.bracketed || groups.length > codeGroup + 1);
      const next = groups[codeGroup + 1];
      if (shownAsCode && (g.bracketed || (next !== undefined && next.digits.length >= 4))) {
        return { e164: converted, landline: true };
      }
    }
  }
  return plain === undefined ? undefined : { e164: plain, landline: false };
}

function cleanRest(text: string): string {
  return text
    .replace(LABEL_WORDS, ' ')
    .replace(/\(\s*[\p{P}\p{S}\s]*\)/gu, ' ')
    .replace(/\s+/gu, ' ')
    .replace(/^[\s\p{P}\p{S}]+|[\s\p{P}\p{S}]+$/gu, (m) => (/[()]/.test(m) ? m.replace(/[^()]/g, '') : ''))
    .replace(/^\)+|\(+$/g, '')
    .trim();
}

// A field that is one Vietnamese number, its groups split by single spaces, dots or dashes:
// at most 7 groups, so it is one chain for the full path too.
const VN_SPLIT = /^\+?[0-9]+(?:[ .-][0-9]+){0,6}$/;

/**
 * The fast path of {@link readPhoneField}: the E.164 of a field that is exactly one valid,
 * already clean Vietnamese number (`0901234567`, `+84 901 234 567`, `0901.234.567`), or
 * undefined to let the full path decide. The full path reads such a field as one chain whose
 * plain reading is valid, so it takes that reading, unless the number also reads as an old
 * landline code, where the grouping decides: those are left to it.
 */
function vnFastField(input: string): string | undefined {
  if (!VN_SPLIT.test(input)) return undefined;
  const clean = input.replace(/[ .-]/g, '');
  const e164 = vnFastE164(clean);
  if (typeof e164 !== 'string') return undefined;
  if (clean !== input && convertLandline(`0${e164.slice(3)}`) !== undefined) return undefined;
  return e164;
}

/**
 * Read a phone field as people type it: labels (`ĐT:`, `zalo:`), a name in brackets, two numbers
 * joined by `hoặc`, `;`, `,` or `/`, a trailing dot, full-width digits, legacy 11-digit mobiles and
 * pre-2017 landline area codes.
 *
 * The field is width-normalised (NFKC) first. Digit groups joined by at most three spaces, dots,
 * dashes, underscores or brackets form one written chain; in each chain the longest run of groups
 * that is a valid number is taken, left to right. The first number is the phone, the second is
 * `alt`, and everything else is `rest`.
 *
 * @param input - the phone field, at most {@link PHONE_FIELD_MAX_LENGTH} characters
 * @param region - region for numbers written without a country code (default `VN`)
 * @returns the numbers and the rest, or undefined when no valid number is present
 * @example
 * ```ts
 * parsePhoneField('0903 456 789 (chị Hoa)')     // { e164: '+84903456789', rest: '(chị Hoa)', … }
 * parsePhoneField('0903456789 hoặc 0978123456') // { e164: '+84903456789', alt: '+84978123456', rest: '', … }
 * parsePhoneField('08 3829 1234').e164          // '+842838291234'
 * ```
 */
export function parsePhoneField(input: string, region: CountryCode = 'VN'): PhoneField | undefined {
  return readPhoneField(input, region, true);
}

/**
 * {@link parsePhoneField}, with or without the Vietnamese fast path (`fast = false` is
 * libphonenumber-js alone, for the equivalence tests).
 * @internal
 */
export function readPhoneField(input: string, region: CountryCode, fast: boolean): PhoneField | undefined {
  if (typeof input !== 'string' || input.length === 0 || input.length > PHONE_FIELD_MAX_LENGTH) return undefined;
  if (fast && region === 'VN') {
    const e164 = vnFastField(input);
    if (e164 !== undefined) return { e164, rest: '', landlineConverted: false };
  }
  const s = input.normalize('NFKC').replace(/\+\s*84\s*\(\s*0\s*\)/g, '+84 ');
  const groups = groupsOf(s);
  const found: { e164: string; start: number; end: number; landline: boolean }[] = [];
  let i = 0;
  while (i < groups.length) {
    // The chain that starts here: groups joined by short runs of in-number separators.
    let last = i;
    while (last + 1 < groups.length && last - i < 6 && JOIN.test(s.slice(groups[last]!.end, groups[last + 1]!.start))) last++;
    let taken = -1;
    for (let j = last; j >= i; j--) {
      const r = readNumber(groups.slice(i, j + 1), region, fast);
      if (r !== undefined) {
        let start = groups[i]!.start;
        if (groups[i]!.plus) start = s.lastIndexOf('+', start);
        found.push({ e164: r.e164, start, end: groups[j]!.end, landline: r.landline });
        taken = j;
        break;
      }
    }
    i = taken >= 0 ? taken + 1 : i + 1;
  }
  if (found.length === 0) return undefined;
  let rest = '';
  let at = 0;
  for (const f of found.slice(0, 2)) {
    rest += `${s.slice(at, f.start)} `;
    at = f.end;
  }
  rest += s.slice(at);
  const out: PhoneField = { e164: found[0]!.e164, rest: cleanRest(rest), landlineConverted: found[0]!.landline };
  if (found[1] !== undefined) out.alt = found[1].e164;
  return out;
}

//#endregion

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
