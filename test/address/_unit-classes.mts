/**
 * Run by `reader-layout.test.ts` under `node --allow-natives-syntax`: counts the hidden classes of
 * the bundled gazetteer's unit objects with V8's `%HaveSameMap`, and prints them as JSON.
 */
import '../../src/gazetteer.js';
import { defaultGazetteer } from '../../src/address/index.js';
import type { AdminUnit } from '../../src/address/types.js';

// V8's test is syntax of its own, only accepted under the flag: written in a function body so that
// this file stays TypeScript.
const sameMap = new Function('a', 'b', 'return %HaveSameMap(a, b)') as (a: object, b: object) => boolean;

const gz = defaultGazetteer();
const units = new Set<AdminUnit>();
for (const m of [gz.provinceKeys, gz.districtKeys, gz.wardKeys]) for (const list of m.values()) for (const e of list) units.add(e.unit);
const reps: AdminUnit[] = [];
let historical = 0;
for (const u of units) {
  if (u.historical === true) historical++;
  if (!reps.some((r) => sameMap(r, u))) reps.push(u);
}
process.stdout.write(JSON.stringify({ classes: reps.length, current: units.size - historical, historical }));
