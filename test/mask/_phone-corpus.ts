/**
 * The phone differential corpus: every string literal of the mask, phone and hostile tests, the
 * goods and phone evaluation texts, and a seeded, generated set of phone numbers of every
 * supported country in every common written style, alone and inside Vietnamese sentences.
 *
 * `phone-differential.test.ts` runs each entry through the public phone and scrub functions and
 * compares a digest of the results with test/fixtures/phone-differential.json, which was recorded
 * from the implementation before the phone code was slimmed down (finder-free scrub, trimmed
 * metadata, the Vietnamese fast path). Re-record only for a justified, named behaviour change:
 * `npx tsx test/mask/_phone-corpus.ts --record`.
 */
import { createHash } from 'node:crypto';
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { parsePhoneNumberFromString, getExampleNumber, type CountryCode } from 'libphonenumber-js/max';
import examples from 'libphonenumber-js/mobile/examples';
import { maskPhone, normalizePhone, parsePhoneField, phoneToE164 } from '../../src/mask/phone.js';
import { scrubText } from '../../src/mask/scrub.js';
import { PHONE_COUNTRIES } from '../../src/mask/phone-metadata.js';
import { mulberry32, stringLiterals } from '../helpers/corpus.js';

const ROOT = new URL('../../', import.meta.url);

/** Countries of the original 45-country metadata (kept literal: the corpus must not shrink with it). */
const COUNTRIES = [
  'VN', 'KH', 'LA', 'CN', 'HK', 'MO', 'TW', 'KR', 'JP', 'TH', 'MY', 'SG', 'ID', 'PH', 'MM', 'BN', 'TL',
  'IN', 'AU', 'NZ', 'US', 'CA', 'GB', 'IE', 'FR', 'DE', 'NL', 'BE', 'CH', 'AT', 'IT', 'ES', 'PL', 'CZ',
  'SE', 'NO', 'DK', 'FI', 'RU', 'UA', 'AE', 'SA', 'QA', 'IL', 'TR',
  // and a few the library does not support: they must stay rejected
  'BR', 'MX', 'EG', 'NG', 'PK', 'BD', 'AR', 'ZA',
] as const satisfies readonly CountryCode[];
void PHONE_COUNTRIES;

type TS = typeof import('typescript');

export function fixtureTexts(): string[] {
  const out: string[] = [];
  for (const f of ['goods-eval.json', 'goods-marketplace-tune.json', 'goods-marketplace-heldout.json', 'phones-tune.json', 'phones-heldout.json']) {
    const j = JSON.parse(readFileSync(new URL(`test/fixtures/${f}`, ROOT), 'utf8')) as { cases: Record<string, unknown>[] };
    for (const c of j.cases) for (const v of Object.values(c)) if (typeof v === 'string') out.push(v);
  }
  return out;
}

/** Every string literal of the mask tests and the hostile tests (read only when recording). */
export function testLiterals(ts: TS): string[] {
  const out: string[] = [];
  const dir = new URL('test/mask/', ROOT);
  for (const f of readdirSync(dir).sort()) {
    if (f.endsWith('.ts') && !f.startsWith('_') && !f.startsWith('phone-differential')) out.push(...stringLiterals(ts, new URL(f, dir)));
  }
  out.push(...stringLiterals(ts, new URL('test/hostile.test.ts', ROOT)), ...stringLiterals(ts, new URL('test/helpers/hostile.ts', ROOT)));
  return out;
}

const VN_PREFIXES = [
  '32', '33', '34', '35', '36', '37', '38', '39', '52', '55', '56', '58', '59', '70', '76', '77', '78', '79',
  '81', '82', '83', '84', '85', '86', '87', '88', '89', '90', '91', '92', '93', '94', '96', '97', '98', '99',
  '120', '121', '122', '123', '124', '125', '126', '127', '128', '129', '162', '163', '164', '165', '166',
  '167', '168', '169', '186', '188', '199', '24', '28', '203', '204', '205', '206', '207', '208', '209',
  '210', '211', '212', '213', '214', '215', '216', '218', '219', '220', '221', '222', '225', '226', '227',
  '228', '229', '232', '233', '234', '235', '236', '237', '238', '239', '251', '252', '254', '255', '256',
  '257', '258', '259', '260', '261', '262', '263', '269', '270', '271', '272', '273', '274', '275', '276',
  '277', '290', '291', '292', '293', '294', '296', '297', '299', '4', '8', '61', '64', '511', '1800', '1900',
  '30', '40', '50', '60', '80', '95', '00', '10', '11', '16', '19', '66', '69',
];

