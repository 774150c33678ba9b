// Diagnostic, not a gated benchmark: what V8's garbage-collector helper threads do to the timings
// on this machine. Each child process loads the built package (`npm run build` first) and times,
// for about 2 s each, (a) a noble XChaCha20-Poly1305 seal of an address with a fresh nonce from
// `randomBytes`, the primitive `sealField` runs on every platform without native seals (`sealField`
// itself batches its nonces and reuses buffers, and is faster), and (b) parse + mask + routing
// of the 1,600 addresses of the generated development set, cycled (as `bench/suites/address.ts`
// does). It reports wall-clock and process CPU time per item (CPU time counts every thread).
// Run as
//
//   node bench/gc-helpers.mjs [runs=3]
//
// Children run, interleaved, with V8's defaults, with `--single-threaded-gc` (what `npm run bench`
// uses) and with `--no-concurrent-sweeping` alone. On the 2-vCPU build VMs the defaults let the
// concurrent sweeper run beside the measured code; the seal, which allocates many small arrays,
// slowed by 2–3× and the parser far less, so ratios against the seal read too low. See
// docs/address.md, "Speed", fourteenth pass.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const self = fileURLToPath(import.meta.url);

function timed(fn, ms) {
  const t0 = performance.now();
  const c0 = process.cpuUsage();
  let n = 0;
  while (performance.now() - t0 < ms) {
    for (let i = 0; i < 64; i++) fn();
    n += 64;
  }
  const wall = performance.now() - t0;
  const c = process.cpuUsage(c0);
  return { wallUs: (wall * 1000) / n, cpuUs: (c.user + c.system) / n };
}

if (process.argv[2] === '--child') {
  const { xchacha20poly1305 } = await import('@noble/ciphers/chacha.js');
  const { randomBytes } = await import('@noble/ciphers/utils.js');
  const { parseAddress, maskAddress, addressRouting } = await import(new URL('../dist/index.node.js', import.meta.url).href);
  const cases = JSON.parse(readFileSync(new URL('../test/fixtures/address-generated.json', import.meta.url), 'utf8')).cases;
  const texts = cases.map((c) => c.input);
  const bytes = texts.map((t) => new TextEncoder().encode(t));
  const key = randomBytes(32);
  const keep = { ward: true, district: true, province: true };
  let i = 0;
  let j = 0;
  const seal = () => xchacha20poly1305(key, randomBytes(24)).encrypt(bytes[i++ % bytes.length]);
  const step = () => {
    const p = parseAddress(texts[j++ % texts.length]);
    maskAddress(p, { keep, convertTo2025: false });
    addressRouting(p);
  };
  // Warm both (the parser compiles for about 1–2 s on distinct addresses), then time both twice,
  // alternating, and keep each one's faster pass.
  timed(seal, 500);
  timed(step, 2500);
  const s = [timed(seal, 1000), timed(step, 1000), timed(seal, 1000), timed(step, 1000)];
  const best = (a, b) => (a.wallUs <= b.wallUs ? a : b);
  console.log(JSON.stringify({ seal: best(s[0], s[2]), step: best(s[1], s[3]) }));
} else {
  const runs = Number(process.argv[2] ?? 3);
  const ways = [
    { name: "V8's defaults", args: [] },
    { name: '--single-threaded-gc', args: ['--single-threaded-gc'] },
    { name: '--no-concurrent-sweeping', args: ['--no-concurrent-sweeping'] },
  ];
  const results = ways.map(() => []);
  for (let r = 0; r < runs; r++) {
    ways.forEach((w, k) => {
      const out = spawnSync(process.execPath, [...w.args, self, '--child'], { encoding: 'utf8' });
      if (out.status !== 0) throw new Error(`child failed: ${out.stderr}`);
      results[k].push(JSON.parse(out.stdout.trim().split('\n').pop()));
    });
  }
  const f = (x) => x.toFixed(1);
  console.log(`${runs} fresh processes per way, interleaved; µs per item, wall / CPU (all threads)`);
  console.log('| way | noble seal of an address | parse + mask + routing (mixed corpus) | step / seal (wall) |');
  console.log('|---|---|---|---|');
  ways.forEach((w, k) => {
    const rs = results[k];
    console.log(
      `| ${w.name} | ${rs.map((x) => `${f(x.seal.wallUs)} / ${f(x.seal.cpuUs)}`).join(', ')} | ${rs.map((x) => `${f(x.step.wallUs)} / ${f(x.step.cpuUs)}`).join(', ')} | ${rs.map((x) => (x.step.wallUs / x.seal.wallUs).toFixed(2)).join(', ')} |`,
    );
  });
}
