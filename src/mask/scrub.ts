/**
 * Free-text PII scrubbing: masks phone numbers, emails, citizen ID numbers, bank accounts and
 * URLs with query strings inside notes, goods descriptions and address lines, and keeps the
 * rest of the text as it was.
 *
 * Phones are found by scanning chains of digit groups split by spaces, dots, dashes, brackets
 * or other short punctuation, and asking libphonenumber-js (default region VN, the library's
 * own metadata) whether a run of groups is a valid number; Vietnamese numbers are shape-checked
 * by their national prefixes. libphonenumber-js's text finder is not used: it would add about
 * 24 KB of minified code to every bundle for what the chain scan already finds. Each find is
 * replaced by a fixed placeholder ({@link SCRUB_PLACEHOLDERS}) that says what was there but not
 * how long it was.
 *
 * Every pass is a left-to-right scan, or a regular expression anchored at one end of a short,
 * bounded window, so the cost grows linearly with the input. Input is bounded by
 * {@link SCRUB_MAX_LENGTH}; longer text is refused rather than truncated, because cutting a
 * phone number in half at the boundary would leave half of it readable.
 * @module
 */

import { isSupportedCountry, type CountryCode } from 'libphonenumber-js/core';
import { PHONE_METADATA } from './phone-metadata.js';
import { parsePhone } from './phone.js';
import { foldDiacritics } from '../_fold.js';
import { guard, WaybillShieldError } from '../errors.js';

/** The kinds of PII {@link scrubText} masks. */
export type ScrubKind = 'url' | 'email' | 'bank-account' | 'id' | 'phone' | 'number';

/** Options for {@link scrubText}. */
export interface ScrubOptions {
  /** Which kinds to mask; all of them by default. */
  kinds?: readonly ScrubKind[];
  /** Region for numbers written without a country code; `VN` by default. */
  defaultCountry?: CountryCode;
}

/**
 * The placeholder each kind is replaced with. Fixed strings: the length of what was masked does
 * not show. None contains a digit, `@`, `?` or a separator, so scrubbing twice changes nothing.
 * - `url`: a URL with a query string (tracking links, shop links carrying order or user ids);
 * - `email`: an email address;
 * - `bank-account`: a digit run after `STK`, `số tài khoản`, `tk`, `ck` or a bank's name;
 * - `id`: a 12-digit CCCD or 9-digit CMND number, or digits after `CCCD`/`CMND`;
 * - `phone`: a phone number, Vietnamese or international;
 * - `number`: any other run of 10 or more digits with a group of at least four (a money amount
 *   in thousands groups such as `1.500.000.000` excepted), which may be an unrecognised phone or
 *   account number.
 */
export const SCRUB_PLACEHOLDERS: Readonly<Record<ScrubKind, string>> = Object.freeze({
  url: '[URL]',
  email: '[email]',
  'bank-account': '[STK]',
  id: '[ID]',
  phone: '[SĐT]',
  number: '[SỐ]',
});

/** Longest text {@link scrubText} accepts, in UTF-16 code units. */
export const SCRUB_MAX_LENGTH = 10_000;

const ALL_KINDS: readonly ScrubKind[] = Object.freeze(['url', 'email', 'bank-account', 'id', 'phone', 'number']);

interface Span {
  readonly start: number;
  readonly end: number;
  readonly kind: ScrubKind;
}

function applySpans(text: string, spans: readonly Span[]): string {
  if (spans.length === 0) return text;
  const sorted = [...spans].sort((a, b) => a.start - b.start);
  let out = '';
  let at = 0;
  for (const s of sorted) {
    if (s.start < at) continue; // overlaps an earlier replacement
    out += text.slice(at, s.start) + SCRUB_PLACEHOLDERS[s.kind];
    at = s.end;
  }
  return out + text.slice(at);
}

