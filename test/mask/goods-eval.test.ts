import { describe, expect, it } from 'vitest';
import { classifyGoods, goodsLabel, NEUTRAL_GOODS_LABEL } from '../../src/mask/goods.js';
import { parsePhoneField } from '../../src/mask/phone.js';
import { GOODS_CATEGORIES, type GoodsCategory } from '../../src/mask/goods-lexicon.js';
import evalSet from '../fixtures/goods-eval.json' with { type: 'json' };
import tuneSet from '../fixtures/goods-marketplace-tune.json' with { type: 'json' };
import heldoutSet from '../fixtures/goods-marketplace-heldout.json' with { type: 'json' };
import phonesTune from '../fixtures/phones-tune.json' with { type: 'json' };
import phonesHeldout from '../fixtures/phones-heldout.json' with { type: 'json' };

/** The documented floor (docs/goods.md). The held-out set scored 0.983 on its first run. */
const ACCURACY_FLOOR = 0.95;

interface EvalCase {
  text: string;
  category: string;
  restricted?: boolean;
}

describe('goods held-out evaluation', () => {
  const cases = evalSet.cases as EvalCase[];

  it('has at least 200 cases over every category, with valid expectations', () => {
    expect(cases.length).toBeGreaterThanOrEqual(200);
    const seen = new Set(cases.map((c) => c.category));
    for (const id of Object.keys(GOODS_CATEGORIES)) expect(seen.has(id), id).toBe(true);
    for (const c of cases) expect(Object.keys(GOODS_CATEGORIES)).toContain(c.category as GoodsCategory);
  });

  it(`classifies at least ${ACCURACY_FLOOR * 100}% correctly`, () => {
    const correct = cases.filter((c) => classifyGoods(c.text).category === c.category).length;
    expect(correct / cases.length).toBeGreaterThanOrEqual(ACCURACY_FLOOR);
  });

  it('flags every case expected to be restricted', () => {
    for (const c of cases.filter((x) => x.restricted)) {
      expect(classifyGoods(c.text).flags, c.text).toContain('restricted');
    }
  });
});

interface MarketCase {
  text: string;
  category: string;
  restricted: boolean;
  sensitive: boolean;
  flags?: string[];
}

function score(cases: MarketCase[]) {
  let correct = 0;
  let rExpected = 0;
  let rFound = 0;
  let rFlagged = 0;
  let revealing = 0;
  let flagMissing = 0;
  for (const c of cases) {
    const got = classifyGoods(c.text);
    if (got.category === c.category) correct++;
    const flagged = got.flags.includes('restricted');
    if (flagged) rFlagged++;
    if (c.restricted) {
      rExpected++;
      if (flagged) rFound++;
    }
    if (c.sensitive && goodsLabel(got) !== NEUTRAL_GOODS_LABEL) revealing++;
    for (const f of c.flags ?? []) if (!got.flags.includes(f as never)) flagMissing++;
  }
  return { accuracy: correct / cases.length, recall: rFound / rExpected, precision: rFound / rFlagged, revealing, flagMissing };
}

// Floors are the figures measured when the lexicon work for issue 14 ended (docs/goods.md), so a
// change that lowers any of them fails here. The held-out set was not inspected item by item.
describe.each([
  ['goods-marketplace-tune.json (tuned: regression guard)', tuneSet.cases as MarketCase[], 0.97],
  ['goods-marketplace-heldout.json (held out)', heldoutSet.cases as MarketCase[], 0.97],
])('%s', (_name, cases, accuracyFloor) => {
  const s = score(cases);
  it(`category accuracy ≥ ${accuracyFloor}`, () => expect(s.accuracy).toBeGreaterThanOrEqual(accuracyFloor));
  it('restricted recall 100 %, precision ≥ 95 %', () => {
    expect(s.recall).toBe(1);
    expect(s.precision).toBeGreaterThanOrEqual(0.95);
  });
  it('no sensitive item gets a revealing label', () => expect(s.revealing).toBe(0));
  it('every power bank, lithium cell, perfume, alcohol, seed and quarantine item carries its flag', () => expect(s.flagMissing).toBe(0));
});

describe.each([
  ['phones-tune.json (tuned)', phonesTune.cases],
  ['phones-heldout.json (held out)', phonesHeldout.cases],
])('phone fields: %s', (_name, cases) => {
  it('at least 98 % read right (first number and second number, or rejection)', () => {
    const right = (cases as { input: string; phone: string | null; alt?: string }[]).filter((c) => {
      const r = parsePhoneField(c.input);
      return c.phone === null ? r === undefined : r?.e164 === c.phone && (r.alt ?? null) === (c.alt ?? null);
    }).length;
    expect(right / cases.length).toBeGreaterThanOrEqual(0.98);
  });
});
