// Diagnostic, not a gated benchmark: how fast does the address step run in a fresh process, and
// does V8's garbage collector settle into a costly mode? Each of N child processes loads the built
// package (`npm run build` first), runs parse + mask + routing over a corpus of the development set
// for a few seconds, and reports its time per address and the number of full (mark-compact)
// collections it ran. Run as
//
//   node bench/address-gc-modes.mjs [runs=6] [style prefix, e.g. tidy; default every style]
//
// It runs each child three ways, interleaved: as is; with two addresses parsed before the stream
// (one misspelt, so every index the parser builds lazily is built first); and with V8's
// allocation-site pretenuring off (`--no-allocation-site-pretenuring`). See docs/address.md,
// "Speed", eleventh pass, for what it showed.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const self = fileURLToPath(import.meta.url);

if (process.argv[2] === '--child') {
  const { readFileSync } = await import('node:fs');
  const { parseAddress, maskAddress, addressRouting } = await import(new URL('../dist/index.node.js', import.meta.url).href);
  const style = process.argv[3] ?? '';
  const cases = JSON.parse(readFileSync(new URL('../test/fixtures/address-generated.json', import.meta.url), 'utf8')).cases;
  const texts = cases.filter((c) => c.style.startsWith(style)).map((c) => c.input);
  if (process.env.WARM === '1') {
    parseAddress('Phường Bến Nghé, Quận 1, TP HCM');
    parseAddress('Xã Tân Phúu, Huyện Đồng Phú, Bình Phước');
  }
  let majors = 0;
  const { PerformanceObserver, constants } = await import('node:perf_hooks');
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) if (e.detail?.kind === constants.NODE_PERFORMANCE_GC_MAJOR) majors++;
  }).observe({ entryTypes: ['gc'] });
  const keep = { ward: true, district: true, province: true };
  let n = 0;
  const t0 = performance.now();
  let t1 = t0;
  while ((t1 = performance.now()) - t0 < 3000) {
    for (const t of texts) {
      const p = parseAddress(t);
      maskAddress(p, { keep, convertTo2025: false });
      addressRouting(p);
      n++;
    }
  }
  // Let the observer report the last collections.
  await new Promise((r) => setTimeout(r, 20));
  console.log(JSON.stringify({ us: ((t1 - t0) * 1000) / n, majors }));
} else {
  const runs = Number(process.argv[2] ?? 6);
  const style = process.argv[3] ?? '';
  const ways = [
    { name: 'as is', args: [], env: {} },
    { name: 'two addresses first', args: [], env: { WARM: '1' } },
    { name: 'no pretenuring', args: ['--no-allocation-site-pretenuring'], env: {} },
  ];
  const results = ways.map(() => []);
  for (let r = 0; r < runs; r++) {
    ways.forEach((w, i) => {
      const out = spawnSync(process.execPath, [...w.args, self, '--child', style], { env: { ...process.env, ...w.env }, encoding: 'utf8' });
      if (out.status !== 0) throw new Error(`child failed: ${out.stderr}`);
      results[i].push(JSON.parse(out.stdout.trim().split('\n').pop()));
    });
  }
  console.log(`address step in fresh processes, ${style === '' ? 'every style' : `styles ${style}*`}, ${runs} runs each (µs per address / full collections in 3 s)`);
  ways.forEach((w, i) => console.log(`${w.name.padEnd(22)} ${results[i].map((x) => `${x.us.toFixed(2)}/${x.majors}`).join('  ')}`));
}
