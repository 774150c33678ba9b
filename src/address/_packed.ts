/**
 * The packed text format of the bundled gazetteer, and its encoder and decoder.
 *
 * Five strings, one per table. Codes are stored as signed base-36 deltas from the previous code in the
 * same group (legacy and historical ward codes run on across districts: codes are assigned in
 * geographic order, so neighbours are close), unit types as one uppercase letter, English names only
 * when they differ from the name without diacritics.
 *
 * A legacy ward's 2025 targets are positions in the ward list of the 2025 province its province
 * went into (that list as packed in `wards2025`, by code), each a signed base-36 delta from the
 * previous target's position in the same legacy province; `!<code>` is a target elsewhere (one in
 * the bundled data) and `^` the same targets as the previous ward of the district. A legacy ward
 * named exactly like its first target (2,029 of 10,035) is named `@`.
 *
 * In the ward, legacy and history tables, the frequent words of names (and English names) are
 * written as two-character codes into a sixth string, `words` (up to 492 words: `Phường`,
 * `Thành`, `Bình`, …; see {@link wordCodes}), expanded before a table is read.
 *
 * The ward, legacy and history tables are written in an ASCII form of Vietnamese (`toAscii`):
 * each name in canonical decomposition with every combining mark as one ASCII character, which
 * gzips smaller and keeps a bundler from writing each letter as a `\uXXXX` escape. The two
 * province tables stay readable.
 *
 * ```
 * provinces2025    01|C|Hà Nội|Hanoi \n …                      code|type|name[|en]
 * wards2025        01:4PBa Đình;4PNgọc Hà;… \n …               province:deltaTypeName[|en];…
 * provincesLegacy  01|C|Hà Nội||01 \n …                        code|type|name|en|to2025
 * legacy           01:1QBa Đình=1PPhúc Xá>2p;3PTrúc Bạch>-3;2P@>^;…#…
 *                                                              one line per province; districts '#'
 * history          79:lbQ2;…  \n /-1k:2P1>-3;…              one line per province (districts), then
 *                                                              one per district (wards: district
 *                                                              code as a delta from the previous
 *                                                              ward line's; province implied); tail
 *                                                              `>successor[,also…]` as signed base-36
 *                                                              deltas from the unit's code, absent
 *                                                              when it kept its code
 * ```
 * (Examples shown before the word codes and the ASCII form.) Decoding is one replace for the marks
 * and one for the word codes, then one pass over each table with a cursor: no split arrays, no
 * intermediate records.
 * @module
 * @internal
 */

import type { GazetteerInput, GazetteerUnitInput } from './gazetteer.js';
import type { UnitType } from './types.js';
import { plainEn } from './_plain-en.js';

