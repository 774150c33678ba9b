/**
 * The corpus of the address differential test: every address-like string literal of the address
 * tests (frozen in the fixture, so later test edits do not move it), the tuned (regression-guard)
 * evaluation sets, and a few thousand addresses generated here from the gazetteer with a seeded
 * generator, in the ways people and scanners write them. The held-back evaluation set is not read.
 * @module
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createHash } from 'node:crypto';
import { addressRouting, defaultGazetteer, maskAddress, parseAddress } from '../../src/address/index.js';
import type { GazetteerEntry } from '../../src/address/gazetteer.js';
import { mulberry32 } from '../helpers/corpus.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '../..');

/** The tuned evaluation sets of `npm run eval:address` (regression guards; never the held-back set). */
export function evalSetAddresses(): string[] {
  const out: string[] = [];
  for (const f of ['address-generated.json', 'address-handwritten.json', 'address-handwritten-styles.json']) {
    const fx = JSON.parse(readFileSync(join(root, 'test/fixtures', f), 'utf8')) as { cases: Array<{ input: string }> };
    for (const c of fx.cases) out.push(c.input);
  }
  return out;
}

/** String literals of the address test files that look like addresses (a letter and a separator). */
export function testLiterals(): string[] {
  const out = new Set<string>();
  for (const f of ['gazetteer', 'history', 'mask', 'parse', 'properties', 'reading']) {
    const src = readFileSync(join(root, 'test/address', `${f}.test.ts`), 'utf8');
    for (const m of src.matchAll(/'((?:[^'\\\n]|\\.)*)'|`([^`$\n]*)`/g)) {
      const s = (m[1] ?? m[2] ?? '').replace(/\\'/g, "'");
      if (s.length >= 3 && s.length <= 300 && /\p{L}/u.test(s) && /[ ,.]/.test(s)) out.add(s);
    }
  }
  return [...out];
}

const STREETS = ['Lê Lợi', 'Nguyễn Trãi', 'Hai Bà Trưng', 'Trần Phú', 'Đường 3/2', 'Hải Phòng', 'Quang Trung', 'Kim Mã'];
const NOTES = ['gần chợ Đồng Xuân', 'giao giờ hành chính', '0912 345 678', '(đối diện khách sạn Hoà Bình)', 'Việt Nam', '700000', 'cạnh 25 Nguyễn Huệ'];
const ABBR: Record<string, string[]> = {
  phuong: ['Phường ', 'P. ', 'P.', 'p ', 'F', 'phuong '],
  xa: ['Xã ', 'X. ', 'xa ', 'XÃ '],
  'thi-tran': ['Thị trấn ', 'TT. ', 'TT '],
  quan: ['Quận ', 'Q. ', 'Q.', 'q ', 'quan '],
  huyen: ['Huyện ', 'H. ', 'huyen '],
  'thi-xa': ['Thị xã ', 'TX. '],
  'thanh-pho': ['Thành phố ', 'TP. ', 'TP ', 'tp'],
  tinh: ['Tỉnh ', 'T. ', 'tinh '],
  'dac-khu': ['Đặc khu '],
};

function unaccent(s: string): string {
  return s.normalize('NFD').replace(/\p{M}/gu, '').replace(/đ/g, 'd').replace(/Đ/g, 'D');
}

/**
 * `n` addresses generated from the gazetteer's wards (both schemes, historical ones too), written
 * with and without unit words, abbreviated, unaccented, in capitals, glued, with typos and with
 * text after the province.
 */
export function generatedAddresses(n: number, seed = 0xd1ff): string[] {
  const r = mulberry32(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;
  const gz = defaultGazetteer();
  const wards: GazetteerEntry[] = [];
  for (const e of gz.byCode.values()) if (e.level === 'ward') wards.push(e);
  for (const e of gz.historical.values()) if (e.level === 'ward') wards.push(e);
  const out: string[] = [];
  const unit = (e: GazetteerEntry, bare: boolean): string => (bare && !e.numeric ? e.unit.name : pick(ABBR[e.unit.type] ?? ['']) + e.unit.name);
  for (let i = 0; i < n; i++) {
    const w = pick(wards);
    const parts: string[] = [];
    const style = r();
    if (r() < 0.7) parts.push(`${1 + Math.floor(r() * 300)}${r() < 0.3 ? `/${1 + Math.floor(r() * 40)}` : ''} ${pick(STREETS)}`);
    parts.push(unit(w, style < 0.25));
    if (w.district !== null && r() < 0.75) {
      const d = gz.byCode.get(`legacy:district:${w.district}`);
      if (d) parts.push(unit(d, style < 0.25));
    }
    const p = gz.byCode.get(`${w.unit.scheme}:province:${w.province}`);
    if (p && r() < 0.95) parts.push(r() < 0.3 ? unit(p, false) : p.unit.name);
    if (r() < 0.15) parts.push(pick(NOTES));
    if (r() < 0.08) parts.reverse();
    let s = parts.join(pick([', ', ', ', ',', ' ', ' - ']));
    const f = r();
    if (f < 0.15) s = unaccent(s);
    else if (f < 0.22) s = s.toUpperCase();
    else if (f < 0.27) s = s.normalize('NFD');
    else if (f < 0.32) s = s.replace(/ /, '');
    else if (f < 0.4) {
      // One letter dropped or doubled somewhere.
      const k = Math.floor(r() * s.length);
      s = r() < 0.5 ? s.slice(0, k) + s.slice(k + 1) : s.slice(0, k) + s[k] + s.slice(k);
    } else if (f < 0.43) s = s.replace(/o/g, '0');
    out.push(s);
  }
  return out;
}

/** The whole corpus: frozen test literals, then the evaluation sets, then generated addresses. */
export function corpus(frozenLiterals: readonly string[]): string[] {
  return [...frozenLiterals, ...evalSetAddresses(), ...generatedAddresses(4000)];
}

/** Everything the address step returns for `text`, as one canonical string. */
export function outputsOf(text: string): string {
  let parsed;
  try {
    parsed = parseAddress(text);
  } catch (e) {
    return `throws ${(e as { code?: string }).code ?? '?'}`;
  }
  const keep = { ward: true, district: true, province: true };
  return JSON.stringify({
    parsed,
    mask: maskAddress(parsed, { keep, convertTo2025: false }),
    mask2025: maskAddress(parsed, { convertTo2025: true }),
    maskProvince: maskAddress(parsed, { keep: { ward: false, district: false } }),
    routing: addressRouting(parsed),
  });
}

/** A short digest of {@link outputsOf}. */
export function digestOf(text: string): string {
  return createHash('sha256').update(outputsOf(text)).digest('hex').slice(0, 16);
}
