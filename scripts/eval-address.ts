/**
 * Address evaluation: runs the parser and the label mask over
 *  1. a synthetic set generated from the bundled gazetteer with realistic perturbations (unit-word
 *     abbreviations, no diacritics, caps, NFD, Đ look-alikes, tone placement, shuffled spacing and
 *     separators, alley chains, sub-ward units, rooms, pasted phones and postcodes, both schemes), and
 *  2. the hand-written set in `test/fixtures/address-handwritten.json`,
 * and prints province accuracy, ward accuracy and the share of masked labels that contain any
 * house-number, alley, sub-ward, room or street text. Deterministic (fixed seed).
 *
 * Run: `npm run eval:address [-- --n 3000 --verbose]`.
 * @module
 */

import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import '../src/gazetteer.js'; // the bundled gazetteer, as the Node entry registers it
import { toneInsensitiveKey } from '../src/_fold.js';
import { defaultGazetteer, maskAddress, parseAddress, type AdminUnit, type ParsedAddress } from '../src/address/index.js';
import type { GazetteerEntry } from '../src/address/gazetteer.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const N = Number(args[args.indexOf('--n') + 1] ?? 0) || 3000;
const verbose = args.includes('--verbose');

//#region deterministic random
let seed = 0x5eed;
function rnd(): number {
  seed = (seed + 0x6d2b79f5) | 0;
  let t = seed;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
}
const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!;
const chance = (p: number): boolean => rnd() < p;
//#endregion

const gz = defaultGazetteer();
const entries = [...gz.byCode.values()];
const wards25 = entries.filter((e) => e.level === 'ward' && e.unit.scheme === '2025');
const wardsL = entries.filter((e) => e.level === 'ward' && e.unit.scheme === 'legacy');
const byKey = (scheme: string, level: string, code: string): GazetteerEntry => gz.byCode.get(`${scheme}:${level}:${code}`)!;

const STREETS = [
  'Lê Lợi', 'Nguyễn Trãi', 'Trần Hưng Đạo', 'Hai Bà Trưng', 'Lý Thường Kiệt', 'Quang Trung', 'Nguyễn Huệ',
  'Hùng Vương', 'Đường 3/2', 'Đường 30/4', 'Phan Đình Phùng', 'Lê Duẩn', 'Nguyễn Văn Cừ', 'Cách Mạng Tháng 8',
  'Võ Văn Kiệt', 'Điện Biên Phủ', 'Tô Hiến Thành', 'Bạch Đằng', 'Hải Phòng', 'Kim Mã', 'Nguyễn Thị Minh Khai',
];

interface Door {
  text: string;
  /** Texts that must not appear on the label. */
  secrets: string[];
}

function door(): Door {
  const n = (max: number): string => String(1 + Math.floor(rnd() * max)) + (chance(0.15) ? pick(['A', 'B', 'C']) : '');
  const street = pick(STREETS);
  const secrets = [street];
  const parts: string[] = [];
  if (chance(0.12)) {
    const r = pick([`P${100 + Math.floor(rnd() * 1900)}`, `Phòng ${n(2000)}`, `Căn hộ ${n(30)}.${n(20)}`, `Tầng ${n(40)}`]);
    parts.push(r);
    secrets.push(r);
  }
  const h = n(999);
  secrets.push(h);
  const style = rnd();
  if (style < 0.35) parts.push(`${h} ${street}`);
  else if (style < 0.55) {
    const a = [n(300), ...(chance(0.5) ? [n(50)] : [])];
    parts.push(`${a.join('/')}/${h} ${street}`);
    secrets.push(...a);
  } else if (style < 0.75) {
    const a = n(200);
    const b = chance(0.5) ? n(60) : null;
    parts.push(`Số ${h} ngõ ${a}${b ? ` ngách ${b}` : ''} ${street}`);
    secrets.push(a, ...(b ? [b] : []));
  } else if (style < 0.85) {
    const a = n(200);
    parts.push(`${h} ${pick(['hẻm', 'Hẻm', 'kiệt', 'K'])} ${a} ${street}`);
    secrets.push(a);
  } else parts.push(`Số ${h} ${street}`);
  if (chance(0.2)) {
    const sw = pick([`Tổ ${n(30)}`, `Khu phố ${n(12)}`, `KP${n(9)}`, `Ấp ${n(9)}`, `Thôn ${n(12)}`, `Tổ dân phố ${n(20)}`]);
    parts.push(sw);
    secrets.push(sw);
  }
  return { text: parts.join(', '), secrets };
}