function digits(rand: () => number, n: number): string {
  let s = '';
  for (let i = 0; i < n; i++) s += String(Math.floor(rand() * 10));
  return s;
}

/** Written styles of one number (`+CC` + national significant number). */
function styles(cc: string, nsn: string, country: CountryCode, rand: () => number): string[] {
  const out = [`+${cc}${nsn}`, `00${cc}${nsn}`, `${cc}${nsn}`, `(+${cc}) ${nsn}`, `+${cc} (0) ${nsn}`];
  const p = parsePhoneNumberFromString(`+${cc}${nsn}`);
  if (p) {
    const intl = p.formatInternational();
    const nat = p.formatNational();
    out.push(intl, nat, nat.replace(/\D/g, ''), intl.replace(/ /g, '.'), intl.replace(/ /g, '-'), nat.replace(/ /g, '.'));
    out.push(`${intl} ext. ${digits(rand, 2)}`, `${nat} x${digits(rand, 3)}`);
  }
  // National digits with the trunk 0, grouped as people type them.
  const n0 = `0${nsn}`;
  out.push(n0, n0.replace(/^(\d{4})(\d{3})(\d+)$/, '$1 $2 $3'), n0.replace(/^(\d{3})(\d{3})(\d+)$/, '$1.$2.$3'), n0.replace(/^(\d{3})(\d{4})(\d+)$/, '$1-$2-$3'));
  void country;
  return out;
}

const CONTEXTS = [
  (p: string) => p,
  (p: string) => `Gọi ${p} nhé`,
  (p: string) => `SĐT: ${p}`,
  (p: string) => `ĐT ${p} (chị Hoa)`,
  (p: string) => `liên hệ ${p}, giao giờ hành chính`,
  (p: string) => `(${p})`,
  (p: string) => `zalo:${p}.`,
  (p: string) => `giao 12/05/2025 08:30, gọi ${p} trước`,
  (p: string) => `STK ${p} Vietcombank`,
  (p: string) => `mã đơn 123456 - ${p} - COD 150.000đ`,
  (p: string) => `${p}/${p.slice(0, -1)}`,
  (p: string) => `sdt${p}`,
  (p: string) => `Giao cho anh Nam, ${p} hoặc 0912345678, tầng 3`,
  (p: string) => `${p.replace(/[0-9]/g, (d) => String.fromCharCode(0xff10 + Number(d)))}`,
];

/** Generated texts: numbers of every country and VN prefix, in every style and context. */
export function generated(): string[] {
  const rand = mulberry32(0x5eed16);
  const out: string[] = [];
  const push = (cc: string, nsn: string, country: CountryCode): void => {
    for (const s of styles(cc, nsn, country, rand)) {
      out.push(s);
      out.push(CONTEXTS[Math.floor(rand() * CONTEXTS.length)]!(s));
    }
  };
  for (const country of COUNTRIES) {
    const ex = getExampleNumber(country, examples);
    if (!ex) continue;
    const cc = ex.countryCallingCode;
    const base = ex.nationalNumber;
    push(cc, base, country);
    for (let i = 0; i < 6; i++) {
      const k = 1 + Math.floor(rand() * Math.min(5, base.length - 1));
      push(cc, base.slice(0, base.length - k) + digits(rand, k), country);
    }
    // Lengths around the valid one, mostly invalid.
    for (const d of [-2, -1, 1, 2]) push(cc, base.slice(0, 2) + digits(rand, Math.max(1, base.length - 2 + d)), country);
  }
  for (const pre of VN_PREFIXES) {
    for (const len of [8, 9, 10, 11]) {
      if (len <= pre.length) continue;
      push('84', pre + digits(rand, len - pre.length), 'VN');
    }
  }
  // Random digit runs and near-misses: dates, amounts, IDs.
  for (let i = 0; i < 400; i++) {
    const n = 6 + Math.floor(rand() * 10);
    const d = digits(rand, n);
    out.push(d, `Gọi ${d}`, `+${d}`, `0${d}`, `${d.slice(0, 3)} ${d.slice(3, 6)} ${d.slice(6)}`);
  }
  return out;
}

