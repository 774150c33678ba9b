/**
 * The packed goods lexicon: the committed generated module is what `npm run goods-lexicon` writes
 * from the source today, it decodes back to exactly the source entries, the packer refuses what
 * it could not carry exactly, and the shipped bundle holds the packed form, not the source.
 */
import { readFileSync } from 'node:fs';
import { browserBundle } from '../helpers/bundle.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildGoodsLexiconModules, GOODS_LEXICON_DATA_PATH, GOODS_LEXICON_EXAMPLES_PATH, packGoodsLexicon } from '../../scripts/build-goods-lexicon.js';
import { unpackGoodsLexicon, unpackGoodsRules, withGoodsExamples } from '../../src/mask/_goods-packed.js';
import { goodsLexicon } from '../../src/mask/default-goods-lexicon.js';
import { GOODS_LEXICON_PACKED } from '../../src/mask/goods-lexicon-data.js';
import { GOODS_LEXICON_EXAMPLES } from '../../src/mask/goods-lexicon-examples.js';
import { GOODS_CATEGORIES, GOODS_FLAGS, type GoodsCategory, type GoodsLexiconEntry } from '../../src/mask/goods-lexicon.js';
import { GOODS_LEXICON } from '../../src/goods.js';
import { GOODS_LEXICON_SOURCE } from '../../src/mask/goods-lexicon-source.js';

const CATEGORY_IDS = Object.keys(GOODS_CATEGORIES) as GoodsCategory[];
const roundTrip = (entries: readonly GoodsLexiconEntry[]): GoodsLexiconEntry[] =>
  unpackGoodsLexicon(packGoodsLexicon(entries), CATEGORY_IDS, GOODS_FLAGS);