const WARD_WORDS: Record<string, string[]> = {
  phuong: ['Phường', 'P.', 'P', 'phường', 'F'],
  xa: ['Xã', 'X.', 'xã'],
  'thi-tran': ['Thị trấn', 'TT', 'TT.'],
  'dac-khu': ['Đặc khu'],
};
const DISTRICT_WORDS: Record<string, string[]> = {
  quan: ['Quận', 'Q.', 'Q', 'quận'],
  huyen: ['Huyện', 'H.', 'huyện'],
  'thi-xa': ['Thị xã', 'TX', 'TX.'],
  'thanh-pho': ['Thành phố', 'TP', 'Tp.', 'T.P'],
};

function unitText(u: AdminUnit, words: Record<string, string[]>, allowBare: boolean): string {
  const numeric = /^\d+$/.test(u.name);
  if (allowBare && !numeric && chance(0.3)) return u.name;
  const w = pick(words[u.type] ?? [u.fullName.slice(0, u.fullName.length - u.name.length - 1)]);
  if (numeric && w.length <= 2 && chance(0.5)) return `${w.replace('.', '')}${chance(0.3) ? u.name.padStart(2, '0') : u.name}`;
  return `${w}${w.endsWith('.') && chance(0.5) ? '' : ' '}${u.name}`;
}

function provinceText(p: AdminUnit): string {
  if (p.code === '79' && chance(0.5)) return pick(['HCM', 'TPHCM', 'TP.HCM', 'HCMC', 'Sài Gòn', 'SG', 'Tp. Hồ Chí Minh']);
  if (p.code === '01' && chance(0.4)) return pick(['HN', 'TP Hà Nội', 'Hanoi']);
  if (chance(0.3)) return p.fullName;
  if (chance(0.15)) return `${p.type === 'tinh' ? 'Tỉnh' : 'TP'} ${p.name}`;
  return p.name;
}

function perturb(s: string): { text: string; unaccented: boolean } {
  let t = s;
  let unaccented = false;
  if (chance(0.1)) t = t.replace(/oà/g, 'òa').replace(/Hoà/g, 'Hòa').replace(/uỷ/g, 'ủy');
  if (chance(0.25)) {
    t = t.normalize('NFD').replace(/\p{M}/gu, '').replace(/đ/g, 'd').replace(/Đ/g, 'D');
    unaccented = true;
  }
  const c = rnd();
  if (c < 0.12) t = t.toUpperCase();
  else if (c < 0.25) t = t.toLowerCase();
  if (chance(0.1)) t = t.normalize('NFD');
  if (chance(0.05)) t = t.replace(/Đ/g, 'Ð').replace(/đ/g, 'ð');
  if (chance(0.15)) t = t.replace(/ /g, () => (chance(0.3) ? '  ' : ' '));
  return { text: t, unaccented };
}

interface Case {
  text: string;
  province: GazetteerEntry;
  district: GazetteerEntry | null;
  ward: GazetteerEntry;
  secrets: string[];
  unaccented: boolean;
}