/** The packed gazetteer as emitted by `scripts/build-gazetteer.ts`. */
export interface PackedGazetteer {
  readonly provinces2025: string;
  readonly wards2025: string;
  readonly provincesLegacy: string;
  readonly legacy: string;
  /** Historical legacy units (optional; see {@link packHistory}). */
  readonly history?: string;
  /**
   * The word dictionary of the coded tables (optional; see {@link wordCodes}): the frequent words
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
 * (occurrences × characters saved, in the ASCII form; ties by word), as many as there are codes.
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

/**
 * Pack a gazetteer input into the compact text form.
 *
 * @param g - the gazetteer input
 * @returns the packed tables
 * @throws Error when a name contains a reserved character (build time only)
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
  const rec = (u: GazetteerUnitInput, prev: number, name = u.name): string => {
    checkName(u.name);
    if (u.nameEn !== undefined) checkName(u.nameEn);
    const e = en(u);
    return (Number(u.code) - prev).toString(36) + TYPE_LETTER[u.type] + (name === '@' ? name : codeName(name, dict.code)) + (e === '' ? '' : `|${codeName(e.slice(1), dict.code)}`);
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
  // A legacy ward's 2025 targets are wards of the 2025 province its province went into: each is
  // stored as its position in that province's ward list (as packed above, by code), a signed
  // delta from the previous target's position in the same legacy province (neighbouring wards
  // went into the same or neighbouring new wards). A target elsewhere is `!<code in base 36>`.
  // A legacy ward named exactly like its (first) 2025 target, as new wards often are, is named `@`.
  const names2025 = new Map(g.wards2025.map((w) => [w.code, w.name]));
  const places2025 = new Map<string, Map<string, number>>();
  for (const p of g.provinces2025) {
    const ws = g.wards2025.filter((w) => w.province === p.code).sort((a, b) => Number(a.code) - Number(b.code));
    places2025.set(p.code, new Map(ws.map((w, i) => [w.code, i])));
  }
  // Ward codes run on across districts and provinces (signed deltas): codes are assigned in
  // geographic order, so the first ward of a district is close to the last of the one before.
  let prevW = 0;
  for (const p of g.provincesLegacy) {
    const ds = g.districtsLegacy.filter((d) => d.province === p.code).sort((a, b) => Number(a.code) - Number(b.code));
    const places = (p.to2025 === undefined ? undefined : places2025.get(p.to2025)) ?? new Map<string, number>();
    let prevAt = 0;
    let prevD = 0;
    const dParts = ds.map((d) => {
      const head = rec(d, prevD);
      prevD = Number(d.code);
      const ws = g.wardsLegacy.filter((w) => w.district === d.code).sort((a, b) => Number(a.code) - Number(b.code));
      let prevMap = '';
      const wParts = ws.map((w) => {
        const same = w.to2025 !== undefined && w.to2025.length > 0 && names2025.get(w.to2025[0]!) === w.name;
        let r = rec(w, prevW, same ? '@' : w.name);
        prevW = Number(w.code);
        const key = (w.to2025 ?? []).join(',');
        if (key.length > 0) {
          if (key === prevMap) r += '>^';
          else {
            r += `>${w.to2025!.map((c) => {
              const at = places.get(c);
              if (at === undefined) return `!${Number(c).toString(36)}`;
              const d = at - prevAt;
              prevAt = at;
              return d.toString(36);
            }).join(',')}`;
          }
        }
        prevMap = key;
        return r;
      });
      return `${head}=${wParts.join(';')}`;
    });
    legacy.push(`${p.code}:${dParts.join('#')}`);
  }
  // The two province tables stay as they are: small, and readable in the generated file.
  const out: PackedGazetteer = { provinces2025, wards2025: toAscii(lines(w25)), provincesLegacy, legacy: toAscii(lines(legacy)) };
  const words = dict.words.length === 0 ? {} : { words: toAscii(dict.words.join(' ')) };
  if (g.historyLegacy === undefined || g.historyLegacy.length === 0) return { ...out, ...words };
  const provinceOf = new Map<string, string>();
  for (const d of g.districtsLegacy) provinceOf.set(d.code, d.province);
  return { ...out, history: toAscii(packHistory(g.historyLegacy, rec, provinceOf)), ...words };
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
type Unit = { name: string; nameEn?: string; type: UnitType };

/**
 * A cursor over one packed table: one pass, character codes only, no intermediate arrays; the
 * only strings it makes are the names (and the codes the decoded tables carry).
 */
class Cursor {
  i = 0;
  readonly #s: string;

  constructor(s: string) {
    this.#s = s;
  }

  /** @returns whether the whole table has been read */
  done(): boolean {
    return this.i >= this.#s.length;
  }

  /** @returns the next character code, not consumed (NaN at the end) */
  peek(): number {
    return this.#s.charCodeAt(this.i);
  }

