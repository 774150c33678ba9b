/**
 * `npm run eval:goods`: scores `classifyGoods` against the held-out set in
 * `test/fixtures/goods-eval.json` and prints accuracy, per-category precision/recall, the
 * confusion between categories, recall of the `restricted` flag, and every miss.
 * @module
 */

import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { classifyGoods } from '../src/mask/goods.js';
import { GOODS_CATEGORIES, type GoodsCategory } from '../src/mask/goods-lexicon.js';

interface EvalCase {
  text: string;
  category: GoodsCategory;
  restricted?: boolean;
}

const path = fileURLToPath(new URL('../test/fixtures/goods-eval.json', import.meta.url));
const { cases } = JSON.parse(readFileSync(path, 'utf8')) as { cases: EvalCase[] };

const ids = Object.keys(GOODS_CATEGORIES) as GoodsCategory[];
const confusion = new Map<string, number>();
const misses: string[] = [];
const extraRestricted: string[] = [];
const perCat = new Map<GoodsCategory, { tp: number; fp: number; fn: number }>(
  ids.map((id) => [id, { tp: 0, fp: 0, fn: 0 }]),
);
let correct = 0;
let restrictedExpected = 0;
let restrictedFound = 0;
let restrictedFalse = 0;

for (const c of cases) {
  const got = classifyGoods(c.text);
  if (got.category === c.category) {
    correct++;
    perCat.get(c.category)!.tp++;
  } else {
    perCat.get(c.category)!.fn++;
    perCat.get(got.category)!.fp++;
    const key = `${c.category} → ${got.category}`;
    confusion.set(key, (confusion.get(key) ?? 0) + 1);
    misses.push(`  ${JSON.stringify(c.text)}: expected ${c.category}, got ${got.category} [${got.matched.join(', ')}]`);
  }
  const flagged = got.flags.includes('restricted');
  if (c.restricted) {
    restrictedExpected++;
    if (flagged) restrictedFound++;
  } else if (flagged) {
    restrictedFalse++;
    extraRestricted.push(`  ${JSON.stringify(c.text)} [${got.matched.join(', ')}]`);
  }
}

const pct = (n: number, d: number): string => (d === 0 ? '   -  ' : `${((100 * n) / d).toFixed(1).padStart(5)}%`);
console.log(`goods eval: ${cases.length} cases`);
console.log(`accuracy: ${correct}/${cases.length} = ${(correct / cases.length).toFixed(3)}`);
console.log(
  `restricted flag: recall ${restrictedFound}/${restrictedExpected}, flagged without expectation ${restrictedFalse}`,
);
console.log('\nper category           precision  recall   n');
for (const id of ids) {
  const s = perCat.get(id)!;
  const n = s.tp + s.fn;
  console.log(`  ${id.padEnd(20)} ${pct(s.tp, s.tp + s.fp)}   ${pct(s.tp, n)}  ${String(n).padStart(3)}`);
}
console.log('\nconfusion (expected → got: count)');
for (const [k, v] of [...confusion].sort((a, b) => b[1] - a[1])) console.log(`  ${k}: ${v}`);
console.log('\nmisses');
for (const m of misses) console.log(m);
console.log('\nflagged restricted without expectation');
for (const m of extraRestricted) console.log(m);
