/**
 * Records what `classifyGoods`, `goodsLabel` and `acceptanceOf` answer today on a large corpus,
 * into `test/fixtures/goods-differential.json.gz`. `test/mask/goods-differential.test.ts` then
 * requires the same answers, so a change to how the lexicon is stored or matched that is meant
 * to keep classification identical can prove it.
 *
 * The corpus (texts are stored in the fixture, so the test does not depend on this generator):
 * - every string literal in `test/**.ts` (each goods text the tests use, and many other strings);
 * - the lexicon's examples;
 * - the tuned evaluation sets `goods-eval.json` and `goods-marketplace-tune.json` (regression
 *   guards). The held-back set is never read here;
 * - a few thousand generated descriptions, from a fixed seed: lexicon terms joined with
 *   quantities, modifiers, brands, English words, separators, qualifier openers, upper case and
 *   unaccented forms.
 *
 * Run only when the classification is meant to change: `npm run goods:record-differential`.
 * @module
 */

import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { foldDiacritics } from '../src/_fold.js';
import { acceptanceOf } from '../src/mask/acceptance.js';
import { classifyGoods, goodsLabel, GOODS_MAX_LENGTH } from '../src/mask/goods.js';
import { GOODS_LEXICON } from '../src/goods.js'; // registers the bundled lexicon, as the Node entry does
import { mulberry32, stringLiterals } from '../test/helpers/corpus.js';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const OUT = join(root, 'test/fixtures/goods-differential.json.gz');

/** The answers compared for one text: one line, so a failing test shows exactly what moved. */
export function answersOf(text: string): string {
  const cls = classifyGoods(text);
  const acc = acceptanceOf(cls);
  return [
    cls.category,
    cls.flags.join(','),
    cls.matched.join(','),
    goodsLabel(cls),
    goodsLabel(cls, { show: 'none' }),
    `${acc.decision}:${acc.reasons.join(',')}`,
  ].join('|');
}

function testFiles(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) {
      if (name !== 'fixtures') testFiles(p, out);
    } else if (name.endsWith('.ts')) out.push(p);
  }
  return out;
}

function generated(count: number): string[] {
  const rand = mulberry32(0x600d5);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;
  const naming = GOODS_LEXICON.filter((e) => e.category !== null).flatMap((e) => [...e.terms, ...(e.exact ?? [])]);
  const modifiers = GOODS_LEXICON.filter((e) => e.category === null).flatMap((e) => [...e.terms, ...(e.exact ?? [])]);
  const brands = GOODS_LEXICON.filter((e) => /brand|model/.test(e.id)).flatMap((e) => e.terms);
  const blockers = GOODS_LEXICON.flatMap((e) => [...(e.notAfter ?? []), ...(e.notBefore ?? [])]);
  const english = ['phone case', 'shirt', 'shoes', 'bag', 'book', 'charger', 'perfume', 'toy', 'watch', 'milk', 'for kids',
    'new', 'original', 'set', 'pack', 'black', 'mini', 'pro', 'with', 'and', 'gift'];
  const fillers = ['cao cấp', 'chính hãng', 'loại 1', 'hàng mới', 'size M', 'màu đen', 'vị dâu', 'cho bé', 'dùng cho',
    'tặng kèm', 'kèm', 'và', 'combo', 'hộp 10 cái', 'freeship', 'giá rẻ', 'xịn', '500ml', '20000mAh', '2 cái', 'cũ', 'mới 100%'];
  const seps = [' ', ' ', ' ', ' ', ', ', ' + ', '; ', ' - ', ' và ', ' kèm ', ' / ', '\n', ' | '];
  const out: string[] = [];
  for (let i = 0; i < count; i++) {
    const parts: string[] = [];
    const n = 1 + Math.floor(rand() * 5);
    for (let k = 0; k < n; k++) {
      const r = rand();
      let w: string;
      if (r < 0.4) w = pick(naming);
      else if (r < 0.55) w = pick(modifiers);
      else if (r < 0.65) w = pick(brands);
      else if (r < 0.72) w = pick(english);
      else if (r < 0.77) w = pick(blockers);
      else if (r < 0.92) w = pick(fillers);
      else w = String(1 + Math.floor(rand() * 30));
      if (rand() < 0.15) w = `${1 + Math.floor(rand() * 5)} ${w}`;
      parts.push(w, pick(seps));
    }
    let text = parts.slice(0, -1).join('');
    const form = rand();
    if (form < 0.25) text = foldDiacritics(text);
    else if (form < 0.33) text = text.toUpperCase();
    else if (form < 0.38) text = text.normalize('NFD');
    else if (form < 0.43) text = text.replace(/(^|\s)(\p{L})/gu, (_m, s: string, c: string) => s + c.toUpperCase());
    out.push(text);
  }
  return out;
}

async function corpus(): Promise<{ source: string; texts: string[] }[]> {
  // Loaded here, not at the top: the differential test imports `answersOf` from this file.
  const tsc = (await import('typescript')).default;
  const fromTests = testFiles(join(root, 'test')).flatMap((f) => stringLiterals(tsc, f));
  const fixture = (name: string): string[] =>
    (JSON.parse(readFileSync(join(root, 'test/fixtures', name), 'utf8')) as { cases: { text: string }[] }).cases.map((c) => c.text);
  return [
    { source: 'test literals', texts: fromTests },
    { source: 'lexicon examples', texts: GOODS_LEXICON.map((e) => e.example) },
    { source: 'goods-eval.json', texts: fixture('goods-eval.json') },
    { source: 'goods-marketplace-tune.json', texts: fixture('goods-marketplace-tune.json') },
    { source: 'generated', texts: generated(6000) },
  ];
}

async function main(): Promise<void> {
  const seen = new Set<string>();
  const cases: [string, string][] = [];
  for (const { source, texts } of await corpus()) {
    let added = 0;
    for (const t of texts) {
      if (t.length === 0 || t.length > GOODS_MAX_LENGTH || seen.has(t)) continue;
      seen.add(t);
      cases.push([t, answersOf(t)]);
      added++;
    }
    console.log(`${source}: ${added} texts`);
  }
  const nonOther = cases.filter(([, a]) => !a.startsWith('other|')).length;
  const body = JSON.stringify({ note: 'Recorded by scripts/record-goods-differential.ts; [text, answers] pairs.', cases });
  writeFileSync(OUT, gzipSync(body, { level: 9 }));
  console.log(`${cases.length} texts (${nonOther} classified), wrote ${OUT}`);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) await main();
