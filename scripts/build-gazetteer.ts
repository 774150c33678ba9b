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
import { packGazetteer, unpackGazetteer } from '../src/address/_packed.js';
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

const input: GazetteerInput = { provinces2025, wards2025, provincesLegacy, districtsLegacy, wardsLegacy };
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

const lic1 = readFileSync(join(src, 'LICENSE-vietnamese-provinces-database.txt'), 'utf8').trim();
const lic2 = readFileSync(join(src, 'LICENSE-dvhcvn-20250701.txt'), 'utf8').trim();
const comment = (s: string): string => s.split('\n').map((l) => (l ? ` * ${l}` : ' *')).join('\n');

const q = (s: string): string => JSON.stringify(s);
const module_ = `/**
 * GENERATED by scripts/build-gazetteer.ts — do not edit by hand; run \`npm run gazetteer\`.
 *
 * Vietnamese administrative units, packed (format: src/address/_packed.ts):
 * - 2025 scheme (${provinces2025.length} provinces, ${wards2025.length} wards/communes/special zones):
 *   thanglequoc/vietnamese-provinces-database v4.2.0, full_json_generated_data_vn_units (2026-07-25 build).
 * - Legacy scheme as of 2025-03 (${provincesLegacy.length} provinces, ${districtsLegacy.length} districts, ${wardsLegacy.length} wards):
 *   thanglequoc/vietnamese-provinces-database v2.4.1, simplified_json_generated_data_vn_units.
 * - Legacy → 2025 ward mapping: dvhcvn/20250701, mapping/splits.json (${remapped} targets re-resolved by name).
 *
 * vietnamese-provinces-database:
${comment(lic1)}
 *
 * dvhcvn:
${comment(lic2)}
 * @module
 * @internal
 */

import type { PackedGazetteer } from './_packed.js';

/** The packed bundled gazetteer. */
export const GAZETTEER_DATA: PackedGazetteer = {
  provinces2025: ${q(packed.provinces2025)},
  wards2025: ${q(packed.wards2025)},
  provincesLegacy: ${q(packed.provincesLegacy)},
  legacy: ${q(packed.legacy)},
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

Both are MIT licensed.

## vietnamese-provinces-database

\`\`\`
${lic1}
\`\`\`

## dvhcvn

\`\`\`
${lic2}
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
