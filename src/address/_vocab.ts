/**
 * Word lists for Vietnamese addresses: unit words and their abbreviations, province shorthands,
 * and the keywords that introduce door-level parts (house number, alley, hamlet, room, street).
 * All entries are folded keys (see `_normalize.ts`).
 * @module
 * @internal
 */

import type { UnitType } from './types.js';

/** The level a unit word introduces. */
export type UnitClass = 'province' | 'district' | 'ward';

/** A unit word (or abbreviation) written before a unit name. */
export interface UnitWord {
  readonly words: readonly string[];
  readonly classes: readonly UnitClass[];
  readonly type: UnitType;
}

/** Longest first, so `thanh pho` wins over `tp` and `thi tran` over `tt`. */
export const UNIT_WORDS: readonly UnitWord[] = [
  { words: ['thanh', 'pho'], classes: ['province', 'district'], type: 'thanh-pho' },
  { words: ['thi', 'tran'], classes: ['ward'], type: 'thi-tran' },
  { words: ['thi', 'xa'], classes: ['district'], type: 'thi-xa' },
  { words: ['dac', 'khu'], classes: ['ward'], type: 'dac-khu' },
  { words: ['t', 'p'], classes: ['province', 'district'], type: 'thanh-pho' },
  { words: ['thanhpho'], classes: ['province', 'district'], type: 'thanh-pho' },
  { words: ['tp'], classes: ['province', 'district'], type: 'thanh-pho' },
  { words: ['tinh'], classes: ['province'], type: 'tinh' },
  { words: ['quan'], classes: ['district'], type: 'quan' },
  { words: ['q'], classes: ['district'], type: 'quan' },
  { words: ['huyen'], classes: ['district'], type: 'huyen' },
  { words: ['h'], classes: ['district'], type: 'huyen' },
  { words: ['tx'], classes: ['district'], type: 'thi-xa' },
  { words: ['phuong'], classes: ['ward'], type: 'phuong' },
  { words: ['p'], classes: ['ward'], type: 'phuong' },
  { words: ['f'], classes: ['ward'], type: 'phuong' },
  { words: ['xa'], classes: ['ward'], type: 'xa' },
  { words: ['x'], classes: ['ward'], type: 'xa' },
  { words: ['tt'], classes: ['ward'], type: 'thi-tran' },
  { words: ['dk'], classes: ['ward'], type: 'dac-khu' },
  // `T.` for tỉnh (`T. Nghệ An`) and English unit words written before the name (`Ward 3`, `District 5`).
  { words: ['t'], classes: ['province'], type: 'tinh' },
  { words: ['ward'], classes: ['ward'], type: 'phuong' },
  { words: ['commune'], classes: ['ward'], type: 'xa' },
  { words: ['district'], classes: ['district'], type: 'quan' },
  { words: ['province'], classes: ['province'], type: 'tinh' },
];

export { TYPE_WORD } from './type-words.js';

/** Province shorthands (folded key → province name key). Applied to whichever scheme has the name. */
export const PROVINCE_SHORTHANDS: ReadonlyArray<readonly [string, string]> = [
  ['hcm', 'ho chi minh'],
  ['tphcm', 'ho chi minh'],
  ['tp hcm', 'ho chi minh'],
  ['hcmc', 'ho chi minh'],
  ['sai gon', 'ho chi minh'],
  ['saigon', 'ho chi minh'],
  ['sg', 'ho chi minh'],
  ['tpsg', 'ho chi minh'],
  ['ho chi minh city', 'ho chi minh'],
  ['hn', 'ha noi'],
  ['tphn', 'ha noi'],
  ['hanoi', 'ha noi'],
  ['hp', 'hai phong'],
  ['haiphong', 'hai phong'],
  ['danang', 'da nang'],
  ['thua thien hue', 'hue'],
  ['thua thien', 'hue'],
  ['tt hue', 'hue'],
  ['tth', 'hue'],
  ['brvt', 'ba ria vung tau'],
  ['vung tau', 'ba ria vung tau'],
  ['daklak', 'dak lak'],
  ['dac lac', 'dak lak'],
  ['daknong', 'dak nong'],
  ['khanh hoa', 'khanh hoa'],
  ['ho chi minh city', 'ho chi minh'],
  ['tp ho chi minh', 'ho chi minh'],
  ['thanh pho ho chi minh', 'ho chi minh'],
];

/**
 * District shorthands used inside one city (province name key, shorthand key, district name key).
 * They are indexed as district keys of that province only, so they match only where the province
 * (or a unit word, `Q.BT`) makes them unique.
 */
