/**
 * Paired micro-benchmark of the Vietnamese phone fast path (not a test; no wall-clock asserts):
 * parsePhoneField with and without it, and protect() with and without it, on the benchmark's
 * sample rows, interleaved in the same run. `npx tsx test/mask/_phone-fast-bench.ts`
 */
import '../../src/gazetteer.js'; // as the package's Node entry does
import { measure, paired } from '../../bench/_harness.js';
import { SAMPLE_ROWS } from '../../bench/samples.js';
import { readPhoneField } from '../../src/mask/phone.js';
import { protect } from '../../src/protect.js';
import { Keyring } from '../../src/keys/keyring.js';
import * as phone from '../../src/mask/phone.js';

const phones = SAMPLE_ROWS.flatMap((r) => [r.recipient.phone, r.sender.phone]);
const clean = phones.filter((p) => /^(?:0|\+84)\d+$/.test(p));
let i = 0;
let sink = 0;
const field = (fast: boolean) => () => {
  const r = readPhoneField(phones[i++ % phones.length]!, 'VN', fast);
  sink += r ? r.e164.length : 0;
};
const m = await measure([
  { name: 'parsePhoneField fast', fn: field(true) },
  { name: 'parsePhoneField full', fn: field(false) },
], { rounds: 9 });
const p = paired(m[1]!, m[0]!);
console.log(`phones: ${phones.length}, clean: ${clean.length}`);
console.log(`parsePhoneField time fast/full (bench sample phones): median ${p.ratio.toFixed(2)}x [${p.ratios.map((x) => x.toFixed(2)).join(' ')}]`);
let k = 0;
const cleanField = (fast: boolean) => () => {
  const r = readPhoneField(clean[k++ % clean.length]!, 'VN', fast);
  sink += r ? r.e164.length : 0;
};
const m2 = await measure([
  { name: 'clean fast', fn: cleanField(true) },
  { name: 'clean full', fn: cleanField(false) },
], { rounds: 9 });
const p2 = paired(m2[1]!, m2[0]!);
console.log(`parsePhoneField time fast/full (clean numbers only): median ${p2.ratio.toFixed(2)}x [${p2.ratios.map((x) => x.toFixed(2)).join(' ')}]`);
// protect() with and without the fast path: the tree before it, unpacked into .bench-old/
// (`git archive <commit> src | tar -x -C .bench-old`), interleaved with the current one.
const old = process.env.OLD_SRC;
if (old) {
  await import(`${old}/gazetteer.js`);
  const { protect: protectOld } = (await import(`${old}/protect.js`)) as typeof import('../../src/protect.js');
  const { Keyring: KeyringOld } = (await import(`${old}/keys/keyring.js`)) as typeof import('../../src/keys/keyring.js');
  const exported = Keyring.generate().export();
  const keyring = Keyring.fromJSON(exported);
  const keyringOld = KeyringOld.fromJSON(exported);
  let a = 0;
  let b = 0;
  const m3 = await measure([
    { name: 'protect() now', fn: () => protect(SAMPLE_ROWS[a++ % SAMPLE_ROWS.length]!, { keyring }) },
    { name: 'protect() before', fn: () => protectOld(SAMPLE_ROWS[b++ % SAMPLE_ROWS.length]!, { keyring: keyringOld }) },
  ], { rounds: 9 });
  const p3 = paired(m3[1]!, m3[0]!);
  console.log(`protect() time now/before: median ${p3.ratio.toFixed(3)} [${p3.ratios.map((x) => x.toFixed(3)).join(' ')}]`);
}
void phone;
console.log(sink > 0 ? '' : 'no output');
