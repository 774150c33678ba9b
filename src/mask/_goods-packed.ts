/**
 * The packed form of the goods lexicon: four strings that the bundle ships instead of an array of
 * object literals, about a fifth smaller once gzipped. `packGoodsLexicon` is run by
 * `scripts/build-goods-lexicon.ts`; `unpackGoodsRules` runs once, at the first classification
 * (or when `waybill-shield/goods` is imported), through the loader `register-goods.ts` registers.
 *
 * Why it is smaller: a bundler writes every non-ASCII character of a string as a `\uXXXX` escape,
 * six bytes for each Vietnamese letter. Here text is stored decomposed, with each combining mark
 * (and `đ`) as one ASCII character that appears nowhere else, and recomposed (NFC) on decoding.
 * Each entry's structure is implicit (one line per entry in each table), categories are one
 * character, flag sets are bit masks, and a term that starts with the same words as the term
 * before it stores only the rest.
 *
 * Tables, one line per entry, lines joined by `/` (`|` for examples):
 * - `meta`: `id,category,flags,alsoFlags,promote,qualifies,blocksPromotionTo`, category as an
 *   index into `GOODS_CATEGORIES` in base 36 (empty for a modifier), flag sets as base-36 bit
 *   masks over `GOODS_FLAGS` (empty when the field is absent), promote as `<from indices>><to>`,
 *   qualifies as `i`/`r`;
 * - `terms`: the terms; each after the first starts with a code saying how many leading words it
 *   shares with the one before (`|` none, `!` one, `$` two, …); `}` starts the `exact` list;
 * - `guards`: `notAfter}notBefore`, words joined by `|`, `-` for an absent list, empty when both
 *   are absent;
 * - `examples`: the examples.
 *
 * The first three are what `classifyGoods` needs ({@link PackedGoodsRules}, `goods-lexicon-data.ts`,
 * registered by the entries that bundle the data); the examples are generated into a module of
 * their own (`goods-lexicon-examples.ts`) that only `waybill-shield/goods` imports, to build
 * `GOODS_LEXICON` ({@link withGoodsExamples}), so `waybill-shield/gazetteer` does not ship them.
 * @module
 * @internal
 */

import type { GoodsCategory, GoodsFlag, GoodsLexiconEntry, GoodsRule } from './goods-lexicon.js';

/** The three tables `classifyGoods` needs (see the module comment). */
export interface PackedGoodsRules {
  readonly meta: string;
  readonly terms: string;
  readonly guards: string;
}

/** The four tables of a packed lexicon: the rules and the examples (see the module comment). */
export interface PackedGoodsLexicon extends PackedGoodsRules {
  readonly examples: string;
}

// Combining marks of Vietnamese, and đ/Đ, each stored as one ASCII character.
const MARKS: readonly (readonly [string, string])[] = [
  ['\u0300', '<'],
  ['\u0301', '>'],
  ['\u0303', '~'],
  ['\u0309', '?'],
  ['\u0323', '_'],
  ['\u0302', '^'],
  ['\u0306', '*'],
  ['\u031b', '+'],
  ['đ', '#'],
  ['Đ', '@'],
];
const MARKERS = /[<>~?_^*+#@]/g;
const UNMARK: Readonly<Record<string, string>> = Object.fromEntries(MARKS.map(([m, c]) => [c, m]));

/** Shared-word codes of the terms table: index = how many leading words a term shares. */
const SHARED = '|!$%&=';

function decodeText(s: string): string {
  return s.replace(MARKERS, (c) => UNMARK[c]!).normalize('NFC');
}

const listOf = (s: string): string[] => (s === '' ? [] : s.split('|'));

/** The shared-word codes, for the packer. */
export const GOODS_SHARED_CODES = SHARED;
/** Mark characters and their ASCII stand-ins, for the packer. */
export const GOODS_TEXT_MARKS = MARKS;

function termsOf(s: string): string[] {
  // [first, code, rest, code, rest, …]: each rest follows the words its code says it shares.
  if (s === '') return [];
  const parts = s.split(/([|!$%&=])/);
  let prev = parts[0]!.split(' ');
  const out = [parts[0]!];
  for (let k = 1; k < parts.length; k += 2) {
    prev = [...prev.slice(0, SHARED.indexOf(parts[k]!)), ...parts[k + 1]!.split(' ')];
    out.push(prev.join(' '));
  }
  return out;
}

/**
 * Decode the packed rules: every entry but its `example`.
 * @param packed - the meta, terms and guards tables written by {@link packGoodsLexicon}
 * @param categories - category ids, in the order the tables index them
 * @param flags - flag ids, in the order of the bit masks
 * @returns the entries without examples, in lexicon order
 */
export function unpackGoodsRules(
  packed: PackedGoodsRules,
  categories: readonly GoodsCategory[],
  flags: readonly GoodsFlag[],
): GoodsRule[] {
  const cat = (c: string): GoodsCategory => categories[parseInt(c, 36)]!;
  const bits = (b: string): GoodsFlag[] => flags.filter((_, i) => (parseInt(b, 36) >> i) & 1);
  const terms = decodeText(packed.terms).split('/');
  const guards = decodeText(packed.guards).split('/');
  return packed.meta.split('/').map((line, i) => {
    const [id, category, own, also, promote, qualifies, blocks] = line.split(',') as string[] as [string, ...string[]];
    const [named, exact] = terms[i]!.split('}');
    const e: Record<string, unknown> = { id, category: category ? cat(category) : null, terms: termsOf(named!) };
    if (exact !== undefined) e.exact = termsOf(exact);
    if (own) e.flags = bits(own);
    if (also) e.alsoFlags = bits(also);
    if (promote) {
      const [from, to] = promote.split('>');
      e.promote = { from: [...from!].map(cat), to: cat(to!) };
    }
    if (guards[i]) {
      const [after, before] = guards[i]!.split('}');
      if (after !== '-') e.notAfter = listOf(after!);
      if (before !== '-') e.notBefore = listOf(before!);
    }
    if (qualifies) e.qualifies = qualifies === 'i' ? 'item' : 'rest';
    if (blocks) e.blocksPromotionTo = [...blocks].map(cat);
    return e as unknown as GoodsRule;
  });
}

/**
 * The entries with their examples: each rule, copied, with the example of the same position.
 * @param rules - decoded rules, in lexicon order
 * @param examples - the packed `examples` table of the same lexicon
 * @returns the full entries, in lexicon order (new objects; `rules` is not changed)
 * @throws Error when the table has not one example per rule (the two were not generated together)
 */
export function withGoodsExamples(rules: readonly GoodsRule[], examples: string): GoodsLexiconEntry[] {
  const list = decodeText(examples).split('|');
  if (list.length !== rules.length) throw new Error('goods lexicon: the examples do not match the entries');
  return rules.map((r, i) => ({ ...r, example: list[i]! }));
}

/**
 * Decode a packed lexicon, examples included.
 * @param packed - the tables written by {@link packGoodsLexicon}
 * @param categories - category ids, in the order the tables index them
 * @param flags - flag ids, in the order of the bit masks
 * @returns the entries, equal to the lexicon that was packed
 * @throws Error when the examples table does not match the entries
 */
export function unpackGoodsLexicon(
  packed: PackedGoodsLexicon,
  categories: readonly GoodsCategory[],
  flags: readonly GoodsFlag[],
): GoodsLexiconEntry[] {
  return withGoodsExamples(unpackGoodsRules(packed, categories, flags), packed.examples);
}