function synth(): Case {
  const legacy = chance(0.5);
  const ward = pick(legacy ? wardsL : wards25);
  const province = byKey(ward.unit.scheme, 'province', ward.province);
  const district = legacy && chance(0.85) ? byKey('legacy', 'district', ward.district!) : null;
  const d = door();
  const units = [unitText(ward.unit, WARD_WORDS, true)];
  if (district) units.push(unitText(district.unit, DISTRICT_WORDS, true));
  units.push(provinceText(province.unit));
  const sep = pick([', ', ', ', ', ', ' ', ' , ', ',', ' - ']);
  let text = [d.text, ...units].join(sep);
  if (chance(0.05)) text = `${text} ${pick(['0901234567', '0912 345 678', '+84 98 765 4321'])}`;
  if (chance(0.05)) text = `${text}${sep}${pick(['700000', '100000', 'Việt Nam'])}`;
  const p = perturb(text);
  return { text: p.text, province, district, ward, secrets: d.secrets, unaccented: p.unaccented };
}

const fold = (s: string): string => toneInsensitiveKey(s.normalize('NFD').replace(/\p{M}/gu, ''));

function sameUnit(a: AdminUnit | null | undefined, b: AdminUnit): boolean {
  return a != null && a.scheme === b.scheme && a.code === b.code;
}

/** Label text with the expected units' official names removed; anything door-level left is a leak. */
function leaks(masked: string, kept: Array<string | null | undefined>, secrets: string[]): boolean {
  let rest = ` ${fold(masked)} `;
  for (const k of kept) if (k) rest = rest.split(` ${fold(k)} `).join(' ');
  for (const s of secrets) {
    const f = fold(s);
    if (f.length > 0 && rest.includes(` ${f} `)) return true;
    // Every digit run of a door-level part counts on its own (`47/9B` → 47, 9).
    for (const run of s.match(/\d+/g) ?? []) if (rest.includes(` ${run} `)) return true;
  }
  return false;
}

function pct(a: number, b: number): string {
  return b === 0 ? 'n/a' : `${((100 * a) / b).toFixed(1)}% (${a}/${b})`;
}

//#region synthetic
let pOk = 0;
let wOk = 0;
let wAmb = 0;
let leak = 0;
let uN = 0;
let uW = 0;
const perScheme: Record<string, [number, number]> = { '2025': [0, 0], legacy: [0, 0] };
const t0 = performance.now();
for (let i = 0; i < N; i++) {
  const c = synth();
  const a: ParsedAddress = parseAddress(c.text);
  const provinceOk = sameUnit(a.province, c.province.unit) || sameUnit(a.legacyAlternative?.province, c.province.unit);
  const wardOk = sameUnit(a.ward, c.ward.unit) || sameUnit(a.legacyAlternative?.ward, c.ward.unit);
  if (provinceOk) pOk++;
  if (wardOk) wOk++;
  else if (a.ambiguous.some((u) => sameUnit(u, c.ward.unit))) wAmb++;
  else if (verbose) console.log('MISS', JSON.stringify(c.text), '→', a.ward?.fullName ?? '-', a.district?.fullName ?? '-', a.province?.name ?? '-', '| want', c.ward.unit.fullName, c.district?.unit.fullName ?? '', c.province.unit.name);
  const s = perScheme[c.ward.unit.scheme]!;
  s[1]++;
  if (wardOk) s[0]++;
  if (c.unaccented) {
    uN++;
    if (wardOk) uW++;
  }
  const masked = maskAddress(a);
  const kept = [c.ward.unit.fullName, c.district?.unit.fullName, c.province.unit.name];
  if (leaks(masked, kept, c.secrets)) {
    leak++;
    if (verbose) console.log('LEAK', JSON.stringify(c.text), '→', masked);
  }
}
const ms = performance.now() - t0;
console.log(`synthetic set: ${N} addresses generated from the gazetteer (seed 0x5eed), ${(ms / N).toFixed(3)} ms per parse+mask`);
console.log(`  province accuracy: ${pct(pOk, N)}`);
console.log(`  ward accuracy:     ${pct(wOk, N)}  (2025: ${pct(...perScheme['2025']!)}; legacy: ${pct(...perScheme.legacy!)})`);
console.log(`    unaccented input: ${pct(uW, uN)}; misses flagged as ambiguous with the right unit among the candidates: ${wAmb}`);
console.log(`  masked labels containing house-number/alley/sub-ward/room/street text: ${pct(leak, N)}`);
//#endregion

