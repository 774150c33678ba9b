/**
 * The packed text format of the bundled gazetteer, and its encoder and decoder.
 *
 * Five strings, one per table. Codes are stored as signed base-36 deltas from the previous code in the
 * same group (legacy and historical ward codes run on across districts: codes are assigned in
 * geographic order, so neighbours are close), unit types as one uppercase letter, English names only
 * when they differ from the name without diacritics, and a legacy ward's 2025 targets as base-36
 * codes (`^` = same as the previous ward).
 *
 * ```
 * provinces2025    01|C|Hà Nội|Hanoi \n …                      code|type|name[|en]
 * wards2025        01:4PBa Đình;4PNgọc Hà;… \n …               province:deltaTypeName[|en];…
 * provincesLegacy  01|C|Hà Nội||01 \n …                        code|type|name|en|to2025
 * legacy           01:1QBa Đình=1PPhúc Xá>2p;3PTrúc Bạch>4;…#… one line per province; districts '#'
 * history          79:lbQ2;…  \n /-1k:2P1>-3;…              one line per province (districts), then
 *                                                              one per district (wards: district
 *                                                              code as a delta from the previous
 *                                                              ward line's; province implied); tail
 *                                                              `>successor[,also…]` as signed base-36
 *                                                              deltas from the unit's code, absent
 *                                                              when it kept its code
 * ```
 * @module
 * @internal
 */

import type { GazetteerInput, GazetteerUnitInput } from './gazetteer.js';
import type { UnitType } from './types.js';

/** The packed gazetteer as emitted by `scripts/build-gazetteer.ts`. */
export interface PackedGazetteer {
  readonly provinces2025: string;
  readonly wards2025: string;
  readonly provincesLegacy: string;
  readonly legacy: string;
  /** Historical legacy units (optional; see {@link packHistory}). */
  readonly history?: string;
}



const TYPE_LETTER: Readonly<Record<UnitType, string>> = {
  'thanh-pho': 'C',
  tinh: 'V',
  quan: 'Q',
  huyen: 'H',
  'thi-xa': 'S',
  phuong: 'P',
  xa: 'X',
  'thi-tran': 'T',
  'dac-khu': 'D',
};
const LETTER_TYPE: ReadonlyMap<string, UnitType> = new Map(
  Object.entries(TYPE_LETTER).map(([t, l]) => [l, t as UnitType]),
);

function plainEn(name: string): string {
  return name.normalize('NFD').replace(/\p{M}/gu, '').replace(/[đð]/g, 'd').replace(/[ĐÐƉ]/g, 'D');
}

function en(u: GazetteerUnitInput): string {
  return u.nameEn === undefined || u.nameEn === plainEn(u.name) ? '' : `|${u.nameEn}`;
}

