/**
 * Differential guard: `classifyGoods`, `goodsLabel` and `acceptanceOf` must give, on 9,607 texts,
 * exactly the answers recorded in `test/fixtures/goods-differential.json.gz` (every string literal
 * of the tests, the lexicon examples, the tuned evaluation sets, and generated descriptions; see
 * scripts/record-goods-differential.ts). Changing how the lexicon is stored or matched must not
 * move a single answer. A change meant to classify differently re-records the fixture
 * (`npm run goods:record-differential`) and says why in its commit.
 */
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { answersOf } from '../../scripts/record-goods-differential.js';

const recorded = (
  JSON.parse(gunzipSync(readFileSync(new URL('../fixtures/goods-differential.json.gz', import.meta.url))).toString('utf8')) as {
    cases: [string, string][];
  }
).cases;

describe('goods classification is unchanged on the recorded corpus', () => {
  it('the corpus is the large one that was recorded', () => {
    expect(recorded.length).toBeGreaterThan(9000);
    // Most generated and evaluation texts name goods: the corpus exercises the lexicon, not just `other`.
    expect(recorded.filter(([, a]) => !a.startsWith('other|')).length).toBeGreaterThan(5000);
  });

  it('every text gets the recorded category, flags, matched ids, labels and acceptance', () => {
    const moved: string[] = [];
    for (const [text, answers] of recorded) {
      const now = answersOf(text);
      if (now !== answers) moved.push(`${JSON.stringify(text)}: was ${answers}, now ${now}`);
    }
    expect(moved.slice(0, 20)).toEqual([]);
    expect(moved.length).toBe(0);
  });
});