  /** @param c - a character code that must come next */
  eat(c: number): void {
    if (this.#s.charCodeAt(this.i) !== c) throw new Error('packed gazetteer: corrupt');
    this.i++;
  }

  /** @returns a signed base-36 integer (`-` then `[0-9a-z]*`; empty is 0) */
  int(): number {
    const s = this.#s;
    let i = this.i;
    const neg = s.charCodeAt(i) === 45;
    if (neg) i++;
    let n = 0;
    for (;;) {
      const c = s.charCodeAt(i);
      if (c >= 48 && c <= 57) n = n * 36 + c - 48;
      else if (c >= 97 && c <= 122) n = n * 36 + c - 87;
      else break;
      i++;
    }
    this.i = i;
    return neg ? -n : n;
  }

  /** @returns the text up to the next separator (`|;#=:>,\n` or the end) */
  text(): string {
    const s = this.#s;
    const from = this.i;
    let i = from;
    for (;;) {
      const c = s.charCodeAt(i);
      // | ; # = : > , \n (and NaN at the end)
      if (c !== c || c === 124 || c === 59 || c === 35 || c === 61 || c === 58 || c === 62 || c === 44 || c === 10) break;
      i++;
    }
    this.i = i;
    return s.slice(from, i);
  }

  /** @returns a unit type from its letter */
  type(): UnitType {
    const t = LETTER_TYPE.get(this.#s[this.i++]!);
    if (t === undefined) throw new Error('packed gazetteer: bad type letter');
    return t;
  }

  /** @returns `<name>[|en]` */
  unit(type: UnitType): Unit {
    const name = this.text();
    if (this.peek() !== 124) return { name, type };
    this.i++;
    return { name, nameEn: this.text(), type };
  }
}

const BAR = 124;
const NL = 10;
const COLON = 58;
const SEMI = 59;
const HASH = 35;
const EQ = 61;
const GT = 62;
const COMMA = 44;
const CARET = 94;
const BANG = 33;

function pad(n: number, width: number): string {
  return String(n).padStart(width, '0');
}

/** `code|T|name[|en]` lines; legacy provinces add `|to2025`. */
function unpackProvinces(s: string, legacy: boolean): Array<GazetteerUnitInput & { to2025?: string }> {
  const out: Array<GazetteerUnitInput & { to2025?: string }> = [];
  const c = new Cursor(s);
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

/** Ends of a record list: `;` goes on, anything else (or the end) ends it. */
function more(c: Cursor): boolean {
  if (c.peek() !== SEMI) return false;
  c.i++;
  return true;
}

/**
 * Unpack the compact text form into a gazetteer input.
 *
 * @param p - packed tables
 * @returns the unit lists
 * @throws Error when the packed text is corrupt (never for the bundled data)
 */
export function unpackGazetteer(p: PackedGazetteer): GazetteerInput {
  const provinces2025 = unpackProvinces(p.provinces2025, false);
  // Marks are restored before the codes are expanded (on the shorter, coded text; the words are
  // decoded once): a code is whole words between ASCII characters, so the result is the same.
  const words = p.words === undefined ? undefined : fromAscii(p.words).split(' ');
  const wards2025: Array<GazetteerUnitInput & { province: string }> = [];
  const codes2025 = new Map<string, string[]>();
  const names2025 = new Map<string, string>();
  let c = new Cursor(expandWords(fromAscii(p.wards2025), words));
  while (!c.done()) {
    const province = c.text();
    c.eat(COLON);
    const codes: string[] = [];
    codes2025.set(province, codes);
    let prev = 0;
    if (c.peek() !== NL && !c.done()) {
      do {
        prev += c.int();
        const u = c.unit(c.type());
        const code = pad(prev, 5);
        codes.push(code);
        names2025.set(code, u.name);
        wards2025.push(u.nameEn === undefined ? { name: u.name, type: u.type, code, province } : { name: u.name, nameEn: u.nameEn, type: u.type, code, province });
      } while (more(c));
    }
    if (!c.done()) c.eat(NL);
  }
  const provincesLegacy = unpackProvinces(p.provincesLegacy, true);
  const to2025 = new Map(provincesLegacy.map((x) => [x.code, x.to2025]));
  const districtsLegacy: Array<GazetteerUnitInput & { province: string }> = [];
  const wardsLegacy: Array<GazetteerUnitInput & { district: string; to2025?: string[] }> = [];
  const NO_MAP: string[] = [];
  let prevW = 0;
  c = new Cursor(expandWords(fromAscii(p.legacy), words));
  while (!c.done()) {
    const province = c.text();
    c.eat(COLON);
    const to = to2025.get(province);
    const places = (to === undefined ? undefined : codes2025.get(to)) ?? NO_MAP;
    let prevAt = 0;
    let prevD = 0;
    while (c.peek() !== NL && !c.done()) {
      prevD += c.int();
      const d = c.unit(c.type());
      const district = pad(prevD, 3);
      districtsLegacy.push({ ...d, code: district, province });
      c.eat(EQ);
      let prevMap = NO_MAP;
      if (c.peek() !== HASH && c.peek() !== NL && !c.done()) {
        do {
          prevW += c.int();
          const w = c.unit(c.type());
          let map = NO_MAP;
          if (c.peek() === GT) {
            c.i++;
            if (c.peek() === CARET) {
              c.i++;
              map = prevMap;
            } else {
              map = [];
              do {
                if (c.peek() === BANG) {
                  c.i++;
                  map.push(pad(c.int(), 5));
                } else {
                  prevAt += c.int();
                  const code = places[prevAt];
                  if (code === undefined) throw new Error('packed gazetteer: corrupt 2025 target');
                  map.push(code);
                }
              } while (c.peek() === COMMA && ++c.i);
            }
          }
          prevMap = map;
          if (w.name === '@') {
            const name = names2025.get(map[0]!);
            if (name === undefined) throw new Error('packed gazetteer: corrupt name reference');
            w.name = name;
          }
          const code = pad(prevW, 5);
          wardsLegacy.push(map.length > 0 ? { ...w, code, district, to2025: map } : { ...w, code, district });
        } while (more(c));
      }
      if (c.peek() === HASH) c.i++;
    }
    if (!c.done()) c.eat(NL);
  }
  const base: GazetteerInput = { provinces2025, wards2025, provincesLegacy, districtsLegacy, wardsLegacy };
  if (p.history === undefined) return base;
  const provinceOf = new Map<string, string>();
  for (const d of districtsLegacy) provinceOf.set(d.code, d.province);
  return { ...base, historyLegacy: unpackHistory(expandWords(fromAscii(p.history), words), provinceOf) };
}

function unpackHistory(s: string, provinceOf: Map<string, string>): HistoryInput[] {
  const out: HistoryInput[] = [];
  let prevDistrict = 0;
  let prevWard = 0;
  const c = new Cursor(s);
  while (!c.done()) {
    const ward = c.peek() === 47; // '/'
    let province: string;
    let parent: string;
    if (ward) {
      c.i++;
      prevDistrict += c.int();
      parent = pad(prevDistrict, 3);
      const p = provinceOf.get(parent);
      if (p === undefined) throw new Error('packed gazetteer: historical ward of an unknown district');
      province = p;
    } else {
      province = parent = c.text();
    }
    c.eat(COLON);
    const level = ward ? 'ward' : 'district';
    const width = ward ? 5 : 3;
    let prev = ward ? prevWard : 0;
    if (c.peek() !== NL && !c.done()) {
      do {
        prev += c.int();
        const u = c.unit(c.type());
        const code = pad(prev, width);
        if (!ward) provinceOf.set(code, province);
        let successor = code;
        let also: string[] | undefined;
        if (c.peek() === GT) {
          c.i++;
          if (c.peek() !== COMMA) successor = pad(prev + c.int(), width);
          while (c.peek() === COMMA) {
            c.i++;
            (also ??= []).push(pad(prev + c.int(), width));
          }
        }
        out.push({ ...u, level, code, province, parent, successor, ...(also === undefined ? {} : { alsoInto: also }) });
      } while (more(c));
    }
    if (ward) prevWard = prev;
    if (!c.done()) c.eat(NL);
  }
  return out;
}
