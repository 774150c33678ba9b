/**
 * The packed text format of the bundled gazetteer, and its encoder and decoder.
 *
 * Columnar: each coded table (2025 wards, legacy districts and wards, historical units) is split
 * into streams of one kind of field each (names; codes and types; 2025 targets or successors;
 * structure), because gzip codes a stream of like symbols better than the same fields interleaved
 * unit by unit (the generated module: 72.6 KB gzipped interleaved, 61.8 KB as streams). The two
 * province tables stay one readable line per province. Every field is written as a plain ASCII
 * text stream that the app's gzip compresses; there is no other coder.
 *
 * Numbers (`int`) are self-delimiting base 62 (`0-9a-zA-Z`): one digit for 0–61, `+` and two digits
 * up to 3,843, `*` and three digits up to 238,327; `-` before one negates it. `zig` is the same
 * for a signed value folded onto the naturals (0, -1, 1, -2, … → 0, 1, 2, 3, …), so small
 * negative values take one character too.
 *
 * A unit's code and type are one character (`unit`): the {@link JOINT} alphabet (90 printable
 * characters) holds, for each ward type `P`, `X`, `T` in turn, the code deltas 0–29 from the
 * previous code; any other unit is `'`, its type letter (`C` thành phố, `V` tỉnh, `Q` quận, `H`
 * huyện, `S` thị xã, `P` phường, `X` xã, `T` thị trấn, `D` đặc khu), then the delta as an `int`.
 * Legacy codes are deltas from the previous code in the same run: across the whole legacy table
 * (ward codes run on across districts and provinces: codes are assigned in geographic order, so
 * neighbours are close, and the step of 3 is the rule); for historical units, per district line,
 * and run on across ward lines. A 2025 ward keeps the code of one of the legacy wards that went
 * into it (3,314 of 3,321): its unit's number is that ward's index among them, in the order the
 * decoder reads the legacy wards; the code is filled in once they are read. A 2025 ward with a
 * code of its own has `-1 - code` there.
 *
 * One `names` stream holds every name of the three coded tables: per unit its name, then `|` and
 * its English name when it differs from the name without diacritics, then `;`. It is cut into
 * sections, each ended by `\n`, in region order ({@link nameSections}): a 2025 province's wards,
 * then for each legacy province that went into it, its districts (each followed by its wards) and
 * then its historical units in line order. Each table reads its sections where they are, so the
 * other streams keep their table order. The frequent words of names are written as
 * two-character codes into the dictionary string `words` (up to 492 words: `Phường`, `Thành`,
 * `Bình`, …; see {@link wordCodes}), and names are in an ASCII form of Vietnamese (`toAscii`:
 * each name in canonical decomposition with every combining mark as one ASCII character, which
 * gzips smaller and keeps a bundler from writing each letter as a `\uXXXX` escape); both are
 * undone before the stream is read. A legacy ward named exactly like its first 2025 target (2,029
 * of 10,035) is named `@`.
 *
 * ```
 * provinces2025      01|C|Hà Nội|Hanoi \n …            code|type|name[|en], one line per province
 * provincesLegacy    01|C|Hà Nội||01 \n …              code|type|name|en|to2025
 * names              Ba Đình;Ngọc Hà;…\nBa Đình;…       the names, in sections (see above)
 * wards2025Units     !#!…$.!…                           unit per ward (type, and whose code it has); `.` ends
 *                                                       a province (provinces2025 order)
 * legacyDistricts    1Q1Q…/1H…                          per district: district code delta (`int`, run on
 *                                                       across provinces) and type letter; `/` ends a
 *                                                       province (provincesLegacy order)
 * legacyUnits        mnm…m.mm…                          unit per legacy ward; `.` ends a district
 * legacyTargets      c^2,1!+7K…                         per legacy ward: `^` the same 2025 targets as the
 *                                                       previous ward of the district, `=` none, or the
 *                                                       targets, `,` between them: each a `zig` delta of
 *                                                       its position in the ward list of the 2025 province
 *                                                       the ward's province went into (that list by code,
 *                                                       as packed in the 2025 streams) from the previous
 *                                                       target's position in the same legacy province, or
 *                                                       `!` and its position in the whole 2025 list as an
 *                                                       `int` (a target elsewhere); a last `.` ends the
 *                                                       stream
 * historyLines       =1d4…                              per line: `=` and a province code (`int`): the
 *                                                       historical districts of that province; or the
 *                                                       district code as an `int` delta from the previous
 *                                                       ward line's: historical wards of that district
 *                                                       (its province is the district's, current or
 *                                                       historical); district lines come first
 * historyUnits       'H1'H2…                            unit per historical unit; `.` ends a line
 * historySuccessors  1=-3,5…                           per historical unit: `=` when its successor is
 *                                                       the unit of the same code, else the successor's
 *                                                       code as an `int` delta from the unit's; then `,`
 *                                                       and an `int` delta per further unit it went
 *                                                       into; a last `.` ends the stream
 * words              Bi`nh Ta*n …                       the word dictionary, space-separated, ASCII form
 * ```
 * The three history streams are there together or not at all (and the names stream has history
 * sections only with them). (Names shown before the word codes and the ASCII form.) Decoding is
 * one replace for the marks and one for the word codes on the names stream, then one pass over
 * each table's streams together, with one cursor per stream (and one over the 2025 wards and the
 * legacy targets for the 2025 codes): no split arrays. Streams that fell out of step (a corrupt or truncated one) throw: every read checks its
 * character, every section must be read exactly to its `\n`, and every other stream exactly to
 * its end.
 * @module
 * @internal
 */