function checkName(s: string): void {
  if (/[|;#=:>^\n]/.test(s)) throw new Error(`packed gazetteer: reserved character in name`);
}

/**
 * Pack a gazetteer input into the compact text form.
 *
 * @param g - the gazetteer input
 * @returns the packed tables
 * @throws Error when a name contains a reserved character (build time only)
 */
export function packGazetteer(g: GazetteerInput): PackedGazetteer {
  const lines = (xs: string[]): string => xs.join('\n');
  const rec = (u: GazetteerUnitInput, prev: number): string => {
    checkName(u.name);
    if (u.nameEn !== undefined) checkName(u.nameEn);
    return (Number(u.code) - prev).toString(36) + TYPE_LETTER[u.type] + u.name + en(u);
  };
  const provinces2025 = lines(g.provinces2025.map((p) => `${p.code}|${TYPE_LETTER[p.type]}|${p.name}${en(p)}`));
  const w25: string[] = [];
  for (const p of g.provinces2025) {
    const ws = g.wards2025.filter((w) => w.province === p.code).sort((a, b) => Number(a.code) - Number(b.code));
    let prev = 0;
    w25.push(`${p.code}:` + ws.map((w) => { const r = rec(w, prev); prev = Number(w.code); return r; }).join(';'));
  }
  const provincesLegacy = lines(
    g.provincesLegacy.map((p) => `${p.code}|${TYPE_LETTER[p.type]}|${p.name}|${en(p).slice(1)}|${p.to2025 ?? ''}`),
  );
  const legacy: string[] = [];
  // Ward codes run on across districts and provinces (signed deltas): codes are assigned in
  // geographic order, so the first ward of a district is close to the last of the one before.
  let prevW = 0;
  for (const p of g.provincesLegacy) {
    const ds = g.districtsLegacy.filter((d) => d.province === p.code).sort((a, b) => Number(a.code) - Number(b.code));
    let prevD = 0;
    const dParts = ds.map((d) => {
      const head = rec(d, prevD);
      prevD = Number(d.code);
      const ws = g.wardsLegacy.filter((w) => w.district === d.code).sort((a, b) => Number(a.code) - Number(b.code));
      let prevMap = '';
      const wParts = ws.map((w) => {
        let r = rec(w, prevW);
        prevW = Number(w.code);
        const map = (w.to2025 ?? []).map((c) => Number(c).toString(36)).join(',');
        if (map.length > 0) r += map === prevMap ? '>^' : `>${map}`;
        prevMap = map;
        return r;
      });
      return `${head}=${wParts.join(';')}`;
    });
    legacy.push(`${p.code}:${dParts.join('#')}`);
  }
  const out: PackedGazetteer = { provinces2025, wards2025: lines(w25), provincesLegacy, legacy: lines(legacy) };
  if (g.historyLegacy === undefined || g.historyLegacy.length === 0) return out;
  const provinceOf = new Map<string, string>();
  for (const d of g.districtsLegacy) provinceOf.set(d.code, d.province);
  return { ...out, history: packHistory(g.historyLegacy, rec, provinceOf) };
}

/**
 * One line per parent: `79:` for districts of province 79, then `/<delta>:` for wards of a district,
 * the district's code as a signed base-36 delta from the previous ward line's (its province is that
 * of the district, current or historical). Ward codes run on from line to line as signed deltas.
 * Lines keep the order of `province/district` keys.
 */
function packHistory(
  h: NonNullable<GazetteerInput['historyLegacy']>,
  rec: (u: GazetteerUnitInput, prev: number) => string,
  provinceOf: Map<string, string>,
): string {
  for (const u of h) if (u.level === 'district') provinceOf.set(u.code, u.province);
  const groups = new Map<string, HistoryInput[]>();
  for (const u of h) {
    const g = u.level === 'district' ? u.province : `${u.province}/${u.parent}`;
    const list = groups.get(g) ?? [];
    list.push(u);
    groups.set(g, list);
  }
  const lines: string[] = [];
  const sorted = [...groups].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  // District lines first: the ward lines take their provinces from them.
  sorted.sort((a, b) => Number(a[0].includes('/')) - Number(b[0].includes('/')));
  let prevDistrict = 0;
  let prevWard = 0;
  for (const [g, list] of sorted) {
    list.sort((a, b) => Number(a.code) - Number(b.code) || (a.name < b.name ? -1 : 1));
    const wards = g.includes('/');
    let prev = wards ? prevWard : 0;
    const recs = list.map((u) => {
      const delta = (c: string): string => (Number(c) - Number(u.code)).toString(36);
      const succ = (u.successor === u.code ? '' : delta(u.successor)) + (u.alsoInto ?? []).map((c) => `,${delta(c)}`).join('');
      const r = succ === '' ? rec(u, prev) : `${rec(u, prev)}>${succ}`;
      prev = Number(u.code);
      return r;
    });
    if (!wards) lines.push(`${g}:${recs.join(';')}`);
    else {
      const u = list[0]!;
      if (provinceOf.get(u.parent) !== u.province) throw new Error('packed gazetteer: historical ward of an unknown district');
      lines.push(`/${(Number(u.parent) - prevDistrict).toString(36)}:${recs.join(';')}`);
      prevDistrict = Number(u.parent);
      prevWard = prev;
    }
  }
  return lines.join('\n');
}

type HistoryInput = NonNullable<GazetteerInput['historyLegacy']>[number];

function unpackHistory(s: string, provinceOf: Map<string, string>): HistoryInput[] {
  const out: HistoryInput[] = [];
  let prevDistrict = 0;
  let prevWard = 0;
  for (const line of s.split('\n')) {
    const colon = line.indexOf(':');
    const head = line.slice(0, colon);
    const level = head.startsWith('/') ? 'ward' : 'district';
    let province = head;
    let parent = head;
    if (level === 'ward') {
      prevDistrict += parseInt(head.slice(1), 36);
      parent = pad(prevDistrict, 3);
      const p = provinceOf.get(parent);
      if (p === undefined) throw new Error('packed gazetteer: historical ward of an unknown district');
      province = p;
    }
    const width = level === 'district' ? 3 : 5;
    let prev = level === 'ward' ? prevWard : 0;
    for (const r of line.slice(colon + 1).split(';')) {
      if (r.length === 0) continue;
      const d = readRec(r, prev);
      prev = d.code;
      if (level === 'district') provinceOf.set(pad(d.code, 3), province);
      const [succ = '', ...also] = d.tail.split(',');
      const code = pad(d.code, width);
      const at = (x: string): string => pad(d.code + parseInt(x, 36), width);
      out.push({
        ...d.unit,
        level,
        code,
        province,
        parent,
        successor: succ === '' ? code : at(succ),
        ...(also.length > 0 ? { alsoInto: also.map(at) } : {}),
      });
    }
    if (level === 'ward') prevWard = prev;
  }
  return out;
}

function pad(n: number, width: number): string {
  return String(n).padStart(width, '0');
}

function letterType(l: string | undefined): UnitType {
  const t = l === undefined ? undefined : LETTER_TYPE.get(l);
  if (t === undefined) throw new Error('packed gazetteer: bad type letter');
  return t;
}

interface DecodedRec {
  code: number;
  unit: { name: string; nameEn?: string; type: UnitType };
  tail: string;
}

/** `<signed b36 delta><TypeLetter><name>[|en][>tail]` */
function readRec(s: string, prev: number): DecodedRec {
  let i = s.startsWith('-') ? 1 : 0;
  while (i < s.length && ((s[i]! >= '0' && s[i]! <= '9') || (s[i]! >= 'a' && s[i]! <= 'z'))) i++;
  const code = prev + parseInt(s.slice(0, i), 36);
  const type = letterType(s[i]);
  let body = s.slice(i + 1);
  let tail = '';
  const gt = body.indexOf('>');
  if (gt >= 0) {
    tail = body.slice(gt + 1);
    body = body.slice(0, gt);
  }
  const bar = body.indexOf('|');
  const unit = bar >= 0 ? { name: body.slice(0, bar), nameEn: body.slice(bar + 1), type } : { name: body, type };
  return { code, unit, tail };
}

/**
 * Unpack the compact text form into a gazetteer input.
 *
 * @param p - packed tables
 * @returns the unit lists
 * @throws Error when the packed text is corrupt (never for the bundled data)
 */
export function unpackGazetteer(p: PackedGazetteer): GazetteerInput {
  const provinces2025: Array<GazetteerUnitInput> = [];
  for (const line of p.provinces2025.split('\n')) {
    const [code, t, name, nameEn] = line.split('|');
    provinces2025.push({ code: code!, name: name!, type: letterType(t), ...(nameEn ? { nameEn } : {}) });
  }
  const wards2025: Array<GazetteerUnitInput & { province: string }> = [];
  for (const line of p.wards2025.split('\n')) {
    const colon = line.indexOf(':');
    const province = line.slice(0, colon);
    let prev = 0;
    for (const r of line.slice(colon + 1).split(';')) {
      if (r.length === 0) continue;
      const d = readRec(r, prev);
      prev = d.code;
      wards2025.push({ ...d.unit, code: pad(d.code, 5), province });
    }
  }
  const provincesLegacy: Array<GazetteerUnitInput & { to2025?: string }> = [];
  for (const line of p.provincesLegacy.split('\n')) {
    const [code, t, name, nameEn, to] = line.split('|');
    provincesLegacy.push({
      code: code!,
      name: name!,
      type: letterType(t),
      ...(nameEn ? { nameEn } : {}),
      ...(to ? { to2025: to } : {}),
    });
  }
  const districtsLegacy: Array<GazetteerUnitInput & { province: string }> = [];
  const wardsLegacy: Array<GazetteerUnitInput & { district: string; to2025?: string[] }> = [];
  let prevW = 0;
  for (const line of p.legacy.split('\n')) {
    const colon = line.indexOf(':');
    const province = line.slice(0, colon);
    let prevD = 0;
    for (const dpart of line.slice(colon + 1).split('#')) {
      if (dpart.length === 0) continue;
      const eq = dpart.indexOf('=');
      const d = readRec(dpart.slice(0, eq), prevD);
      prevD = d.code;
      const district = pad(d.code, 3);
      districtsLegacy.push({ ...d.unit, code: district, province });
      let prevMap: string[] = [];
      for (const r of dpart.slice(eq + 1).split(';')) {
        if (r.length === 0) continue;
        const w = readRec(r, prevW);
        prevW = w.code;
        let map: string[] = [];
        if (w.tail === '^') map = prevMap;
        else if (w.tail.length > 0) map = w.tail.split(',').map((c) => pad(parseInt(c, 36), 5));
        prevMap = map;
        wardsLegacy.push({ ...w.unit, code: pad(w.code, 5), district, ...(map.length > 0 ? { to2025: map } : {}) });
      }
    }
  }
  const base: GazetteerInput = { provinces2025, wards2025, provincesLegacy, districtsLegacy, wardsLegacy };
  if (p.history === undefined) return base;
  const provinceOf = new Map<string, string>();
  for (const d of districtsLegacy) provinceOf.set(d.code, d.province);
  return { ...base, historyLegacy: unpackHistory(p.history, provinceOf) };
}
