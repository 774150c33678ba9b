/**
 * `npm run eval:goods` (`--speed` adds a timing ratio against one seal): scores `classifyGoods` and the phone-field parser against the evaluation
 * sets and prints, per set: category accuracy, `restricted` recall and precision, sensitive items
 * whose label reveals them, and the recall of the acceptance flags the set expects.
 *
 * Sets:
 * - `goods-eval.json` (issue 4) and `goods-marketplace-tune.json` were used while tuning the
 *   lexicon: regression guards, with every miss listed;
 * - `goods-marketplace-heldout.json` and `phones-heldout.json` are held back: only their aggregate
 *   figures are printed, never an item, so tuning cannot look at them. `--show-heldout` lists their
 *   misses, for use after the figures are reported.
 * @module
 */

import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import '../src/goods.js'; // the bundled goods lexicon, as the Node entry registers it
import { classifyGoods, goodsLabel, NEUTRAL_GOODS_LABEL } from '../src/mask/goods.js';
import { GOODS_CATEGORIES, type GoodsCategory, type GoodsFlag } from '../src/mask/goods-lexicon.js';
import { parsePhoneField } from '../src/mask/phone.js';

interface GoodsCase {
  text: string;
  category: GoodsCategory;
  restricted?: boolean;
  sensitive?: boolean;
  flags?: GoodsFlag[];
}

interface PhoneCase {
  input: string;
  /** E.164 of the first number, or null when the field must be rejected. */
  phone: string | null;
  alt?: string | null;
}

const showHeldout = process.argv.includes('--show-heldout');
const load = <T>(name: string): T[] =>
  (JSON.parse(readFileSync(fileURLToPath(new URL(`../test/fixtures/${name}`, import.meta.url)), 'utf8')) as { cases: T[] }).cases;

const pct = (n: number, d: number): string => (d === 0 ? '-' : `${((100 * n) / d).toFixed(1)}%`);

/** Scores one goods set; returns the figures so the caller can print a summary table. */
function scoreGoods(name: string, cases: GoodsCase[], listMisses: boolean): void {
  let correct = 0;
  let rExpected = 0;
  let rFound = 0;
  let rFlagged = 0;
  let sensitive = 0;
  let revealing = 0;
  const flagNeed = new Map<GoodsFlag, { need: number; got: number }>();
  const misses: string[] = [];
  const confusion = new Map<string, number>();
  for (const c of cases) {
    const got = classifyGoods(c.text);
    const why = `[${got.matched.join(', ')}] flags=${got.flags.join(',')}`;
    if (got.category === c.category) correct++;
    else {
      const key = `${c.category} → ${got.category}`;
      confusion.set(key, (confusion.get(key) ?? 0) + 1);
      misses.push(`  category ${JSON.stringify(c.text)}: expected ${c.category}, got ${got.category} ${why}`);
    }
    const flagged = got.flags.includes('restricted');
    if (flagged) rFlagged++;
    if (c.restricted) {
      rExpected++;
      if (flagged) rFound++;
      else misses.push(`  restricted missing ${JSON.stringify(c.text)} ${why}`);
    } else if (flagged) misses.push(`  restricted extra ${JSON.stringify(c.text)} ${why}`);
    if (c.sensitive) {
      sensitive++;
      if (goodsLabel(got) !== NEUTRAL_GOODS_LABEL) {
        revealing++;
        misses.push(`  revealing label ${JSON.stringify(c.text)} → ${goodsLabel(got)} ${why}`);
      }
    }
    for (const f of c.flags ?? []) {
      const s = flagNeed.get(f) ?? { need: 0, got: 0 };
      s.need++;
      if (got.flags.includes(f)) s.got++;
      else misses.push(`  flag ${f} missing ${JSON.stringify(c.text)} ${why}`);
      flagNeed.set(f, s);
    }
  }
  console.log(`\n## ${name}: ${cases.length} cases`);
  console.log(`category accuracy: ${correct}/${cases.length} = ${pct(correct, cases.length)}`);
  console.log(
    `restricted: recall ${rFound}/${rExpected} = ${pct(rFound, rExpected)}, precision ${rFound}/${rFlagged} = ${pct(rFound, rFlagged)}`,
  );
  if (sensitive > 0) console.log(`sensitive items with a revealing label: ${revealing}/${sensitive}`);
  for (const [f, s] of flagNeed) console.log(`flag ${f}: ${s.got}/${s.need}`);
  if (!listMisses) return;
  console.log('confusion (expected → got: count)');
  for (const [k, v] of [...confusion].sort((a, b) => b[1] - a[1])) console.log(`  ${k}: ${v}`);
  console.log('misses');
  for (const m of misses) console.log(m);
}

function scorePhones(name: string, cases: PhoneCase[], listMisses: boolean): void {
  let right = 0;
  const misses: string[] = [];
  for (const c of cases) {
    const got = parsePhoneField(c.input);
    const ok =
      c.phone === null ? got === undefined : got !== undefined && got.e164 === c.phone && (got.alt ?? null) === (c.alt ?? null);
    if (ok) right++;
    else misses.push(`  ${JSON.stringify(c.input)}: expected ${c.phone}/${c.alt ?? '-'}, got ${got ? `${got.e164}/${got.alt ?? '-'}` : 'rejected'}`);
  }
  console.log(`\n## ${name}: ${cases.length} cases`);
  console.log(`phone fields right: ${right}/${cases.length} = ${pct(right, cases.length)}`);
  if (listMisses) for (const m of misses) console.log(m);
}

void GOODS_CATEGORIES;
scoreGoods('goods-eval.json (issue 4 set; tuned, regression guard)', load<GoodsCase>('goods-eval.json'), true);
scoreGoods('goods-marketplace-tune.json (tuned, regression guard)', load<GoodsCase>('goods-marketplace-tune.json'), true);
scoreGoods('goods-marketplace-heldout.json (HELD OUT)', load<GoodsCase>('goods-marketplace-heldout.json'), showHeldout);
scorePhones('phones-tune.json (tuned, regression guard)', load<PhoneCase>('phones-tune.json'), true);
scorePhones('phones-heldout.json (HELD OUT)', load<PhoneCase>('phones-heldout.json'), showHeldout);

// `--speed`: classifyGoods against one seal of the same description, in the same run (a ratio,
// not a wall-clock figure; bench/suites/goods.ts is the full benchmark).
if (process.argv.includes('--speed')) {
  const { sealField } = await import('../src/crypto/envelope.js');
  const { Keyring } = await import('../src/keys/keyring.js');
  const keyring = Keyring.generate();
  const texts = load<GoodsCase>('goods-marketplace-tune.json').map((c) => c.text);
  const time = (f: (t: string) => unknown): number => {
    const n = 20_000;
    const t0 = process.hrtime.bigint();
    for (let i = 0; i < n; i++) f(texts[i % texts.length]!);
    return Number(process.hrtime.bigint() - t0) / n;
  };
  console.log('\n## speed (classifyGoods time / one sealField time, 3 rounds)');
  for (let r = 0; r < 3; r++) {
    const a = time(classifyGoods);
    const b = time((t) => sealField(keyring, 'W1', 'goods.description', t));
    console.log(`round ${r + 1}: ${(a / b).toFixed(2)}`);
  }
}