import type { GazetteerInput, GazetteerUnitInput } from './gazetteer.js';
import type { UnitType } from './types.js';
import { plainEn } from './_plain-en.js';

/**
 * The packed gazetteer as emitted by `scripts/build-gazetteer.ts` (see the module comment). The
 * four history streams are there together or not at all.
 */
export interface PackedGazetteer {
  readonly provinces2025: string;
  readonly provincesLegacy: string;
  readonly names: string;
  readonly wards2025Units: string;
  readonly legacyDistricts: string;
  readonly legacyUnits: string;
  readonly legacyTargets: string;
  /** Historical legacy units (optional, the three together; see {@link packHistory}). */
  readonly historyLines?: string;
  readonly historyUnits?: string;
  readonly historySuccessors?: string;
  /**
   * The word dictionary of the names stream (optional; see {@link wordCodes}): the frequent words
   * of unit names, in the ASCII form, joined by spaces.
   */
  readonly words?: string;
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

function en(u: GazetteerUnitInput): string {
  return u.nameEn === undefined || u.nameEn === plainEn(u.name) ? '' : `|${u.nameEn}`;
}

/**
 * Vietnamese letters as ASCII: the name in canonical decomposition (NFD), each combining mark
 * replaced by one ASCII character, `đ`/`Đ` by `%`/`&`. Lossless for NFC names (the decoder
 * recomposes them), and smaller: a bundler writes every non-ASCII character as a `\uXXXX`
 * escape, and gzip codes one ASCII byte better than the two or three UTF-8 bytes of a letter.
 */
const MARKS: ReadonlyArray<readonly [string, string]> = [
  ['\u0302', '*'], // circumflex
  ['\u0306', '('], // breve
  ['\u031B', '+'], // horn
  ['\u0300', '`'], // grave
  ['\u0301', '$'], // acute
  ['\u0309', '?'], // hook above
  ['\u0303', '~'], // tilde
  ['\u0323', '['], // dot below
  ['\u0111', '%'], // đ
  ['\u0110', '&'], // Đ
];
const TO_ASCII: ReadonlyMap<string, string> = new Map(MARKS);
const FROM_ASCII: ReadonlyMap<string, string> = new Map(MARKS.map(([a, b]) => [b, a]));

/**
 * The ASCII form of a packed table.
 * @param table - a packed table (NFC text)
 * @returns the same table in ASCII
 * @throws Error when the table already holds one of the characters the form reserves, or a
 * letter with no ASCII form (build time only)
 */
function toAscii(table: string): string {
  if (/[*(+`$?~[%&]/.test(table)) throw new Error('packed gazetteer: a name holds a character the ASCII form reserves');
  const out = table.normalize('NFD').replace(/[\u0300-\u036f\u0110\u0111]/g, (m) => {
    const a = TO_ASCII.get(m);
    if (a === undefined) throw new Error('packed gazetteer: a mark with no ASCII form');
    return a;
  });
  if (/[^\x00-\x7f]/.test(out)) throw new Error('packed gazetteer: a letter with no ASCII form');
  return out;
}

/**
 * The text of a table in the ASCII form.
 * @param table - the ASCII form
 * @returns the table as NFC text
 */
function fromAscii(table: string): string {
  return table.replace(/[*(+`$?~[%&]/g, (a) => FROM_ASCII.get(a)!).normalize('NFC');
}

function checkName(s: string): void {
  if (/[|;#=:>^,@\n{}_<)\]]/.test(s)) throw new Error(`packed gazetteer: reserved character in name`);
  if (s === '') throw new Error('packed gazetteer: an empty name');
}

/**
 * Word codes. The frequent words of unit names (`Phường`, `Thành`, `Bình`, …) are written as two
 * ASCII characters: one of {@link CODE_PREFIXES}, which no name holds, then one of
 * {@link CODE_CHARS}; the code's index is its word's position in the `words` table. Two coded
 * words in a row are written with no space between them (the decoder puts it back: a code followed
 * by another code is followed by a space). Codes are expanded before anything else is read, so the
 * rest of the format never sees them.
 */
const CODE_PREFIXES = '{}_<)]';
/** Second characters of a code: printable ASCII, less what JSON escapes and what the ASCII form reserves. */
const CODE_CHARS: string = /* @__PURE__ */ (() => {
  let out = '';
  for (let c = 33; c < 127; c++) if (!'"\\*(+`$?~[%&'.includes(String.fromCharCode(c))) out += String.fromCharCode(c);
  return out;
})();
const CODE_RE = /([{}_<)\]])([^])(?=([{}_<)\]])?)/g;
/** A word is coded only if it is this long and this frequent (shorter or rarer ones gain nothing). */
const CODE_MIN_LENGTH = 3;
const CODE_MIN_COUNT = 3;

/**
 * The dictionary of a gazetteer's frequent name words and their codes: the words that save the most
 * (occurrences × characters saved, in the ASCII form; ties by word), as many as there are codes,
 * the first {@link CODE_CHARS}`.length` of them on the first prefix and so on; within a prefix, in
 * the order of their ASCII form.
 * @param names - every name (and English name) the coded tables write, with repeats
 * @returns the words in code order, and the code of each
 */
function wordCodes(names: readonly string[]): { words: string[]; code: ReadonlyMap<string, string> } {
  const count = new Map<string, number>();
  for (const n of names) for (const w of n.split(' ')) count.set(w, (count.get(w) ?? 0) + 1);
  const gain = (w: string): number => count.get(w)! * (w.normalize('NFD').length - 2);
  const words = [...count.keys()]
    .filter((w) => w.normalize('NFD').length >= CODE_MIN_LENGTH && count.get(w)! >= CODE_MIN_COUNT)
    .sort((a, b) => gain(b) - gain(a) || (a < b ? -1 : a > b ? 1 : 0))
    .slice(0, CODE_PREFIXES.length * CODE_CHARS.length);
  // Within the tier of each code prefix (the most saving words share the first prefix, which
  // gzip then codes shorter), in the order of their ASCII form: the dictionary gzips smaller.
  const n = CODE_CHARS.length;
  for (let t = 0; t * n < words.length; t++) {
    const ascii = words.slice(t * n, (t + 1) * n).map((w) => [toAscii(w), w] as const);
    ascii.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
    words.splice(t * n, ascii.length, ...ascii.map(([, w]) => w));
  }
  const code = new Map(words.map((w, i) => [w, CODE_PREFIXES[Math.floor(i / CODE_CHARS.length)]! + CODE_CHARS[i % CODE_CHARS.length]!]));
  return { words, code };
}

/** A name with its dictionary words coded. */
function codeName(name: string, code: ReadonlyMap<string, string>): string {
  let out = '';
  let prevCoded = false;
  name.split(' ').forEach((w, i) => {
    const c = code.get(w);
    if (i > 0 && !(c !== undefined && prevCoded)) out += ' ';
    out += c ?? w;
    prevCoded = c !== undefined;
  });
  return out;
}

/**
 * A table with its word codes expanded.
 * @param table - a coded table
 * @param words - the dictionary, or undefined when the tables are not coded
 * @returns the table as written before coding
 */
function expandWords(table: string, words: readonly string[] | undefined): string {
  if (words === undefined) return table;
  const n = CODE_CHARS.length;
  return table.replace(CODE_RE, (_, p: string, c: string, next: string | undefined) => {
    const w = words[CODE_PREFIXES.indexOf(p) * n + CODE_CHARS.indexOf(c)];
    if (w === undefined) throw new Error('packed gazetteer: corrupt word code');
    return next === undefined ? w : `${w} `;
  });
}

/** Base-62 digits of `int` and `zig` numbers. */
const DIGITS = '0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ';

/**
 * A signed integer as a self-delimiting base-62 number (see the module comment).
 * @throws Error beyond ±238,327 (build time only; codes have at most five digits)
 */
function int(v: number): string {
  if (!Number.isSafeInteger(v)) throw new Error('packed gazetteer: not an integer');
  if (v < 0) return `-${int(-v)}`;
  if (v < 62) return DIGITS[v]!;
  if (v < 62 * 62) return `+${DIGITS[Math.floor(v / 62)]}${DIGITS[v % 62]}`;
  if (v < 62 * 62 * 62) return `*${DIGITS[Math.floor(v / 3844)]}${DIGITS[Math.floor(v / 62) % 62]}${DIGITS[v % 62]}`;
  throw new Error('packed gazetteer: number out of range');
}

/** A signed integer folded onto the naturals (0, -1, 1, -2, … → 0, 1, 2, 3, …), as an `int`. */
function zig(v: number): string {
  return int(v >= 0 ? 2 * v : -2 * v - 1);
}

/**
 * The unit alphabet: printable ASCII less `"` and `\` (which a bundler would escape), `'` (the
 * escape of a unit that has no character here) and `.` (the end of a group). 90 characters: for
 * each of {@link JOINT_TYPES}, the code deltas 0 to {@link JOINT_SPAN} - 1.
 */
const JOINT: string = /* @__PURE__ */ (() => {
  let out = '';
  for (let c = 33; c < 127; c++) if (!`"'.\\`.includes(String.fromCharCode(c))) out += String.fromCharCode(c);
  return out;
})();
const JOINT_TYPES: readonly UnitType[] = ['phuong', 'xa', 'thi-tran'];
const JOINT_SPAN = 30;

/** A unit's type and code delta as a `unit` (see the module comment). */
function unitChar(type: UnitType, delta: number): string {
  const t = JOINT_TYPES.indexOf(type);
  if (t >= 0 && delta >= 0 && delta < JOINT_SPAN) return JOINT[t * JOINT_SPAN + delta]!;
  return `'${TYPE_LETTER[type]}${int(delta)}`;
}

/** A names-stream record: the name, `|` and the English name if it must be kept, then `;`. */
function nameRecord(u: GazetteerUnitInput, code: ReadonlyMap<string, string>, name = u.name): string {
  checkName(u.name);
  if (u.nameEn !== undefined) checkName(u.nameEn);
  const e = en(u);
  return `${name === '@' ? name : codeName(name, code)}${e === '' ? '' : `|${codeName(e.slice(1), code)}`};`;
}

const byCode = (a: { code: string }, b: { code: string }): number => Number(a.code) - Number(b.code);

/**
 * The sections of the `names` stream, in stream order: `[0, i]` the wards of 2025 province `i`,
 * `[1, i]` the districts and wards of legacy province `i`, `[2, i]` (when there is history) the
 * historical units of legacy province `i`, in line order (indices into the province tables). Each
 * 2025 province, followed by the legacy provinces that went into it (in table order, each with its
 * history); then the legacy provinces that went into none listed. Neighbouring names share their
 * local words, and gzip finds them within its window (the generated module 1.1 KB smaller, gzipped,
 * than with one names stream per table).
 */
function nameSections(
  p25: ReadonlyArray<{ readonly code: string }>,
  pL: ReadonlyArray<{ readonly to2025?: string | undefined }>,
  history: boolean,
): Array<readonly [0 | 1 | 2, number]> {
  const out: Array<readonly [0 | 1 | 2, number]> = [];
  const legacy = (j: number): void => {
    out.push([1, j]);
    if (history) out.push([2, j]);
  };
  const known = new Set<string>();
  p25.forEach((p, i) => {
    known.add(p.code);
    out.push([0, i]);
    pL.forEach((l, j) => {
      if (l.to2025 === p.code) legacy(j);
    });
  });
  pL.forEach((l, j) => {
    if (l.to2025 === undefined || !known.has(l.to2025)) legacy(j);
  });
  return out;
}

/**
 * Pack a gazetteer input into the compact text form.
 *
 * @param g - the gazetteer input
 * @returns the packed streams
 * @throws Error when a name contains a reserved character, or a unit is outside the parent lists
 * (build time only)
 */
export function packGazetteer(g: GazetteerInput): PackedGazetteer {
  const lines = (xs: string[]): string => xs.join('\n');
  // The names the coded tables write (2025 wards, legacy districts and wards, history), with
  // repeats: their frequent words make the dictionary.
  const names: string[] = [];
  for (const u of [...g.wards2025, ...g.districtsLegacy, ...g.wardsLegacy, ...(g.historyLegacy ?? [])]) {
    names.push(u.name);
    const e = en(u);
    if (e !== '') names.push(e.slice(1));
  }
  const dict = wordCodes(names);
  const provinces2025 = lines(g.provinces2025.map((p) => `${p.code}|${TYPE_LETTER[p.type]}|${p.name}${en(p)}`));
  const provincesLegacy = lines(
    g.provincesLegacy.map((p) => `${p.code}|${TYPE_LETTER[p.type]}|${p.name}|${en(p).slice(1)}|${p.to2025 ?? ''}`),
  );

  const provincesL = new Set(g.provincesLegacy.map((p) => p.code));
  const districtsL = new Set(g.districtsLegacy.map((d) => d.code));
  for (const d of g.districtsLegacy) if (!provincesL.has(d.province)) throw new Error('packed gazetteer: district of an unknown province');
  for (const w of g.wardsLegacy) if (!districtsL.has(w.district)) throw new Error('packed gazetteer: ward of an unknown district');
  const districtsOf = (p: string): GazetteerInput['districtsLegacy'][number][] => g.districtsLegacy.filter((d) => d.province === p).sort(byCode);
  const wardsOf = (d: string): GazetteerInput['wardsLegacy'][number][] => g.wardsLegacy.filter((w) => w.district === d).sort(byCode);

  // The legacy wards that went into each 2025 ward, in the order the decoder meets them (legacy
  // provinces in table order, districts and wards by code, targets in list order).
  const sources = new Map<string, string[]>();
  for (const p of g.provincesLegacy) {
    for (const d of districtsOf(p.code)) {
      for (const w of wardsOf(d.code)) for (const c of w.to2025 ?? []) (sources.get(c) ?? sources.set(c, []).get(c)!).push(w.code);
    }
  }

  // 2025 wards, province by province (provinces2025 order), by code. A 2025 ward's code is, but for
  // 7 of 3,321, the code of one of the legacy wards that went into it: it is stored as which one
  // (its index among them, see `sources`), else as the code itself.
  const w25Names = new Map<string, string>();
  let w25Units = '';
  const names2025 = new Map(g.wards2025.map((w) => [w.code, w.name]));
  const places2025 = new Map<string, Map<string, number>>();
  /** Each 2025 ward's position in the decoded list (provinces2025 order, by code). */
  const index2025 = new Map<string, number>();
  const provinces25 = new Set(g.provinces2025.map((p) => p.code));
  for (const w of g.wards2025) if (!provinces25.has(w.province)) throw new Error('packed gazetteer: 2025 ward of an unknown province');
  if (names2025.size !== g.wards2025.length) throw new Error('packed gazetteer: two 2025 wards with one code');
  for (const p of g.provinces2025) {
    const ws = g.wards2025.filter((w) => w.province === p.code).sort(byCode);
    places2025.set(p.code, new Map(ws.map((w, i) => [w.code, i])));
    let section = '';
    for (const w of ws) {
      index2025.set(w.code, index2025.size);
      section += nameRecord(w, dict.code);
      const donor = sources.get(w.code)?.indexOf(w.code) ?? -1;
      w25Units += donor >= 0 ? unitChar(w.type, donor) : `'${TYPE_LETTER[w.type]}${int(-1 - Number(w.code))}`;
    }
    w25Units += '.';
    w25Names.set(p.code, section);
  }

  // Legacy districts and wards, province by province (provincesLegacy order), by code. A ward's
  // 2025 targets are stored as positions in the ward list of the 2025 province its province went
  // into (neighbouring wards went into the same or neighbouring new wards); a ward named exactly
  // like its (first) target, as new wards often are, is named `@`.
  let lgDistricts = '';
  const lgNames = new Map<string, string>();
  let lgUnits = '';
  let lgTargets = '';
  let prevD = 0;
  let prevW = 0;
  for (const p of g.provincesLegacy) {
    const ds = districtsOf(p.code);
    const places = (p.to2025 === undefined ? undefined : places2025.get(p.to2025)) ?? new Map<string, number>();
    let prevAt = 0;
    let section = '';
    for (const d of ds) {
      lgDistricts += int(Number(d.code) - prevD) + TYPE_LETTER[d.type];
      prevD = Number(d.code);
      section += nameRecord(d, dict.code);
      const ws = wardsOf(d.code);
      let prevMap = '';
      for (const w of ws) {
        const to = w.to2025 ?? [];
        const same = to.length > 0 && names2025.get(to[0]!) === w.name;
        section += nameRecord(w, dict.code, same ? '@' : w.name);
        lgUnits += unitChar(w.type, Number(w.code) - prevW);
        prevW = Number(w.code);
        const key = to.join(',');
        if (to.length === 0) lgTargets += '=';
        else if (key === prevMap) lgTargets += '^';
        else {
          lgTargets += to
            .map((c) => {
              const at = places.get(c);
              if (at === undefined) {
                const i = index2025.get(c);
                if (i === undefined) throw new Error('packed gazetteer: a 2025 target that is no 2025 ward');
                return `!${int(i)}`;
              }
              const delta = at - prevAt;
              prevAt = at;
              return zig(delta);
            })
            .join(',');
        }
        prevMap = key;
      }
      lgUnits += '.';
    }
    lgDistricts += '/';
    lgNames.set(p.code, section);
  }
  // A last `.`: a list's `,` continuation would otherwise make a truncated stream look whole.
  lgTargets += '.';
  const history = g.historyLegacy !== undefined && g.historyLegacy.length > 0;
  const provinceOf = new Map<string, string>();
  for (const d of g.districtsLegacy) provinceOf.set(d.code, d.province);
  const hNames = new Map<string, string>();
  const h = history ? packHistory(g.historyLegacy!, dict.code, provinceOf, hNames) : undefined;
  for (const p of hNames.keys()) if (!provincesL.has(p)) throw new Error('packed gazetteer: historical unit of an unknown province');
  // The names of both schemes and the history, region by region (see {@link nameSections}).
  const sectionText = ([scheme, i]: readonly [0 | 1 | 2, number]): string =>
    (scheme === 0 ? w25Names.get(g.provinces2025[i]!.code) : (scheme === 1 ? lgNames : hNames).get(g.provincesLegacy[i]!.code)) ?? '';
  const allNames = nameSections(g.provinces2025, g.provincesLegacy, history)
    .map((sec) => `${sectionText(sec)}\n`)
    .join('');
  // The two province tables stay as they are: small, and readable in the generated file.
  const out: PackedGazetteer = {
    provinces2025,
    provincesLegacy,
    names: toAscii(allNames),
    wards2025Units: w25Units,
    legacyDistricts: lgDistricts,
    legacyUnits: lgUnits,
    legacyTargets: lgTargets,
    ...h,
  };
  return dict.words.length === 0 ? out : { ...out, words: toAscii(dict.words.join(' ')) };
}

/**
 * The three history streams, and the history's names per province (for the `names` stream, in line
 * order). One line per parent: the historical districts of a province, then the
 * historical wards of a district, the district's code as a signed delta from the previous ward
 * line's (its province is that of the district, current or historical). Codes restart from 0 on
 * each district line and run on from ward line to ward line. Lines keep the order of
 * `province/district` keys, district lines first.
 */
function packHistory(
  h: NonNullable<GazetteerInput['historyLegacy']>,
  code: ReadonlyMap<string, string>,
  provinceOf: Map<string, string>,
  names: Map<string, string>,
): Required<Pick<PackedGazetteer, 'historyLines' | 'historyUnits' | 'historySuccessors'>> {
  for (const u of h) if (u.level === 'district') provinceOf.set(u.code, u.province);
  const groups = new Map<string, HistoryInput[]>();
  for (const u of h) {
    const g = u.level === 'district' ? u.province : `${u.province}/${u.parent}`;
    const list = groups.get(g) ?? [];
    list.push(u);
    groups.set(g, list);
  }
  const sorted = [...groups].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  // District lines first: the ward lines take their provinces from them.
  sorted.sort((a, b) => Number(a[0].includes('/')) - Number(b[0].includes('/')));
  let lines = '';
  let units = '';
  let successors = '';
  let prevDistrict = 0;
  let prevWard = 0;
  for (const [g, list] of sorted) {
    list.sort((a, b) => Number(a.code) - Number(b.code) || (a.name < b.name ? -1 : 1));
    const wards = g.includes('/');
    if (!wards) {
      if (pad(Number(g), 2) !== g) throw new Error('packed gazetteer: a province code that is not two digits');
      lines += `=${int(Number(g))}`;
    }
    else {
      const u = list[0]!;
      if (provinceOf.get(u.parent) !== u.province) throw new Error('packed gazetteer: historical ward of an unknown district');
      lines += int(Number(u.parent) - prevDistrict);
      prevDistrict = Number(u.parent);
    }
    let prev = wards ? prevWard : 0;
    for (const u of list) {
      names.set(u.province, (names.get(u.province) ?? '') + nameRecord(u, code));
      units += unitChar(u.type, Number(u.code) - prev);
      prev = Number(u.code);
      successors += u.successor === u.code ? '=' : int(Number(u.successor) - Number(u.code));
      for (const c of u.alsoInto ?? []) successors += `,${int(Number(c) - Number(u.code))}`;
    }
    units += '.';
    if (wards) prevWard = prev;
  }
  // A last `.`, as in legacyTargets: a truncated stream cannot look whole.
  return { historyLines: lines, historyUnits: units, historySuccessors: `${successors}.` };
}

type HistoryInput = NonNullable<GazetteerInput['historyLegacy']>[number];
type Unit = { name: string; nameEn?: string; type: UnitType };

/** Character codes of the format. */
const BAR = 124;
const NL = 10;
const SEMI = 59;
const DOT = 46;
const SLASH = 47;
const EQ = 61;
const COMMA = 44;
const CARET = 94;
const BANG = 33;
const QUOTE = 39;
const MINUS = 45;
const PLUS = 43;
const STAR = 42;

/** Value of each base-62 digit by character code, -1 for others. */
const DIGIT_VALUE: Int8Array = /* @__PURE__ */ (() => {
  const t = new Int8Array(128).fill(-1);
  for (let i = 0; i < DIGITS.length; i++) t[DIGITS.charCodeAt(i)] = i;
  return t;
})();
/** Index in {@link JOINT} by character code, -1 for others. */
const JOINT_INDEX: Int8Array = /* @__PURE__ */ (() => {
  const t = new Int8Array(128).fill(-1);
  for (let i = 0; i < JOINT.length; i++) t[JOINT.charCodeAt(i)] = i;
  return t;
})();

function corrupt(what: string): never {
  throw new Error(`packed gazetteer: corrupt ${what}`);
}

/**
 * A cursor over one stream: one pass, character codes only, no intermediate arrays; the only
 * strings it makes are the names (and the codes the decoded tables carry). Every read checks what
 * it reads, so a stream out of step with the others fails instead of misaligning.
 */
class Cursor {
  i = 0;
  /** The code delta of the last {@link unit}. */
  delta = 0;
  readonly #s: string;
  readonly #what: string;