export const DISTRICT_SHORTHANDS: ReadonlyArray<readonly [string, string, string]> = [
  ['ho chi minh', 'bt', 'binh thanh'],
  ['ho chi minh', 'tb', 'tan binh'],
  ['ho chi minh', 'pn', 'phu nhuan'],
  ['ho chi minh', 'gv', 'go vap'],
  ['ho chi minh', 'bc', 'binh chanh'],
  ['ho chi minh', 'btan', 'binh tan'],
  ['ho chi minh', 'hm', 'hoc mon'],
  ['ho chi minh', 'nb', 'nha be'],
  ['ho chi minh', 'td', 'thu duc'],
  ['ha noi', 'd da', 'dong da'],
  ['ha noi', 'dda', 'dong da'],
  ['ha noi', 'hbt', 'hai ba trung'],
  ['ha noi', 'hk', 'hoan kiem'],
  ['ha noi', 'bd', 'ba dinh'],
  ['ha noi', 'cg', 'cau giay'],
  ['ha noi', 'lb', 'long bien'],
  ['ha noi', 'hm', 'hoang mai'],
  ['ha noi', 'th', 'tay ho'],
  ['ha noi', 'btl', 'bac tu liem'],
  ['ha noi', 'ntl', 'nam tu liem'],
];

/**
 * Words that, right before an unprefixed unit name in the same segment, show the name is part of a
 * landmark or hamlet, not the unit: `gần chợ Đồng Xuân`, `cạnh trường Kim Liên`, `thôn Đông Xuân`.
 */
export const LANDMARK_CONTEXT: ReadonlySet<string> = new Set([
  'cho', 'gan', 'canh', 'truong', 'vien', 'san', 'chua', 'ubnd', 'tram', 'tiem', 'thon', 'xom', 'khu', 'kp', 'tdp',
  'khom', 'bv', 'ks', 'cty', 'congty', 'nhin', 'hxh',
]);

/** Trailing words that are not part of the address proper. */
export const COUNTRY_KEYS: ReadonlySet<string> = new Set(['viet nam', 'vietnam', 'vn', 'vnm']);

/** Keywords of door-level parts, folded. Multi-word ones are listed as word arrays. */
export type DoorKind = 'houseNumber' | 'alley' | 'subWard' | 'room' | 'street';

export interface DoorWord {
  readonly words: readonly string[];
  readonly kind: DoorKind;
  /** The keyword only counts when a number follows (`tổ 5`, not the street `Tô Hiến Thành`). */
  readonly needsNumber?: boolean;
  /** The keyword only counts at the start of a segment. */
  readonly segmentStart?: boolean;
}

/** Longest first within the list, so `to dan pho` wins over `to`. */
export const DOOR_WORDS: readonly DoorWord[] = [
  { words: ['to', 'dan', 'pho'], kind: 'subWard' },
  { words: ['khu', 'dan', 'cu'], kind: 'subWard' },
  { words: ['khu', 'pho'], kind: 'subWard' },
  { words: ['so', 'nha'], kind: 'houseNumber' },
  { words: ['nha', 'so'], kind: 'houseNumber' },
  { words: ['can', 'ho'], kind: 'room' },
  { words: ['chung', 'cu'], kind: 'room' },
  { words: ['toa', 'nha'], kind: 'room' },
  { words: ['hem', 'xe', 'hoi'], kind: 'alley' },
  { words: ['tdp'], kind: 'subWard' },
  { words: ['kp'], kind: 'subWard' },
  { words: ['khom'], kind: 'subWard' },
  { words: ['to'], kind: 'subWard', needsNumber: true },
  { words: ['ap'], kind: 'subWard', segmentStart: true },
  { words: ['thon'], kind: 'subWard', segmentStart: true },
  { words: ['xom'], kind: 'subWard', segmentStart: true },
  { words: ['ban'], kind: 'subWard', segmentStart: true },
  { words: ['buon'], kind: 'subWard', segmentStart: true },
  { words: ['lang'], kind: 'subWard', segmentStart: true },
  { words: ['khu'], kind: 'subWard', segmentStart: true },
  { words: ['cum'], kind: 'subWard', needsNumber: true },
  { words: ['doi'], kind: 'subWard', needsNumber: true },
  { words: ['ngo'], kind: 'alley' },
  { words: ['ngach'], kind: 'alley' },
  { words: ['hem'], kind: 'alley' },
  { words: ['kiet'], kind: 'alley' },
  { words: ['hxh'], kind: 'alley' },
  { words: ['k'], kind: 'alley', needsNumber: true },
  { words: ['so'], kind: 'houseNumber', needsNumber: true },
  { words: ['sn'], kind: 'houseNumber', needsNumber: true },
  { words: ['no'], kind: 'houseNumber', needsNumber: true },
  { words: ['phong'], kind: 'room', needsNumber: true },
  { words: ['p'], kind: 'room', needsNumber: true },
  { words: ['room'], kind: 'room' },
  { words: ['apt'], kind: 'room' },
  { words: ['tang'], kind: 'room', needsNumber: true },
  { words: ['lau'], kind: 'room', needsNumber: true },
  { words: ['floor'], kind: 'room' },
  { words: ['toa'], kind: 'room' },
  { words: ['block'], kind: 'room' },
  { words: ['lo'], kind: 'room', needsNumber: true },
  { words: ['cc'], kind: 'room', segmentStart: true },
  { words: ['building'], kind: 'room' },
  { words: ['duong'], kind: 'street' },
  { words: ['d'], kind: 'street' },
  { words: ['dg'], kind: 'street' },
  { words: ['pho'], kind: 'street', segmentStart: true },
  { words: ['street'], kind: 'street' },
  { words: ['st'], kind: 'street' },
];

