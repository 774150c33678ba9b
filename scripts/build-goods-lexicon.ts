/**
 * Packs the goods lexicon: reads `GOODS_LEXICON_SOURCE` (`src/mask/goods-lexicon-source.ts`, the
 * reviewed, human-readable list) and writes `src/mask/goods-lexicon-data.ts`, the packed tables
 * `classifyGoods` reads, and `src/mask/goods-lexicon-examples.ts`, the packed examples that only
 * `GOODS_LEXICON` carries (format: `src/mask/_goods-packed.ts`). Refuses a lexicon that would not
 * decode back exactly, then prints the gzipped size of the packed and the literal form (non-ASCII
 * characters written as `\uXXXX`, as a bundler writes them).
 *
 * Run after editing the lexicon: `npm run goods-lexicon`. `test/mask/goods-lexicon-packed.test.ts`
 * fails while a generated module is out of date.
 * @module
 */

import { writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { isDeepStrictEqual } from 'node:util';
import { GOODS_SHARED_CODES, GOODS_TEXT_MARKS, unpackGoodsLexicon, type PackedGoodsLexicon } from '../src/mask/_goods-packed.js';
import {
  GOODS_CATEGORIES,
  GOODS_FLAGS,
  type GoodsCategory,
  type GoodsFlag,
  type GoodsLexiconEntry,
} from '../src/mask/goods-lexicon.js';
import { GOODS_LEXICON_SOURCE } from '../src/mask/goods-lexicon-source.js';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
/** Where the generated module is written. */
export const GOODS_LEXICON_DATA_PATH = resolve(root, 'src/mask/goods-lexicon-data.ts');
/** Where the generated examples module is written. */
export const GOODS_LEXICON_EXAMPLES_PATH = resolve(root, 'src/mask/goods-lexicon-examples.ts');

const CATEGORY_IDS = Object.keys(GOODS_CATEGORIES) as GoodsCategory[];
const MARK_OF = new Map(GOODS_TEXT_MARKS);
const MARK_CHARS = new Set(GOODS_TEXT_MARKS.map(([, c]) => c));

function fail(why: string): never {
  throw new Error(`goods lexicon: ${why}`);
}

/** Text with its marks as ASCII stand-ins; refuses text that holds a stand-in or a separator. */
function encodeText(s: string, reserved: string): string {
  if (s === '') fail('an empty string');
  if (s.normalize('NFC') !== s) fail(`not in NFC: ${JSON.stringify(s)}`);
  for (const c of s) {
    if (MARK_CHARS.has(c) || reserved.includes(c)) fail(`reserved character ${JSON.stringify(c)} in ${JSON.stringify(s)}`);
  }
  return [...s.normalize('NFD')].map((c) => MARK_OF.get(c) ?? c).join('');
}

function categoryCode(c: GoodsCategory): string {
  const i = CATEGORY_IDS.indexOf(c);
  if (i < 0) fail(`unknown category ${c}`);
  return i.toString(36);
}

function bitsCode(flags: readonly GoodsFlag[] | undefined): string {
  if (flags === undefined) return '';
  // A bit mask keeps no order: the source lists flags in GOODS_FLAGS order, once each.
  if (flags.join() !== GOODS_FLAGS.filter((f) => flags.includes(f)).join()) {
    fail(`flags [${flags.join(', ')}] are not in GOODS_FLAGS order or repeat one`);
  }
  return flags
    .reduce((b, f) => {
      const i = GOODS_FLAGS.indexOf(f);
      if (i < 0) fail(`unknown flag ${f}`);
      return b | (1 << i);
    }, 0)
    .toString(36);
}

const TERM_RESERVED = `${GOODS_SHARED_CODES}}/`;

/** A term list, each term after the first coded by how many leading words it shares with the one before. */
function termList(terms: readonly string[]): string {
  let prev: string[] = [];
  return terms
    .map((t, k) => {
      const words = encodeText(t, TERM_RESERVED).split(' ');
      let n = 0;
      while (k > 0 && n < prev.length && n < words.length - 1 && n < GOODS_SHARED_CODES.length - 1 && words[n] === prev[n]) n++;
      prev = words;
      return (k === 0 ? '' : GOODS_SHARED_CODES[n]) + words.slice(n).join(' ');
    })
    .join('');
}

/**
 * Pack a lexicon into the four tables of `_goods-packed.ts`.
 * @param lexicon - the entries
 * @returns the tables
 * @throws Error when an entry holds something the format cannot carry exactly
 */
export function packGoodsLexicon(lexicon: readonly GoodsLexiconEntry[]): PackedGoodsLexicon {
  const meta = lexicon.map((e) => {
    if (!/^[a-z0-9.-]+$/.test(e.id)) fail(`id ${JSON.stringify(e.id)} has a character the format reserves`);
    if (e.flags?.length === 0 || e.alsoFlags?.length === 0) fail(`${e.id}: an empty flag list (leave it out)`);
    const promote = e.promote ? `${e.promote.from.map(categoryCode).join('')}>${categoryCode(e.promote.to)}` : '';
    const qualifies = e.qualifies === undefined ? '' : e.qualifies === 'item' ? 'i' : 'r';
    return [
      e.id,
      e.category === null ? '' : categoryCode(e.category),
      bitsCode(e.flags),
      bitsCode(e.alsoFlags),
      promote,
      qualifies,
      (e.blocksPromotionTo ?? []).map(categoryCode).join(''),
    ].join(',');
  });
  if (lexicon.some((e) => e.blocksPromotionTo?.length === 0)) fail('an empty blocksPromotionTo (leave it out)');
  const terms = lexicon.map((e) => {
    if (e.terms.length === 0) fail(`${e.id}: no terms`);
    return termList(e.terms) + (e.exact === undefined ? '' : `}${termList(e.exact)}`);
  });
  const guardList = (words: readonly string[] | undefined): string =>
    words === undefined ? '-' : words.map((w) => encodeText(w, '|}/-')).join('|');
  const guards = lexicon.map((e) =>
    e.notAfter === undefined && e.notBefore === undefined ? '' : `${guardList(e.notAfter)}}${guardList(e.notBefore)}`,
  );
  const examples = lexicon.map((e) => encodeText(e.example, '|'));
  return { meta: meta.join('/'), terms: terms.join('/'), guards: guards.join('/'), examples: examples.join('|') };
}

/** The generated modules: the rules `classifyGoods` reads, and the examples. */
export interface GoodsLexiconModules {
  /** `goods-lexicon-data.ts`: the meta, terms and guards tables. */
  readonly data: string;
  /** `goods-lexicon-examples.ts`: the examples table. */
  readonly examples: string;
}

/**
 * The generated modules' text.
 * @param packed - the tables
 * @returns TypeScript source of both modules
 */
export function renderGoodsLexiconModules(packed: PackedGoodsLexicon): GoodsLexiconModules {
  const str = (s: string): string => JSON.stringify(s);
  const data = `/**
 * GENERATED by scripts/build-goods-lexicon.ts from goods-lexicon-source.ts; do not edit by hand.
 * The goods lexicon in the packed form of _goods-packed.ts, without its examples (they are in
 * goods-lexicon-examples.ts). Run \`npm run goods-lexicon\` after changing the source.
 * @module
 * @internal
 */

import type { PackedGoodsRules } from './_goods-packed.js';

/** The packed goods lexicon: what \`classifyGoods\` reads. */
export const GOODS_LEXICON_PACKED: PackedGoodsRules = {
  meta: ${str(packed.meta)},
  terms: ${str(packed.terms)},
  guards: ${str(packed.guards)},
};
`;
  const examples = `/**
 * GENERATED by scripts/build-goods-lexicon.ts from goods-lexicon-source.ts; do not edit by hand.
 * The examples of the goods lexicon's entries, packed (_goods-packed.ts), one per entry in
 * lexicon order. Only \`GOODS_LEXICON\` (waybill-shield/goods) carries them; the data the other
 * entries register does not. Run \`npm run goods-lexicon\` after changing the source.
 * @module
 * @internal
 */

/** The packed examples table. */
export const GOODS_LEXICON_EXAMPLES = ${str(packed.examples)};
`;
  return { data, examples };
}

/**
 * Pack the source lexicon and check that it decodes back exactly.
 * @returns the generated modules' text
 * @throws Error when the round trip is not exact
 */
export function buildGoodsLexiconModules(): GoodsLexiconModules {
  const packed = packGoodsLexicon(GOODS_LEXICON_SOURCE);
  const back = unpackGoodsLexicon(packed, CATEGORY_IDS, GOODS_FLAGS);
  GOODS_LEXICON_SOURCE.forEach((e, i) => {
    if (!isDeepStrictEqual(back[i], { ...e })) fail(`${e.id} does not decode back to itself`);
  });
  if (back.length !== GOODS_LEXICON_SOURCE.length) fail('entry count changed');
  return renderGoodsLexiconModules(packed);
}

function main(): void {
  const { data, examples } = buildGoodsLexiconModules();
  writeFileSync(GOODS_LEXICON_DATA_PATH, data);
  writeFileSync(GOODS_LEXICON_EXAMPLES_PATH, examples);
  // As a bundler writes them: non-ASCII characters as \\uXXXX escapes.
  const ascii = (s: string): string => s.replace(/[^\x00-\x7f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
  const gz = (s: string): number => gzipSync(ascii(s), { level: 9 }).length;
  // The entries as object literals, the way they would be bundled without packing.
  const literal = JSON.stringify(GOODS_LEXICON_SOURCE);
  console.log(`${GOODS_LEXICON_SOURCE.length} entries; wrote ${GOODS_LEXICON_DATA_PATH} and ${GOODS_LEXICON_EXAMPLES_PATH}`);
  console.log(
    `packed: rules ${data.length} chars, ${gz(data)} B gzipped; examples ${examples.length} chars, ${gz(examples)} B gzipped; ` +
      `as literals: ${gz(literal)} B gzipped`,
  );
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main();