  constructor(s: string, what: string) {
    this.#s = s;
    this.#what = what;
  }

  /** @returns whether the whole stream has been read */
  done(): boolean {
    return this.i >= this.#s.length;
  }

  /** @throws Error unless the whole stream has been read */
  end(): void {
    if (this.i !== this.#s.length) corrupt(`${this.#what} (not read to its end)`);
  }

  /**
   * @returns where each `\n`-ended line of the stream starts, and the stream's length last
   * @throws Error when the stream does not end with `\n`
   */
  lineStarts(): number[] {
    const s = this.#s;
    const out = [0];
    for (let q = s.indexOf('\n'); q >= 0; q = s.indexOf('\n', q + 1)) out.push(q + 1);
    if (out[out.length - 1] !== s.length) corrupt(`${this.#what} (not ended)`);
    return out;
  }

  /** @returns the next character code, not consumed (NaN at the end) */
  peek(): number {
    return this.#s.charCodeAt(this.i);
  }

  /** @param c - a character code that must come next */
  eat(c: number): void {
    if (this.#s.charCodeAt(this.i) !== c) corrupt(this.#what);
    this.i++;
  }

  /** @returns an `int`: a self-delimiting signed base-62 number */
  int(): number {
    const s = this.#s;
    const c = s.charCodeAt(this.i++);
    if (c === MINUS) return -this.int();
    const n = c === PLUS ? 2 : c === STAR ? 3 : 0;
    if (n === 0) {
      const v = c < 128 ? DIGIT_VALUE[c]! : -1;
      if (v < 0) corrupt(this.#what);
      return v;
    }
    let v = 0;
    for (let k = 0; k < n; k++) {
      const c2 = s.charCodeAt(this.i++);
      const d = c2 < 128 ? DIGIT_VALUE[c2]! : -1;
      if (d < 0) corrupt(this.#what);
      v = v * 62 + d;
    }
    return v;
  }

  /** @returns a `zig` number, unfolded */
  zig(): number {
    const z = this.int();
    if (z < 0) corrupt(this.#what);
    return z & 1 ? -(z + 1) / 2 : z / 2;
  }

  /** @returns a unit type from its letter */
  type(): UnitType {
    const t = LETTER_TYPE.get(this.#s[this.i++] ?? '');
    if (t === undefined) corrupt(`${this.#what} (type)`);
    return t;
  }

  /** @returns a `unit`'s type; its code delta is left in {@link delta} */
  unit(): UnitType {
    const c = this.#s.charCodeAt(this.i++);
    const j = c < 128 ? JOINT_INDEX[c]! : -1;
    if (j >= 0) {
      this.delta = j % JOINT_SPAN;
      return JOINT_TYPES[(j - this.delta) / JOINT_SPAN]!;
    }
    if (c !== QUOTE) corrupt(this.#what);
    const t = this.type();
    this.delta = this.int();
    return t;
  }

  /** @returns the text up to the next `;`, `|`, `\n` (or the end) */
  text(): string {
    const s = this.#s;
    const from = this.i;
    let i = from;
    for (;;) {
      const c = s.charCodeAt(i);
      // ; | \n (and NaN at the end)
      if (c !== c || c === SEMI || c === BAR || c === NL) break;
      i++;
    }
    this.i = i;
    return s.slice(from, i);
  }

  /** @returns a names-stream record, `<name>[|en];`, as a unit of this type */
  named(type: UnitType): Unit {
    const name = this.text();
    if (name === '') corrupt(`${this.#what} (an empty name)`);
    if (this.peek() !== BAR) {
      this.eat(SEMI);
      return { name, type };
    }
    this.i++;
    const nameEn = this.text();
    this.eat(SEMI);
    return { name, nameEn, type };
  }
}

function pad(n: number, width: number): string {
  return String(n).padStart(width, '0');
}

/** `code|T|name[|en]` lines; legacy provinces add `|to2025`. */
function unpackProvinces(s: string, legacy: boolean): Array<GazetteerUnitInput & { to2025?: string }> {
  const out: Array<GazetteerUnitInput & { to2025?: string }> = [];
  const c = new Cursor(s, 'province table');
  while (!c.done()) {
    const code = c.text();
    c.eat(BAR);
    const type = c.type();
    c.eat(BAR);
    const name = c.text();
    let nameEn = '';
    let to = '';
    if (c.peek() === BAR) {
      c.i++;
      nameEn = c.text();
    }
    if (legacy) {
      c.eat(BAR);
      to = c.text();
    }
    out.push({ code, name, type, ...(nameEn ? { nameEn } : {}), ...(to ? { to2025: to } : {}) });
    if (!c.done()) c.eat(NL);
  }
  return out;
}

/**
 * Unpack the compact text form into a gazetteer input.
 *
 * @param p - packed streams
 * @returns the unit lists
 * @throws Error when the packed text is corrupt or truncated (never for the bundled data)
 */
export function unpackGazetteer(p: PackedGazetteer): GazetteerInput {
  const provinces2025 = unpackProvinces(p.provinces2025, false);
  // Marks are restored before the codes are expanded (on the shorter, coded text; the words are
  // decoded once): a code is whole words between ASCII characters, so the result is the same.
  const words = p.words === undefined ? undefined : fromAscii(p.words).split(' ');
  const names = (s: string, what: string): Cursor => new Cursor(expandWords(fromAscii(s), words), what);

  const provincesLegacy = unpackProvinces(p.provincesLegacy, true);
  // The names stream, and where each of its sections starts (see nameSections).
  const n = names(p.names, 'names');
  const { historyLines, historyUnits, historySuccessors } = p;
  const history = historyLines !== undefined || historyUnits !== undefined || historySuccessors !== undefined;
  if (history && (historyLines === undefined || historyUnits === undefined || historySuccessors === undefined)) {
    corrupt('history (some of its streams are missing)');
  }
  const sections = nameSections(provinces2025, provincesLegacy, history);
  const starts = n.lineStarts();
  if (starts.length !== sections.length + 1) corrupt('names (sections)');
  const at: [number[], number[], number[]] = [[], [], []];
  sections.forEach(([scheme, i], k) => (at[scheme][i] = starts[k]!));
  const [at25, atL, atH] = at;

  // 2025 wards: names, types, and whose code each takes (a legacy ward's, known once those are
  // read, or its own); referred to by their position in this list.
  const units25: Unit[] = [];
  const province25: string[] = [];
  const donor25: number[] = [];
  /** Per 2025 province: where its wards start in the list, and how many there are. */
  const range25 = new Map<string, readonly [number, number]>();
  let u = new Cursor(p.wards2025Units, '2025 ward units');
  for (const [k, { code: province }] of provinces2025.entries()) {
    n.i = at25[k]!;
    const from = units25.length;
    while (u.peek() !== DOT) {
      units25.push(n.named(u.unit()));
      donor25.push(u.delta);
      province25.push(province);
    }
    range25.set(province, [from, units25.length - from]);
    u.i++;
    n.eat(NL);
  }
  u.end();
  const count25 = units25.length;
  /** How many legacy wards that went into each 2025 ward have been read, and the donor's code. */
  const seen = new Int32Array(count25);
  const code25: Array<string | undefined> = new Array<string | undefined>(count25);

  const districtsLegacy: Array<GazetteerUnitInput & { province: string }> = [];
  type LegacyWard = GazetteerUnitInput & { district: string; to2025?: string[] };
  const wardsLegacy: LegacyWard[] = [];
  // The legacy wards' targets, as positions in the 2025 list, one after the other (a list shared by
  // `^` is stored once); each legacy ward with targets, and where its list is.
  const refs: number[] = [];
  const pendingWard: LegacyWard[] = [];
  const pendingFrom: number[] = [];
  const pendingTo: number[] = [];
  const NO_RANGE = [0, 0] as const;
  const d = new Cursor(p.legacyDistricts, 'legacy districts');
  const x = new Cursor(p.legacyTargets, 'legacy targets');
  u = new Cursor(p.legacyUnits, 'legacy units');
  let prevD = 0;
  let prevW = 0;
  for (const [k, { code: province, to2025: to }] of provincesLegacy.entries()) {
    n.i = atL[k]!;
    const [first, count] = (to === undefined ? undefined : range25.get(to)) ?? NO_RANGE;
    let prevAt = 0;
    while (d.peek() !== SLASH) {
      prevD += d.int();
      const district = pad(prevD, 3);
      const dist = n.named(d.type());
      districtsLegacy.push(dist.nameEn === undefined ? { name: dist.name, type: dist.type, code: district, province } : { name: dist.name, nameEn: dist.nameEn, type: dist.type, code: district, province });
      // The targets of the previous ward of the district: refs[from, to).
      let from = 0;
      let to = 0;
      while (u.peek() !== DOT) {
        const w = n.named(u.unit());
        prevW += u.delta;
        const code = pad(prevW, 5);
        const t = x.peek();
        if (t === CARET) {
          x.i++;
          if (from === to) corrupt('legacy targets');
        } else if (t === EQ) {
          x.i++;
          from = to = 0;
        } else {
          from = refs.length;
          do {
            let r: number;
            if (x.peek() === BANG) {
              x.i++;
              r = x.int();
            } else {
              prevAt += x.zig();
              r = prevAt >= 0 && prevAt < count ? first + prevAt : -1;
            }
            if (!(r >= 0 && r < count25)) corrupt('2025 target');
            refs.push(r);
          } while (x.peek() === COMMA && ++x.i);
          to = refs.length;
        }
        for (let k = from; k < to; k++) {
          const r = refs[k]!;
          const met = seen[r]!;
          seen[r] = met + 1;
          if (met === donor25[r]) code25[r] = code;
        }
        if (w.name === '@') {
          if (from === to) corrupt('name reference');
          w.name = units25[refs[from]!]!.name;
        }
        const ward: LegacyWard = { ...w, code, district };
        wardsLegacy.push(ward);
        if (to > from) {
          pendingWard.push(ward);
          pendingFrom.push(from);
          pendingTo.push(to);
        }
      }
      u.i++;
    }
    d.i++;
    n.eat(NL);
  }
  x.eat(DOT);
  d.end();
  u.end();
  x.end();

  // Now the 2025 codes are known: the 2025 wards, and the legacy wards' targets (a list shared by
  // `^` stays shared).
  const wards2025: Array<GazetteerUnitInput & { province: string }> = [];
  for (let i = 0; i < count25; i++) {
    const donor = donor25[i]!;
    const code = donor >= 0 ? code25[i] : pad(-1 - donor, 5);
    if (code === undefined) corrupt('2025 ward code');
    const w = units25[i]!;
    const province = province25[i]!;
    wards2025.push(w.nameEn === undefined ? { name: w.name, type: w.type, code, province } : { name: w.name, nameEn: w.nameEn, type: w.type, code, province });
  }
  let lastFrom = -1;
  let codes: string[] = [];
  for (let k = 0; k < pendingWard.length; k++) {
    const from = pendingFrom[k]!;
    if (from !== lastFrom) {
      lastFrom = from;
      codes = [];
      for (let j = from; j < pendingTo[k]!; j++) codes.push(wards2025[refs[j]!]!.code);
    }
    pendingWard[k]!.to2025 = codes;
  }
  const base: GazetteerInput = { provinces2025, wards2025, provincesLegacy, districtsLegacy, wardsLegacy };
  if (!history) return base;
  const provinceOf = new Map<string, string>();
  for (const dl of districtsLegacy) provinceOf.set(dl.code, dl.province);
  // Where the next historical name of each legacy province is (its section, as far as read).
  const next = new Map(provincesLegacy.map((x, k) => [x.code, atH[k]!]));
  const historyLegacy = unpackHistory(
    new Cursor(historyLines!, 'history lines'),
    n,
    new Cursor(historyUnits!, 'history units'),
    new Cursor(historySuccessors!, 'history successors'),
    provinceOf,
    next,
  );
  // Every history section read to its end.
  for (const i of next.values()) {
    n.i = i;
    n.eat(NL);
  }
  return { ...base, historyLegacy };
}

/**
 * The historical units.
 * @param n - the `names` stream
 * @param next - per legacy province, where its next historical name is in `n`; advanced as read
 */
function unpackHistory(l: Cursor, n: Cursor, u: Cursor, s: Cursor, provinceOf: Map<string, string>, next: Map<string, number>): HistoryInput[] {
  const out: HistoryInput[] = [];
  let prevDistrict = 0;
  let prevWard = 0;
  while (!l.done()) {
    const ward = l.peek() !== EQ;
    let province: string;
    let parent: string;
    if (ward) {
      prevDistrict += l.int();
      parent = pad(prevDistrict, 3);
      const p = provinceOf.get(parent);
      if (p === undefined) corrupt('history (a ward of an unknown district)');
      province = p;
    } else {
      l.i++;
      province = parent = pad(l.int(), 2);
    }
    const level = ward ? 'ward' : 'district';
    const width = ward ? 5 : 3;
    let prev = ward ? prevWard : 0;
    const from = next.get(province);
    if (from === undefined) corrupt('history (a unit of an unknown province)');
    n.i = from;
    while (u.peek() !== DOT) {
      const h = n.named(u.unit());
      prev += u.delta;
      const code = pad(prev, width);
      if (!ward) provinceOf.set(code, province);
      let successor = code;
      let also: string[] | undefined;
      if (s.peek() === EQ) s.i++;
      else successor = pad(prev + s.int(), width);
      while (s.peek() === COMMA) {
        s.i++;
        (also ??= []).push(pad(prev + s.int(), width));
      }
      out.push({ ...h, level, code, province, parent, successor, ...(also === undefined ? {} : { alsoInto: also }) });
    }
    u.i++;
    next.set(province, n.i);
    if (ward) prevWard = prev;
  }
  s.eat(DOT);
  u.end();
  s.end();
  return out;
}