//#region hand-written
interface Expect {
  province?: string | null;
  district?: string | null;
  ward?: string | null;
  ambiguous?: boolean;
  scheme?: string;
  houseNumber?: string;
  alley?: string;
  street?: string;
  subWard?: string;
  room?: string;
}
const fx = JSON.parse(readFileSync(join(root, 'test/fixtures/address-handwritten.json'), 'utf8')) as {
  cases: Array<{ input: string; expect: Expect }>;
};
const eqName = (u: AdminUnit | null | undefined, want: string | null | undefined): boolean =>
  want === null ? u == null : u != null && fold(u.name) === fold(want!);
const tally = { province: [0, 0], ward: [0, 0], district: [0, 0], scheme: [0, 0], door: [0, 0], leak: [0, 0] };
const misses: string[] = [];
for (const { input, expect: e } of fx.cases) {
  const a = parseAddress(input);
  const bad: string[] = [];
  const check = (k: keyof typeof tally, ok: boolean, what: string): void => {
    tally[k][1]!++;
    if (ok) tally[k][0]!++;
    else bad.push(what);
  };
  if ('province' in e) check('province', eqName(a.province, e.province) || eqName(a.legacyAlternative?.province, e.province), `province=${a.province?.name ?? null}`);
  if ('district' in e) check('district', eqName(a.district, e.district), `district=${a.district?.name ?? null}`);
  if ('ward' in e) {
    const ok = e.ambiguous ? a.ward === null && a.ambiguous.length > 1 : eqName(a.ward, e.ward) || eqName(a.legacyAlternative?.ward, e.ward);
    check('ward', ok, `ward=${a.ward?.name ?? null}`);
  }
  if (e.scheme) check('scheme', a.scheme === e.scheme || (a.scheme === 'both' && e.scheme !== undefined), `scheme=${a.scheme}`);
  for (const k of ['houseNumber', 'alley', 'street', 'subWard', 'room'] as const) {
    if (e[k] !== undefined) check('door', a[k] === e[k], `${k}=${a[k]}`);
  }
  const masked = maskAddress(a);
  const secrets = (['houseNumber', 'alley', 'street', 'subWard', 'room'] as const).map((k) => e[k]).filter((x): x is string => !!x);
  // Structural check too: every label part is the mask or an official unit name.
  const official = new Set([a.ward?.fullName, a.district?.fullName, a.province?.name, '***']);
  const structural = masked.split(', ').every((part) => official.has(part));
  const lk = !structural || leaks(masked, [e.ward ?? null, e.district ?? null, e.province ?? null], secrets);
  check('leak', !lk, `LEAK ${masked}`);
  if (bad.length > 0) misses.push(`${JSON.stringify(input)}: ${bad.join(', ')}`);
}
const t = (k: keyof typeof tally): string => pct(tally[k][0]!, tally[k][1]!);
console.log(`hand-written set: ${fx.cases.length} addresses (test/fixtures/address-handwritten.json)`);
console.log(`  province accuracy: ${t('province')}`);
console.log(`  ward accuracy:     ${t('ward')}`);
console.log(`  legacy district:   ${t('district')}; scheme: ${t('scheme')}; door-level parts: ${t('door')}`);
console.log(`  masked labels containing house-number/alley/sub-ward/room/street text: ${pct(tally.leak[1]! - tally.leak[0]!, tally.leak[1]!)}`);
if (misses.length > 0) {
  console.log(`  mismatches (${misses.length}):`);
  for (const m of misses) console.log(`    ${m}`);
}
//#endregion