//#region URLs
const URL_START = /^(?:https?:\/\/|www\.)/i;
// Anchored, and each class excludes the `.` that separates them: no backtracking.
const DOMAIN_PATH = /^[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)+[/?]/u;
const LEADING = /^[(<[{"'«“‘]+/u;
const TRAILING = /[.,;:!?)\]}>"'»”’]+$/u;

function urlSpans(text: string): Span[] {
  const spans: Span[] = [];
  // Only a URL with a query string is masked: without a `?` there is nothing to look at.
  if (!text.includes('?')) return spans;
  for (const m of text.matchAll(/\S+/g)) {
    const word = m[0];
    const lead = LEADING.exec(word)?.[0].length ?? 0;
    const trail = TRAILING.exec(word.slice(lead))?.[0].length ?? 0;
    const core = word.slice(lead, word.length - trail);
    const q = core.indexOf('?');
    if (q < 0 || q === core.length - 1) continue;
    if (!URL_START.test(core) && !DOMAIN_PATH.test(core)) continue;
    spans.push({ start: m.index + lead, end: m.index + lead + core.length, kind: 'url' });
  }
  return spans;
}
//#endregion

//#region emails
const LOCAL_CHAR = /[\p{L}\p{N}_.%+'-]/u;
const DOMAIN_CHAR = /[\p{L}\p{N}.-]/u;
// The longest domain at the start of what follows `@`; the top-level label is letters only, so
// `a@gmail.com0901234567` ends at `.com` whether or not the digits have been masked yet.
const DOMAIN = /^[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)*\.\p{L}{2,}/u;

function emailSpans(text: string): Span[] {
  const spans: Span[] = [];
  let taken = 0;
  // Scans outward from each `@`; a scan stops at the neighbouring `@`, so the total is linear.
  for (let at = text.indexOf('@'); at >= 0; at = text.indexOf('@', at + 1)) {
    let start = at;
    // A local part never reaches back into the previous address.
    while (start > taken && LOCAL_CHAR.test(text[start - 1]!)) start--;
    while (start < at && text[start] === '.') start++;
    let end = at + 1;
    while (end < text.length && DOMAIN_CHAR.test(text[end]!)) end++;
    const domain = DOMAIN.exec(text.slice(at + 1, end));
    if (start === at || !domain) continue;
    taken = at + 1 + domain[0].length;
    spans.push({ start, end: taken, kind: 'email' });
  }
  return spans;
}
//#endregion

//#region digit groups and chains
/** A maximal run of ASCII digits. */
interface Group {
  readonly start: number;
  readonly end: number;
}

// What may sit between the digit groups of one written number: `0901 234 567`, `090.123.4567`,
// `+84 (90) 123-4567`. At most three such characters.
const GAP_CHARS = new Set([' ', '\t', '\u00a0', '\u2009', '\u202f', '.', '-', '–', '(', ')']);
const MAX_GAP = 3;

const isDigit = (c: string | undefined): boolean => c !== undefined && c >= '0' && c <= '9';

// Between the groups of a written phone number any short run of punctuation or spaces counts:
// `0901_234_567`, `0901,234,567`, `0901·234·567`, `0901*234*567`. Not `+`, which starts a
// number, nor `/` and `:`, which write dates and times (`12/05/2025 08:30` is not a phone).
const PHONE_GAP = /^[\p{P}\p{Zs}\p{S}\t]$/u;
const isPhoneGapChar = (c: string): boolean => c !== '+' && c !== '/' && c !== ':' && (GAP_CHARS.has(c) || PHONE_GAP.test(c));

// The wide phone pass also joins groups across up to four of the separators libphonenumber-js
// allows inside a number (its VALID_PUNCTUATION: dashes, dots, spaces, brackets, tildes; not slashes),
// as in `+1 415 - 555 0100`, `0312    345678` or `+44 20 ~ 7183 8750`.
const WIDE_GAP = /^[\p{P}\p{Zs}\p{S}\t\u00ad\u200b\u2060]$/u;
const MAX_WIDE_GAP = 4;
// `+` starts a number and `:` writes times. A slash may join groups, but see chainPhoneSpans.
const WIDE_EXCLUDED = new Set(['+', '\uff0b', ':']);
const isWideGapChar = (c: string): boolean => !WIDE_EXCLUDED.has(c) && WIDE_GAP.test(c);

/** How digit groups may be joined: the usual separators, any short punctuation, or the wide set. */
type GapMode = 'plain' | 'phone' | 'wide';

/**
 * Digit groups joined into chains: groups separated only by a short gap of separators. The
 * phone pass accepts any punctuation in a gap; identifiers and long numbers only the usual ones.
 */
function digitChains(text: string, mode: GapMode = 'plain'): Group[][] {
  const chains: Group[][] = [];
  let chain: Group[] = [];
  let i = 0;
  while (i < text.length) {
    if (!isDigit(text[i])) {
      i++;
      continue;
    }
    const start = i;
    while (isDigit(text[i])) i++;
    const group = { start, end: i };
    const prev = chain[chain.length - 1];
    if (prev && isGap(text, prev.end, start, mode)) chain.push(group);
    else {
      if (chain.length > 0) chains.push(chain);
      chain = [group];
    }
  }
  if (chain.length > 0) chains.push(chain);
  return chains;
}

function isGap(text: string, from: number, to: number, mode: GapMode): boolean {
  if (to - from < 1 || to - from > (mode === 'wide' ? MAX_WIDE_GAP : MAX_GAP)) return false;
  const ok = mode === 'wide' ? isWideGapChar : mode === 'phone' ? isPhoneGapChar : (c: string) => GAP_CHARS.has(c);
  for (let k = from; k < to; k++) if (!ok(text[k]!)) return false;
  return true;
}

function digitsOf(text: string, groups: readonly Group[]): string {
  let d = '';
  for (const g of groups) d += text.slice(g.start, g.end);
  return d;
}

/**
 * `+` just before a group, allowing `(` and a space in between: `+84`, `(+84)`, `+ 84`; in the
 * wide pass up to four separators of any kind (`+ - 84`, `+—81`).
 */
function plusBefore(text: string, at: number, wide = false): number {
  for (let k = at - 1; k >= 0 && k >= at - (wide ? 1 + MAX_WIDE_GAP : 3); k--) {
    const c = text[k]!;
    if (c === '+') return k;
    if (wide ? !isWideGapChar(c) : c !== '(' && c !== ' ') return -1;
  }
  return -1;
}
//#endregion

//#region keyword context (bank accounts, ID numbers)
const CONTEXT_WINDOW = 40;
// Anchored at the end of a window of at most 40 folded characters; bounded work per chain.
const BANK_CONTEXT =
  /(?:^|[^a-z0-9])(?:stk|so tk|so tai khoan|tai khoan|tk|account|acct|acc|a\/c|ck|chuyen khoan|ngan hang|bank|iban|vcb|vietcombank|techcombank|tcb|mb|mbbank|acb|bidv|vietinbank|agribank|tpbank|vpbank|sacombank|vib|shb|ocb|hdbank|msb|seabank|momo|zalopay)[^a-z0-9]*(?:(?:la|so|cua|ngan hang)[^a-z0-9]+){0,2}$/;
const ID_CONTEXT =
  /(?:^|[^a-z0-9])(?:cccd|cmnd|cmt|can cuoc|can cuoc cong dan|chung minh|chung minh nhan dan|chung minh thu|so dinh danh|dinh danh|ma dinh danh|id)[^a-z0-9]*(?:(?:la|so)[^a-z0-9]+){0,2}$/;

const PLACEHOLDER = /\[(?:URL|email|STK|ID|SĐT|SỐ)\]/gu;

function contextBefore(text: string, at: number): string {
  let window = text.slice(Math.max(0, at - CONTEXT_WINDOW), at);
  // A placeholder stands where digits or an address were, so it must block a keyword the way
  // they did (`[ID]` is not the keyword `id`); a placeholder cut by the window edge too.
  const close = window.indexOf(']');
  const open = window.indexOf('[');
  if (close >= 0 && (open < 0 || close < open)) window = '0' + window.slice(close + 1);
  return foldDiacritics(window.replace(PLACEHOLDER, '0'));
}

function keywordSpans(text: string, kinds: ReadonlySet<ScrubKind>): Span[] {
  const spans: Span[] = [];
  for (const chain of digitChains(text)) {
    const first = chain[0]!;
    const last = chain[chain.length - 1]!;
    const n = digitsOf(text, chain).length;
    // Neither an account (6–20 digits) nor an ID (9–12): no need to fold the context.
    if (n < 6 || n > 20) continue;
    const context = contextBefore(text, first.start);
    if (kinds.has('bank-account') && n >= 6 && n <= 20 && BANK_CONTEXT.test(context)) {
      spans.push({ start: first.start, end: last.end, kind: 'bank-account' });
    } else if (kinds.has('id') && n >= 9 && n <= 12 && ID_CONTEXT.test(context)) {
      spans.push({ start: first.start, end: last.end, kind: 'id' });
    }
  }
  return spans;
}
//#endregion

//#region phones
// Vietnamese national numbers: 10-digit mobiles (03, 05, 07, 08, 09), 11-digit landlines (02x),
// and the legacy 11-digit mobiles (01x) still written on old contact cards.
// Landline area codes are 024, 028 and 0203–0299; legacy mobile prefixes 012x, 016x, 0186, 0188, 0199.
const VN_NATIONAL = /^0(?:[35789]\d{8}|2(?:0[3-9]|[1-9]\d)\d{7}|1(?:2\d|6[2-9]|8[68]|99)\d{7})$/;
const MAX_PHONE_DIGITS = 15;

function vnFromCountryCode(rest: string): boolean {
  // `+84 (0) 90…` writes the trunk 0 after the country code.
  return VN_NATIONAL.test('0' + (rest.startsWith('0') ? rest.slice(1) : rest));
}

/** libphonenumber-js's validity of a number (its `isValidPhoneNumber`), through the one parse entry phone.ts uses. */
function isValidNumber(text: string, region: CountryCode | undefined): boolean {
  return parsePhone(text, region)?.isValid() ?? false;
}

function isPhoneDigits(d: string, plus: boolean, country: CountryCode): boolean {
  if (plus) {
    if (d.startsWith('84')) return vnFromCountryCode(d.slice(2));
    return d.length >= 8 && isValidNumber('+' + d, undefined);
  }
  if (country !== 'VN') return d.length >= 7 && isValidNumber(d, country);
  if (d.startsWith('0084')) return vnFromCountryCode(d.slice(4));
  if (d.startsWith('00') && d.length > 9) return isValidNumber('+' + d.slice(2), undefined);
  if (d.startsWith('84') && (d.length === 11 || d.length === 12)) return vnFromCountryCode(d.slice(2));
  return VN_NATIONAL.test(d);
}

function hasSlash(text: string, from: number, to: number): boolean {
  for (let k = from; k < to; k++) if (text[k] === '/' || text[k] === '\uff0f') return true;
  return false;
}

/**
 * Phones: within each chain of digit groups, the earliest start whose groups form a phone
 * number, taking the longest such run. At most 15 digits are tried per start, so the work per
 * chain is linear. The first pass joins groups across up to three separators; the `wide` pass,
 * run after it, across up to four of any punctuation (as libphonenumber-js's finder did) and
 * after a `+` followed by separators (`+ - 84 …`).
 */
function chainPhoneSpans(text: string, country: CountryCode, wide = false): Span[] {
  const spans: Span[] = [];
  for (const chain of digitChains(text, wide ? 'wide' : 'phone')) {
    let s = 0;
    while (s < chain.length) {
      const plusAt = plusBefore(text, chain[s]!.start, wide);
      let digits = '';
      let found = -1;
      let slash = false;
      for (let e = s; e < chain.length; e++) {
        const g = chain[e]!;
        if (e > s && hasSlash(text, chain[e - 1]!.end, g.start)) slash = true;
        digits += text.slice(g.start, g.end);
        if (digits.length > MAX_PHONE_DIGITS) break;
        // A number written across a slash (`084.90123/4567`) must be the whole chain: a slash
        // more often stands between two numbers (`0901234567/0912345678`).
        if (slash && (s !== 0 || e !== chain.length - 1)) continue;
        if (isPhoneDigits(digits, plusAt >= 0, country)) found = e;
      }
      if (found < 0) {
        s++;
        continue;
      }
      let start = plusAt >= 0 ? plusAt : chain[s]!.start;
      if (start > 0 && text[start - 1] === '(') start--;
      let end = chain[found]!.end;
      if (text[start] === '(' && text[end] === ')') end++;
      spans.push({ start, end, kind: 'phone' });
      s = found + 1;
    }
  }
  return spans;
}
//#endregion

//#region bare IDs and long numbers
function bareIdSpans(text: string): Span[] {
  const spans: Span[] = [];
  for (const chain of digitChains(text)) {
    for (const g of chain) {
      const n = g.end - g.start;
      if (plusBefore(text, g.start) >= 0) continue;
      // CCCD numbers start with a 3-digit province code 001–096, so with 0; CMND has 9 digits.
      if (n === 9 || (n === 12 && text[g.start] === '0')) spans.push({ start: g.start, end: g.end, kind: 'id' });
    }
  }
  return spans;
}

/** `1.500.000.000` or `2 000 000 000`: a money amount in thousands groups, not an identifier. */
function isGroupedAmount(text: string, chain: readonly Group[]): boolean {
  const first = chain[0]!;
  if (chain.length < 2 || first.end - first.start > 3) return false;
  const sep = text[first.end];
  for (let k = 1; k < chain.length; k++) {
    const g = chain[k]!;
    if (g.end - g.start !== 3 || g.start - chain[k - 1]!.end !== 1 || text[g.start - 1] !== sep) return false;
  }
  return sep === '.' || sep === ' ';
}

function longNumberSpans(text: string): Span[] {
  const spans: Span[] = [];
  for (const chain of digitChains(text)) {
    // Ten digits in groups of one to three are a run of small numbers (`12 3 2 150.000`), not an
    // identifier; identifiers are written with at least one group of four or more.
    const wide = chain.some((g) => g.end - g.start >= 4);
    if (wide && digitsOf(text, chain).length >= 10 && !isGroupedAmount(text, chain)) {
      spans.push({ start: chain[0]!.start, end: chain[chain.length - 1]!.end, kind: 'number' });
    }
  }
  return spans;
}
//#endregion

// Read-only, so every call without options can share it.
const ALL_KINDS_SET: ReadonlySet<ScrubKind> = new Set(ALL_KINDS);

function readOptions(opts: ScrubOptions | undefined): { kinds: ReadonlySet<ScrubKind>; country: CountryCode } {
  if (opts === undefined) return { kinds: ALL_KINDS_SET, country: 'VN' };
  if (typeof opts !== 'object' || opts === null) {
    throw new WaybillShieldError('INVALID_INPUT', 'scrubText options: has the wrong type');
  }
  const rawKinds: unknown = opts.kinds;
  let kinds: ReadonlySet<ScrubKind> = ALL_KINDS_SET;
  if (rawKinds !== undefined) {
    if (!Array.isArray(rawKinds) || !rawKinds.every((k) => (ALL_KINDS as readonly unknown[]).includes(k))) {
      throw new WaybillShieldError('INVALID_INPUT', 'scrubText options.kinds: is not one of the allowed values');
    }
    kinds = new Set(rawKinds as ScrubKind[]);
  }
  const country: unknown = opts.defaultCountry ?? 'VN';
  if (typeof country !== 'string' || !isSupportedCountry(country as CountryCode, PHONE_METADATA)) {
    throw new WaybillShieldError('INVALID_INPUT', 'scrubText options.defaultCountry: is not one of the allowed values');
  }
  return { kinds, country: country as CountryCode };
}

/**
 * Mask the PII embedded in a free-text field and keep everything else.
 *
 * Passes run in this order, each on the previous one's output: URLs with a query string,
 * emails, digits after a bank-account or ID keyword, phones (runs of digit groups that
 * libphonenumber-js validates; then runs split by longer or rarer separators), bare 12-digit
 * CCCD / 9-digit CMND numbers, and any other run of 10 or more digits. Digits of any script
 * (full-width, Arabic-Indic, …) are read as ASCII digits. The result is stable: scrubbing it again returns it unchanged.
 *
 * @param text - a note, goods description or address line, at most {@link SCRUB_MAX_LENGTH} characters
 * @param opts - which kinds to mask (all by default) and the default region (`VN`)
 * @returns the text with each find replaced by its {@link SCRUB_PLACEHOLDERS} entry
 * @throws WaybillShieldError `INVALID_INPUT` when `text` is not a string or is too long, or the
 *   options are invalid; the message never contains the text
 * @example
 * ```ts
 * scrubText('Gọi 0901 234 567 hoặc mail lan.nguyen@gmail.com, STK 0123456789 VCB')
 * // → 'Gọi [SĐT] hoặc mail [email], STK [STK] VCB'
 * ```
 */
export function scrubText(text: string, opts?: ScrubOptions): string {
  if (typeof text !== 'string') {
    throw new WaybillShieldError('INVALID_INPUT', 'scrubText text: must be a string');
  }
  if (text.length > SCRUB_MAX_LENGTH) {
    throw new WaybillShieldError('INVALID_INPUT', 'scrubText text: is too long');
  }
  return guard('INVALID_INPUT', 'scrubText: text could not be processed', () => {
    const { kinds, country } = readOptions(opts);
    // A mask changes the context of what is left (a pass that refused `+ 300000000 - 0240…`
    // may accept `+ 300000000` alone), so run the passes again until nothing changes. Each
    // round removes digits; real text settles in two rounds, and the cap keeps the cost linear.
    let out = scrubOnce(text, kinds, country);
    // A round is a pure function of its input: when the first changed nothing, a second one
    // would return the same text again.
    if (out === text) return out;
    for (let round = 1; round < MAX_ROUNDS; round++) {
      const next = scrubOnce(out, kinds, country);
      if (next === out) break;
      out = next;
    }
    return out;
  });
}

const MAX_ROUNDS = 4;

// What every pass needs in order to find anything: URLs a `?`, emails an `@`, the others a
// digit (the passes read the width view, where every decimal digit is ASCII). Most
// notes have none, and a masked text usually has none left, so a round can stop here.
const MAY_HOLD_PII = /[?@\p{Nd}]/u;

// Characters whose compatibility form (NFKC) is one ASCII character: full-width digits,
// punctuation and letters (`０９０１`, `＋８４`), the ideographic space, and other scripts' digits
// that NFKC maps to ASCII.
const WIDE = /[\u3000\uff01-\uff5e]|(?![0-9])\p{Nd}/gu;

const ND = /^\p{Nd}$/u;

/**
 * The value of a decimal digit of another script (`٨`, `۴`, `८`): Unicode writes each script's
 * digits as one run of ten code points from 0 to 9, so it is the distance to the run's start.
 */
function digitValue(c: string): string {
  let code = c.charCodeAt(0);
  let v = 0;
  while (v < 9 && ND.test(String.fromCharCode(code - 1))) {
    code--;
    v++;
  }
  return String(v);
}

/**
 * The text as the passes read it: each character whose NFKC form is a single ASCII character
 * replaced by it, so `０９０１ ２３４ ５６７` is found like `0901 234 567`, and every other decimal
 * digit (Arabic-Indic `٠٩٠١…`, Devanagari, …) by its ASCII digit. Every replacement is one
 * UTF-16 unit for one, so offsets in the view are offsets in the text, and masks are applied to
 * the text itself: everything that is not masked stays byte-for-byte as written.
 */
function widthView(text: string): string {
  return text.replace(WIDE, (c) => {
    if (c.length !== 1) return c;
    const n = c.normalize('NFKC');
    if (n.length === 1 && n.charCodeAt(0) < 0x80) return n;
    return ND.test(c) ? digitValue(c) : c;
  });
}

/** Apply spans found on a same-length view to the text. */
function applyOn(text: string, view: string, find: (view: string) => Span[]): [string, string] {
  const spans = find(view);
  if (spans.length === 0) return [text, view];
  const out = applySpans(text, spans);
  return [out, text === view ? out : widthView(out)];
}

/** One round of every enabled pass, in order, each on the previous one's output. */
function scrubOnce(text: string, kinds: ReadonlySet<ScrubKind>, country: CountryCode): string {
  if (!MAY_HOLD_PII.test(text)) return text;
  let out = text;
  let view = widthView(text);
  if (view !== text) {
    if (kinds.has('url')) [out, view] = applyOn(out, view, urlSpans);
    if (kinds.has('email')) [out, view] = applyOn(out, view, emailSpans);
    if (kinds.has('bank-account') || kinds.has('id')) [out, view] = applyOn(out, view, (v) => keywordSpans(v, kinds));
    if (kinds.has('phone')) {
      [out, view] = applyOn(out, view, (v) => chainPhoneSpans(v, country));
      [out, view] = applyOn(out, view, (v) => chainPhoneSpans(v, country, true));
    }
    if (kinds.has('id')) [out, view] = applyOn(out, view, bareIdSpans);
    if (kinds.has('number')) [out, view] = applyOn(out, view, longNumberSpans);
    return out;
  }
  if (kinds.has('url')) out = applySpans(out, urlSpans(out));
  if (kinds.has('email')) out = applySpans(out, emailSpans(out));
  if (kinds.has('bank-account') || kinds.has('id')) out = applySpans(out, keywordSpans(out, kinds));
  if (kinds.has('phone')) {
    // Chains first: they read a run of groups from its start, as people write numbers; the
    // wide pass then joins what was split by longer or rarer separators.
    out = applySpans(out, chainPhoneSpans(out, country));
    out = applySpans(out, chainPhoneSpans(out, country, true));
  }
  if (kinds.has('id')) out = applySpans(out, bareIdSpans(out));
  if (kinds.has('number')) out = applySpans(out, longNumberSpans(out));
  return out;
}
