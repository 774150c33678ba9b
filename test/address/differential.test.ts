/**
 * Differential guard for speed work on the address step: `parseAddress`, `maskAddress` (three
 * policies) and `addressRouting` must give exactly the recorded outputs on a large corpus (address
 * literals of the address tests, the tuned evaluation sets, 4,000 generated addresses). The fixture
 * holds one digest per address. A change in output must be an intended improvement: re-record with
 * `RECORD_ADDRESS_DIFF=1 npx vitest run test/address/differential.test.ts` and say why in the commit.
 * With `ADDRESS_DIFF_DUMP=<file>` the full outputs are written out, to diff two versions.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { corpus, digestOf, outputsOf, testLiterals } from './_differential-corpus.js';

const FIXTURE = join(dirname(fileURLToPath(import.meta.url)), 'differential.fixture.json');

interface Fixture {
  readonly description: string;
  readonly literals: readonly string[];
  readonly digests: readonly string[];
}

describe('address step: outputs unchanged on the differential corpus', () => {
  it('every address gives its recorded parse, masks and routing', () => {
    if (process.env.RECORD_ADDRESS_DIFF === '1') {
      const literals = testLiterals();
      const texts = corpus(literals);
      const fx: Fixture = {
        description: 'Digests of parseAddress/maskAddress/addressRouting outputs; see test/address/differential.test.ts',
        literals,
        digests: texts.map(digestOf),
      };
      writeFileSync(FIXTURE, `${JSON.stringify(fx, null, 0)}\n`);
    }
    const fx = JSON.parse(readFileSync(FIXTURE, 'utf8')) as Fixture;
    const texts = corpus(fx.literals);
    expect(texts.length).toBe(fx.digests.length);
    expect(texts.length).toBeGreaterThan(6000);
    if (process.env.ADDRESS_DIFF_DUMP) writeFileSync(process.env.ADDRESS_DIFF_DUMP, texts.map((t) => `${t}\n  ${outputsOf(t)}\n`).join(''));
    const changed: number[] = [];
    for (let i = 0; i < texts.length; i++) if (digestOf(texts[i]!) !== fx.digests[i]) changed.push(i);
    // Indices only: the corpus holds addresses, which never go into a test report.
    expect(changed.slice(0, 20)).toEqual([]);
  });
});