describe('packed goods lexicon', () => {
  it('the committed goods-lexicon-data.ts and goods-lexicon-examples.ts are up to date with goods-lexicon-source.ts (run `npm run goods-lexicon`)', () => {
    const built = buildGoodsLexiconModules();
    expect(readFileSync(GOODS_LEXICON_DATA_PATH, 'utf8')).toBe(built.data);
    expect(readFileSync(GOODS_LEXICON_EXAMPLES_PATH, 'utf8')).toBe(built.examples);
  });

  it('the registered data has no examples: classifyGoods reads the same entries as GOODS_LEXICON, less `example`', () => {
    expect(Object.keys(GOODS_LEXICON_PACKED).sort()).toEqual(['guards', 'meta', 'terms']);
    const rules = goodsLexicon();
    expect(rules.length).toBe(GOODS_LEXICON_SOURCE.length);
    rules.forEach((r, i) => {
      expect(r, r.id).not.toHaveProperty('example');
      const { example, ...rest } = GOODS_LEXICON_SOURCE[i]!;
      expect(example.length).toBeGreaterThan(0);
      expect(r, r.id).toStrictEqual(rest);
    });
    // The examples module goes with exactly these entries, and a table of another length is refused.
    expect(withGoodsExamples(unpackGoodsRules(GOODS_LEXICON_PACKED, CATEGORY_IDS, GOODS_FLAGS), GOODS_LEXICON_EXAMPLES)).toStrictEqual(
      GOODS_LEXICON_SOURCE.map((e) => ({ ...e })),
    );
    expect(() => withGoodsExamples(rules, `${GOODS_LEXICON_EXAMPLES}|one more`)).toThrow(/examples do not match/);
    expect(() => withGoodsExamples(rules.slice(1), GOODS_LEXICON_EXAMPLES)).toThrow(/examples do not match/);
  });

  it('GOODS_LEXICON decodes to exactly the source entries, in order, and is frozen', () => {
    expect(GOODS_LEXICON.length).toBe(GOODS_LEXICON_SOURCE.length);
    GOODS_LEXICON.forEach((e, i) => expect(e, e.id).toStrictEqual({ ...GOODS_LEXICON_SOURCE[i] }));
    expect(Object.isFrozen(GOODS_LEXICON)).toBe(true);
  });

  it('round-trips generated entries exactly (every optional field, shared words, marks, Đ/đ)', () => {
    const syllable = fc.constantFrom('điện', 'thoại', 'ốp', 'lưng', 'áo', 'thuỷ', 'thủy', 'sữa', 'rửa', 'mặt', 'iphone',
      '15', 'pro', 'Đà', 'Lạt', 'ngữ', 'quả', 'ươn', 'xe', 'đạp', 'hoà');
    const phrase = fc.array(syllable, { minLength: 1, maxLength: 4 }).map((w) => w.join(' '));
    const term = phrase.map((t) => t.toLowerCase());
    const flags = fc.subarray([...GOODS_FLAGS], { minLength: 1 });
    const cats = fc.uniqueArray(fc.constantFrom(...CATEGORY_IDS), { minLength: 1, maxLength: 3 });
    const entry = fc.record(
      {
        id: fc.stringMatching(/^[a-z]{2}\.[a-z0-9-]{1,12}$/),
        category: fc.option(fc.constantFrom(...CATEGORY_IDS), { nil: null }),
        terms: fc.array(term, { minLength: 1, maxLength: 8 }),
        exact: fc.array(term, { maxLength: 3 }),
        flags,
        alsoFlags: flags,
        promote: fc.record({ from: cats, to: fc.constantFrom(...CATEGORY_IDS) }),
        notAfter: fc.array(fc.stringMatching(/^[a-z]{1,6}$/), { maxLength: 4 }),
        notBefore: fc.array(fc.stringMatching(/^[a-z]{1,6}$/), { maxLength: 4 }),
        qualifies: fc.constantFrom('item' as const, 'rest' as const),
        blocksPromotionTo: cats,
        example: phrase.map((p) => `${p[0]!.toUpperCase()}${p.slice(1)} 2 cái, 500ml.`),
      },
      { requiredKeys: ['id', 'category', 'terms', 'example'] },
    );
    fc.assert(
      fc.property(fc.array(entry, { minLength: 1, maxLength: 6 }), (entries) => {
        const back = roundTrip(entries);
        // fast-check builds records without a prototype; compare with plain objects.
        expect(back).toStrictEqual(JSON.parse(JSON.stringify(entries)));
      }),
      { numRuns: 300 },
    );
  });

  it('refuses what the packed form could not carry exactly', () => {
    const base: GoodsLexiconEntry = { id: 'xx.test', category: 'toys', terms: ['đồ chơi'], example: 'Đồ chơi' };
    const bad: [string, GoodsLexiconEntry][] = [
      ['flags out of GOODS_FLAGS order', { ...base, flags: ['battery', 'high-value'] }],
      ['a repeated flag', { ...base, flags: ['battery', 'battery'] }],
      ['a reserved character in a term', { ...base, terms: ['đồ|chơi'] }],
      ['a stand-in character in an example', { ...base, example: 'đồ chơi #1' }],
      ['a term not in NFC', { ...base, terms: ['đồ chơi'.normalize('NFD')] }],
      ['an empty term', { ...base, terms: [''] }],
      ['no terms', { ...base, terms: [] }],
      ['an id with a separator', { ...base, id: 'xx.a,b' }],
      ['an empty flag list', { ...base, flags: [] }],
    ];
    for (const [why, e] of bad) expect(() => packGoodsLexicon([e]), why).toThrow(/goods lexicon/);
  });

  const bundle = (contents: string) => browserBundle(contents, 'ts');

  it('the goods entry ships the packed tables and their decoder, not the source or the packer', async () => {
    const r = await bundle(`export { classifyGoods } from './src/mask/goods.ts'; import './src/goods.ts';`);
    const inputs = Object.keys(r.metafile.inputs);
    expect(inputs.some((f) => f.endsWith('goods-lexicon-data.ts'))).toBe(true);
    expect(inputs.some((f) => f.endsWith('_goods-packed.ts'))).toBe(true);
    expect(inputs.some((f) => f.endsWith('goods-lexicon-source.ts') || f.includes('scripts/'))).toBe(false);
    const code = r.outputFiles[0]!.text;
    // A term only the source spells out in full (`galaxy note` is packed as `galaxy` + `!note`).
    expect(code.includes('galaxy note')).toBe(false);
  });

  it('classifyGoods alone bundles neither the packed tables, their decoder nor the matcher (registered with the data)', async () => {
    const r = await bundle(`export { classifyGoods } from './src/mask/goods.ts';`);
    const inputs = Object.keys(r.metafile.inputs);
    expect(inputs.some((f) => f.endsWith('goods-lexicon-data.ts') || f.endsWith('_goods-packed.ts') || f.endsWith('_goods-match.ts'))).toBe(false);
    // The registration brings all three (the check above can fail).
    const withData = Object.keys((await bundle(`export { classifyGoods } from './src/mask/goods.ts'; export { registerBundledGoodsLexicon } from './src/mask/register-goods.ts';`)).metafile.inputs);
    for (const m of ['goods-lexicon-data.ts', '_goods-packed.ts', '_goods-match.ts']) expect(withData.some((f) => f.endsWith(m)), m).toBe(true);
  });

  it('goodsLabel and acceptanceOf alone do not bundle the lexicon (nothing runs at import)', async () => {
    const r = await bundle(
      `export { goodsLabel } from './src/mask/goods.ts'; export { acceptanceOf } from './src/mask/acceptance.ts';`,
    );
    const used = Object.values(r.metafile.outputs).flatMap((o) =>
      Object.entries(o.inputs)
        .filter(([, v]) => v.bytesInOutput > 0)
        .map(([k]) => k),
    );
    expect(used.some((f) => f.endsWith('goods-lexicon.ts'))).toBe(true);
    expect(used.some((f) => f.endsWith('goods-lexicon-data.ts') || f.endsWith('_goods-match.ts'))).toBe(false);
  });
});
