// Diagnostic, not a gated benchmark: how much of the address step's time on a stream of distinct
// addresses is the processor waiting for memory, and of what kind. Loads the built package (`npm run
// build` first) and runs parse + mask + routing, as `bench/suites/address.ts` times it, on the
// generated development set (`test/fixtures/address-generated.json`, never the held-back set).
// Run as
//
//   node bench/address-memory.mjs [rounds=6]
//
// Two measurements, each printed as a table:
//
// 1. Working set. The 1,600 addresses are ordered one of each style in turn, so the first K hold
//    every style equally for K = 16, 32, …, and so about the same work per address. For K = 16 …
//    1,600 the first K are cycled; the CPU time per address is the median of the rounds. A small K
//    keeps what the parser reads in the processor's caches and its address translations in the
//    TLBs; a large one is a courier's stream.
// 2. What a parse costs after the processor lost one thing. Each address is parsed, then again at
//    once (everything warm), then again after each of:
//    - touching one 64-byte line in each 4 KB page of a 32 MB buffer: 8,192 pages, so the TLBs (the
//      processor's cache of address translations) no longer hold the parser's pages, while the
//      lines touched fall into 1/64 of the second-level cache's sets and one first-level set;
//    - touching the same number of lines packed in 512 KB (128 pages): about as many cache lines
//      evicted, spread over every set, and few translations;
//    - reading all of the 32 MB: caches and TLBs both lose the parser's data and code.
//    Times are per call (`process.hrtime`), means over every address and round.
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
const packedLines = () => {
  for (let i = 0; i < 64 << 10; i += 8) sink += buffer[i];
};
const one = (t) => {
  const t0 = process.hrtime.bigint();
  step(t);
  return Number(process.hrtime.bigint() - t0);
};
const after = { 'again at once': 0, 'after 8,192 pages touched (TLBs)': 0, 'after 8,192 lines in 512 KB (caches)': 0, 'after 32 MB read (caches and TLBs)': 0 };
const names = Object.keys(after);
for (let r = 0; r < rounds; r++) {
  for (const t of texts) {
    one(t);
    after[names[0]] += one(t);
    onePerPage();
    after[names[1]] += one(t);
    packedLines();
    after[names[2]] += one(t);
    everyLine();
    after[names[3]] += one(t);
  }
}
console.log('\n2. One parse, by what the processor lost just before it (mean µs per address)\n');
console.log('| parsed | µs | of warm |');
console.log('|---|---:|---:|');
const warm = after[names[0]];
for (const k of names) console.log(`| ${k} | ${(after[k] / (rounds * texts.length * 1000)).toFixed(2)} | ${(after[k] / warm).toFixed(2)} |`);
if (sink < 0) console.log('');
