/**
 * Paired micro-benchmark of the Vietnamese phone fast path (not a test; no wall-clock asserts):
 * parsePhoneField with and without it, and protect() with and without it, on the benchmark's
 * sample rows, interleaved in the same run. `npx tsx test/mask/_phone-fast-bench.ts`
 */
import '../../src/index.node.js'; // as the package's Node entry does
import { measure, paired } from '../../bench/_harness.js';
import { SAMPLE_ROWS } from '../../bench/samples.js';
import { readPhoneField } from '../../src/mask/phone.js';
import { Keyring } from '../../src/keys/keyring.js';

const phones = SAMPLE_ROWS.flatMap((r) => [r.recipient.phone, r.sender.phone]);
const clean = phones.filter((p) => /^(?:0|\+84)\d+$/.test(p));
let sink = 0;

/** parsePhoneField with the fast path against without it over `list`, interleaved; prints the paired ratio. */
async function fastOverFull(list: readonly string[], label: string): Promise<void> {
  let i = 0;
  const field = (fast: boolean) => () => {
    const r = readPhoneField(list[i++ % list.length]!, 'VN', fast);
    sink += r ? r.e164.length : 0;
  };
  const m = await measure([
    { name: `${label} fast`, fn: field(true) },
    { name: `${label} full`, fn: field(false) },
  ], { rounds: 9 });
  const p = paired(m[1]!, m[0]!);
  console.log(`parsePhoneField time fast/full (${label}): median ${p.ratio.toFixed(2)}x [${p.ratios.map((x) => x.toFixed(2)).join(' ')}]`);
}

console.log(`phones: ${phones.length}, clean: ${clean.length}`);
await fastOverFull(phones, 'bench sample phones');
await fastOverFull(clean, 'clean numbers only');
// protect() with and without the fast path: the tree before it, unpacked into a directory
// (`git archive <commit> src | tar -x -C DIR`; OLD_SRC=DIR/src), interleaved with the current one.
// SAME_SRC (the current tree unpacked the same way) adds an A/A control: a second copy of the
// same code, which shows how far two module copies differ with no change at all.
async function loadProtect(dir: string): Promise<(row: (typeof SAMPLE_ROWS)[number]) => unknown> {
  await import(`${dir}/gazetteer.js`);
  const { protect: p } = (await import(`${dir}/protect.js`)) as typeof import('../../src/protect.js');
  const { Keyring: K } = (await import(`${dir}/keys/keyring.js`)) as typeof import('../../src/keys/keyring.js');
  const keyring = K.fromJSON(exported);
  return (row) => p(row, { keyring });
}
const exported = Keyring.generate().export();
const old = process.env.OLD_SRC;
if (old) {
  const candidates = [
    { name: 'now', run: await loadProtect(new URL('../../src', import.meta.url).pathname) },
    { name: 'before', run: await loadProtect(old) },
  ];
  if (process.env.SAME_SRC) candidates.push({ name: 'now (second copy)', run: await loadProtect(process.env.SAME_SRC) });
  const m3 = await measure(
    candidates.map((c) => {
      let n = 0;
      return { name: c.name, fn: () => c.run(SAMPLE_ROWS[n++ % SAMPLE_ROWS.length]!) };
    }),
    { rounds: 15, sliceMs: 500 },
  );
  const show = (label: string, a: number, b: number) => {
    const p = paired(m3[b]!, m3[a]!);
    console.log(`${label}: median ${p.ratio.toFixed(3)} [${p.ratios.map((x) => x.toFixed(3)).join(' ')}]`);
  };
  show('protect() time now/before', 0, 1);
  if (m3[2]) show('protect() time second copy/before', 2, 1);
  if (m3[2]) show('protect() time now/second copy (A/A control)', 0, 2);
}
console.log(sink > 0 ? '' : 'no output');
