/**
 * Goods classification and free-text scrubbing against one noble XChaCha20-Poly1305 seal of the
 * same text (`sealField`, which protect() runs on every sealed field). The ratios read "our time
 * / one seal's time", so they show what classifyGoods adds to protect() in units of its crypto.
 * Context only: no bound. Inputs are the goods descriptions and notes of `SAMPLE_ROWS`.
 */
import { classifyGoods } from '../../src/mask/goods.js';
import { scrubText } from '../../src/mask/scrub.js';
import { sealField } from '../../src/crypto/envelope.js';
import { Keyring } from '../../src/keys/keyring.js';
import { measure, paired, type HarnessOptions } from '../_harness.js';
import { SAMPLE_ROWS } from '../samples.js';
import type { SuiteResult } from '../types.js';

export async function goodsSuite(opts: HarnessOptions): Promise<SuiteResult[]> {
  const keyring = Keyring.generate();
  const goods = SAMPLE_ROWS.map((r) => ({ id: r.id, text: r.goods.description }));
  // Not every row has a note; both candidates cycle through the same ones.
  const notes = SAMPLE_ROWS.flatMap((r) => (r.notes ? [{ id: r.id, text: r.notes }] : []));
  const cycle = <T>(xs: readonly T[]): (() => T) => {
    let i = 0;
    return () => xs[i++ % xs.length]!;
  };

  const nextGoods = cycle(goods);
  const nextGoodsSealed = cycle(goods);
  const [cls, sealGoods] = await measure(
    [
      { name: 'classifyGoods', fn: () => classifyGoods(nextGoods().text) },
      {
        name: 'sealField (goods.description)',
        fn: () => {
          const g = nextGoodsSealed();
          return sealField(keyring, g.id, 'goods.description', g.text);
        },
      },
    ],
    opts,
  );

  const nextNote = cycle(notes);
  const nextNoteSealed = cycle(notes);
  const [scrub, sealNote] = await measure(
    [
      { name: 'scrubText (notes)', fn: () => scrubText(nextNote().text) },
      {
        name: 'sealField (notes)',
        fn: () => {
          const n = nextNoteSealed();
          return sealField(keyring, n.id, 'notes', n.text);
        },
      },
    ],
    opts,
  );

  return [
    {
      id: 'goods-vs-seal',
      title: 'classifyGoods time / one XChaCha20-Poly1305 seal of the description (context)',
      ours: cls!,
      peer: sealGoods!,
      ...paired(sealGoods!, cls!),
    },
    {
      id: 'scrub-vs-seal',
      title: 'scrubText time / one XChaCha20-Poly1305 seal of the note (context)',
      ours: scrub!,
      peer: sealNote!,
      ...paired(sealNote!, scrub!),
    },
  ];
}