/**
 * Words that, right before an unprefixed unit name in the same segment, show the name is a street
 * (`52 Hai Bà Trưng`, `Đường Hải Phòng`, `ngõ Thanh Xuân`).
 */
export const STREET_CONTEXT: ReadonlySet<string> = new Set([
  'duong', 'd', 'dg', 'pho', 'street', 'st', 'ngo', 'ngach', 'hem', 'kiet', 'so', 'sn', 'dai', 'lo', 'tl', 'ql', 'dt',
]);

/** Words whose number is not a house number: hamlets, floors, and numbered streets. */
export const NUMBERED_NON_HOUSE: ReadonlySet<string> = new Set([
  'to', 'kp', 'tdp', 'thon', 'ap', 'xom', 'ban', 'khom', 'doi', 'cum', 'khu', 'pho', 'tang', 'lau', 'duong', 'd',
  // A numbered unit in compact form (`F7 Gò Vấp`, `P.12 Tân Bình`): its number is no house number.
  'p', 'f', 'q', 'ward', 'district',
]);

/** English unit words written after a name (`Tan Binh District`, `Da Nang City`). */
export const EN_SUFFIXES: ReadonlySet<string> = new Set(['district', 'ward', 'city', 'province', 'commune', 'town']);

/**
 * What the word lists above say of one folded word, looked up once per word (the tokenizer keeps it
 * with each cached word), so the parser reads fields instead of probing a map per question.
 */
export interface WordFacts {
  /** The unit words whose last word this is, in `UNIT_WORDS` order; `undefined` when none. */
  readonly unitWords: readonly UnitWord[] | undefined;
  /** The door words whose first word this is, in `DOOR_WORDS` order; `undefined` when none. */
  readonly doorWords: readonly DoorWord[] | undefined;
  /** In {@link STREET_CONTEXT}. */
  readonly street: boolean;
  /** In {@link LANDMARK_CONTEXT}. */
  readonly landmark: boolean;
  /** In {@link NUMBERED_NON_HOUSE}. */
  readonly numberedNonHouse: boolean;
  /** In {@link EN_SUFFIXES}. */
  readonly enSuffix: boolean;
  /** In {@link COUNTRY_KEYS}. */
  readonly country: boolean;
}

/** The facts of a word in none of the lists (numbers, names, most words). */
export const NO_FACTS: WordFacts = Object.freeze({
  unitWords: undefined,
  doorWords: undefined,
  street: false,
  landmark: false,
  numberedNonHouse: false,
  enSuffix: false,
  country: false,
});

const FACTS: ReadonlyMap<string, WordFacts> = (() => {
  const words = new Set<string>([...STREET_CONTEXT, ...LANDMARK_CONTEXT, ...NUMBERED_NON_HOUSE, ...EN_SUFFIXES, ...COUNTRY_KEYS]);
  for (const w of UNIT_WORDS) words.add(w.words[w.words.length - 1]!);
  for (const w of DOOR_WORDS) words.add(w.words[0]!);
  const m = new Map<string, WordFacts>();
  for (const k of words) {
    const unitWords = UNIT_WORDS.filter((w) => w.words[w.words.length - 1] === k);
    const doorWords = DOOR_WORDS.filter((w) => w.words[0] === k);
    m.set(
      k,
      Object.freeze({
        unitWords: unitWords.length > 0 ? unitWords : undefined,
        doorWords: doorWords.length > 0 ? doorWords : undefined,
        street: STREET_CONTEXT.has(k),
        landmark: LANDMARK_CONTEXT.has(k),
        numberedNonHouse: NUMBERED_NON_HOUSE.has(k),
        enSuffix: EN_SUFFIXES.has(k),
        country: COUNTRY_KEYS.has(k),
      }),
    );
  }
  return m;
})();

/**
 * The facts of a folded word.
 *
 * @param key - a token key (folded, no space)
 * @returns its facts, {@link NO_FACTS} for a word in no list
 */
export function wordFacts(key: string): WordFacts {
  // No listed word starts with a digit: numbers skip the lookup.
  const c = key.charCodeAt(0);
  if (c >= 48 && c <= 57) return NO_FACTS;
  return FACTS.get(key) ?? NO_FACTS;
}
