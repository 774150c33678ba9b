// Diagnostic, not a gated benchmark: how much of the address step's time on a stream of distinct
// addresses is the processor waiting for memory, and of what kind. Loads the built package (`npm run
// build` first) and runs parse + mask + routing, as `bench/suites/address.ts` times it, on the
// generated development set (`test/fixtures/address-generated.json`, never the held-back set).
// Run as
//
//   node bench/address-memory.mjs [rounds=6]
//
// Three measurements, each printed as a table:
//
// 1. Working set. The 1,600 addresses are ordered one of each style in turn, so the first K hold
//    every style equally for K = 16, 32, …, and so about the same work per address. For K = 16 …
//    1,600 the first K are cycled; the CPU time per address is the median of the rounds. A small K
//    keeps what the parser reads in the processor's caches and its address translations in the
//    TLBs; a large one is a courier's stream.
// 2. Lost address translations. 16 and 1,600 addresses cycled as above, each parse timed by
//    itself (`process.hrtime`), with and without first touching one 64-byte line in each 4 KB page
//    of a 32 MB buffer: 8,192 pages, so the TLBs (the processor's cache of address translations)
//    lose the parser's pages, while the lines touched fall into 1/64 of the second-level cache's
//    sets and one first-level set (a 4 KB stride keeps the set index), so most cached data stays.
// 3. A parse after everything was lost: each address parsed, at once again (warm), and again after
//    reading all of the 32 MB buffer (caches and translations both lost), as a parse in a process
//    that did other memory-heavy work in between would be. Means per call.
// See docs/address.md, "Speed", thirteenth pass, for what it showed.
import { readFileSync } from 'node:fs';

const { parseAddress, maskAddress, addressRouting } = await import(new URL('../dist/index.node.js', import.meta.url).href);
const rounds = Number(process.argv[2] ?? 6);
const cases = JSON.parse(readFileSync(new URL('../test/fixtures/address-generated.json', import.meta.url), 'utf8')).cases;
const byStyle = new Map();
for (const c of cases) {
  if (!byStyle.has(c.style)) byStyle.set(c.style, []);
  byStyle.get(c.style).push(c.input);
}
const styles = [...byStyle.values()];
const texts = [];
for (let i = 0; texts.length < cases.length; i++) for (const s of styles) if (i < s.length) texts.push(s[i]);

const keep = { ward: true, district: true, province: true };
const step = (t) => {
  const p = parseAddress(t);
  maskAddress(p, { keep, convertTo2025: false });
  addressRouting(p);
};
const run = (xs) => {
  for (const t of xs) step(t);
};
const median = (v) => [...v].sort((a, b) => a - b)[v.length >> 1];
const cpuUs = () => {
  const u = process.cpuUsage();
  return u.user + u.system;
};

// Compile and fill the parser's caches first.
for (let i = 0; i < 10; i++) run(texts);

const ks = [16, 32, 64, 160, 320, 800, 1600].filter((k) => k <= texts.length);
const perK = new Map(ks.map((k) => [k, []]));
for (let r = 0; r < rounds; r++) {
  for (const k of ks) {
    const sub = texts.slice(0, k);
    const reps = Math.ceil(16000 / k);
    run(sub);
    const t0 = cpuUs();
    for (let i = 0; i < reps; i++) run(sub);
    perK.get(k).push((cpuUs() - t0) / (reps * k));
  }
}
console.log('\n1. Distinct addresses cycled, and CPU time per address (median of rounds)\n');
console.log('| addresses | µs per address | of 16 addresses |');
console.log('|---:|---:|---:|');
const base = median(perK.get(ks[0]));
for (const k of ks) console.log(`| ${k} | ${median(perK.get(k)).toFixed(2)} | ${(median(perK.get(k)) / base).toFixed(2)} |`);

const buffer = new Float64Array(4 << 20); // 32 MB
buffer.fill(1);
let sink = 0;
const everyLine = () => {
  for (let i = 0; i < buffer.length; i += 8) sink += buffer[i];
};
const onePerPage = () => {
  for (let i = 0; i < buffer.length; i += 512) sink += buffer[i];
};
const one = (t) => {
  const t0 = process.hrtime.bigint();
  step(t);
  return Number(process.hrtime.bigint() - t0);
};

const cycled = (k, flush) => {
  const sub = texts.slice(0, k);
  const reps = Math.ceil(8000 / k);
  run(sub);
  let ns = 0;
  for (let r = 0; r < reps; r++) {
    for (const t of sub) {
      if (flush) onePerPage();
      ns += one(t);
    }
  }
  return ns / (reps * k * 1000);
};
const ways = [
  ['16 addresses', 16, false],
  ['16 addresses, translations lost before each parse', 16, true],
  ['1,600 addresses', 1600, false],
  ['1,600 addresses, translations lost before each parse', 1600, true],
].filter(([, k]) => k <= texts.length);
const perWay = ways.map(() => []);
for (let r = 0; r < rounds; r++) ways.forEach(([, k, flush], i) => perWay[i].push(cycled(k, flush)));
console.log('\n2. With and without the address translations lost before each parse (µs per parse, median of rounds)\n');
console.log('| cycled | µs | of 16 addresses |');
console.log('|---|---:|---:|');
const first = median(perWay[0]);
ways.forEach(([name], i) => console.log(`| ${name} | ${median(perWay[i]).toFixed(2)} | ${(median(perWay[i]) / first).toFixed(2)} |`));

let warm = 0;
let cold = 0;
for (let r = 0; r < rounds; r++) {
  for (const t of texts) {
    one(t);
    warm += one(t);
    everyLine();
    cold += one(t);
  }
}
console.log('\n3. One parse, warm and after 32 MB were read (mean µs per address)\n');
console.log('| parsed | µs | of warm |');
console.log('|---|---:|---:|');
console.log(`| again at once | ${(warm / (rounds * texts.length * 1000)).toFixed(2)} | 1.00 |`);
console.log(`| after 32 MB read | ${(cold / (rounds * texts.length * 1000)).toFixed(2)} | ${(cold / warm).toFixed(2)} |`);
if (sink < 0) console.log('');