/** The recorded test literals (frozen in the fixture, so later test edits do not move the corpus). */
export function recordedLiterals(): string[] {
  return (JSON.parse(readFileSync(FIXTURE, 'utf8')) as Fixture).literals;
}

/** The whole corpus, deduplicated, in a fixed order. */
export function corpus(literals: readonly string[]): string[] {
  return [...new Set([...literals, ...fixtureTexts(), ...generated()])];
}

function tryCall(f: () => unknown): unknown {
  try {
    return f();
  } catch (e) {
    return { error: (e as { code?: string }).code ?? 'raw' };
  }
}

/** Everything the phone and scrub functions say about one string. */
export function outputsOf(s: string): unknown[] {
  const out: unknown[] = [tryCall(() => scrubText(s)), tryCall(() => parsePhoneField(s))];
  if (s.length <= 64) {
    out.push(tryCall(() => normalizePhone(s)), tryCall(() => phoneToE164(s)), tryCall(() => maskPhone(s)));
    out.push(tryCall(() => normalizePhone(s, { defaultRegion: 'US' })), tryCall(() => maskPhone(s, { style: 'first3-last3' })));
  }
  if (s.length % 5 === 0) out.push(tryCall(() => scrubText(s, { defaultCountry: 'US' })), tryCall(() => parsePhoneField(s, 'GB')));
  return out;
}

/** Short digest of a JSON value. */
export function digestOf(value: unknown): string {
  return createHash('sha256').update(JSON.stringify(value)).digest('hex').slice(0, 16);
}

export const FIXTURE = new URL('test/fixtures/phone-differential.json', ROOT);
export const BUCKETS = 512;

export interface Fixture {
  description: string;
  count: number;
  literals: string[];
  /** Bucket → digest of the sorted [digest(input), digest(outputs)] pairs of its inputs. */
  buckets: Record<string, string>;
}

export const bucketOf = (s: string): number => parseInt(digestOf(s).slice(0, 6), 16) % BUCKETS;

/** Bucket digests of a corpus. */
export function bucketDigests(texts: readonly string[], rows: readonly unknown[][]): Record<string, string> {
  const pairs: string[][] = Array.from({ length: BUCKETS }, () => []);
  texts.forEach((s, i) => pairs[bucketOf(s)]!.push(`${digestOf(s)}:${digestOf(rows[i])}`));
  return Object.fromEntries(pairs.map((p, b) => [String(b), digestOf(p.sort())]));
}

if (process.argv.includes('--record') || process.argv.includes('--dump')) {
  const literals = process.argv.includes('--record') ? [...new Set(testLiterals((await import('typescript')).default))] : recordedLiterals();
  const texts = corpus(literals);
  const rows = texts.map((s) => outputsOf(s));
  if (process.argv.includes('--dump')) {
    const path = process.argv[process.argv.indexOf('--dump') + 1]!;
    writeFileSync(path, texts.map((s, i) => JSON.stringify([s, rows[i]])).join('\n') + '\n');
  } else {
    const description = 'Phone differential corpus (test/mask/_phone-corpus.ts): the test literals as recorded, and per bucket a digest of digest(input):digest(outputs) pairs.';
    const fx: Fixture = { description, count: texts.length, literals, buckets: bucketDigests(texts, rows) };
    writeFileSync(FIXTURE, JSON.stringify(fx) + '\n');
  }
  console.log(`${texts.length} texts`);
}
