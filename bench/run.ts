/**
 * `npm run bench`: every benchmark suite, peers side by side in one process and one run.
 * Prints a table of ratios and writes bench/results.json.
 *
 * `npm run bench:ci` (`--ci`): the same rounds, and exits non-zero when a gated ratio crosses its
 * documented bound. It never gates on absolute times.
 *
 * Both scripts run Node with `--single-threaded-gc`: V8 then does its garbage collection on the
 * thread that allocates instead of on helper threads. On the 2-vCPU build VMs the helper threads
 * (concurrent sweeping above all) ran beside the measured code and slowed it by up to 2–3×, unevenly:
 * a noble seal, which allocates many small arrays, far more than the address parser, so ratios
 * against it read too low (the address step 0.38 of a noble seal with the helpers, 0.77 without, in
 * one pair of runs on 2026-12-01). `npx tsx bench/run.ts` still runs with V8's defaults, for
 * comparison; the results record which mode measured them.
 *
 * On Linux the suites measured in this process run pinned to one CPU (`taskset`, every thread of
 * the process): the scheduler moving the process between CPUs, and the loader's and libuv's
 * threads beside it, cost the address parser, which waits on memory, up to three times its time in
 * some processes and not others (the mixed corpus read 0.58–1.98 of a noble seal unpinned in eight
 * runs on 2026-12-01, 0.63–0.74 pinned to either CPU in six). The CLI and Redis suites, which run
 * several processes, run unpinned.
 */
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import os from 'node:os';
import '../src/index.node.js'; // as the package's Node entry does: the bundled gazetteer and native seals
import { fmt } from './_harness.js';
import { SUITES } from './suites/index.js';
import { redisSuite } from './suites/redis.js';
import type { SuiteResult } from './types.js';

const ci = process.argv.includes('--ci');
const only = process.argv.find((a) => a.startsWith('--only='))?.slice(7);
// CI measures the gated ratios exactly as the full run does (the README's figures): shorter slices made
// the medians noisier without making them cheaper to trust.
const opts = { rounds: 9, sliceMs: 400, warmupMs: 500 };

function boundText(b: SuiteResult['bound']): string {
  if (!b) return '';
  return [b.min !== undefined ? `≥ ${b.min}` : '', b.max !== undefined ? `≤ ${b.max}` : ''].filter(Boolean).join(', ');
}

function spreadText(r: SuiteResult): string {
  return r.ratios && r.ratios.length > 0 ? `${r.ratios[0]!.toFixed(2)}–${r.ratios[r.ratios.length - 1]!.toFixed(2)} (n=${r.ratios.length})` : '';
}

function passes(r: SuiteResult): boolean {
  if (!r.bound || r.ratio === undefined) return true;
  return (r.bound.min === undefined || r.ratio >= r.bound.min) && (r.bound.max === undefined || r.ratio <= r.bound.max);
}

const singleThreadedGc = process.execArgv.includes('--single-threaded-gc');
if (!singleThreadedGc) {
  process.stderr.write(
    "bench: running with V8's concurrent GC threads, which on a 2-vCPU machine slow the measured code unevenly; `npm run bench` runs with --single-threaded-gc\n",
  );
}

/** Set this process's CPU affinity (all its threads); false where `taskset` is missing or refuses. */
function affinity(cpus: string): boolean {
  if (process.platform !== 'linux') return false;
  try {
    execFileSync('taskset', ['-a', '-p', '-c', cpus, String(process.pid)], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}
const ncpu = os.cpus().length;
const pinTo = String(ncpu - 1);
const ALL_CPUS = `0-${ncpu - 1}`;
/** The suites that start other processes, which must not inherit the pin. */
const MULTI_PROCESS = new Set(['cli']);
let pinned = false;

const results: SuiteResult[] = [];
for (const [name, suite] of Object.entries(SUITES)) {
  if (only && name !== only) continue;
  if (MULTI_PROCESS.has(name)) affinity(ALL_CPUS);
  else pinned = affinity(pinTo) || pinned;
  process.stderr.write(`bench: ${name}…\n`);
  results.push(...(await suite(opts)));
}
// The Redis ledger suite starts its own servers and a cluster; it skips (saying so) without them.
if (!only || only === 'redis') {
  affinity(ALL_CPUS);
  process.stderr.write('bench: redis…\n');
  results.push(...(await redisSuite(opts)));
}

const gc = singleThreadedGc ? 'V8 --single-threaded-gc' : "V8's default concurrent GC threads";
const pin = pinned ? `, in-process suites pinned to CPU ${pinTo}` : '';
const machine = `${os.cpus()[0]?.model ?? 'unknown CPU'} × ${ncpu}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}, ${os.platform()} ${os.arch()}, ${gc}${pin}`;
console.log(`\nwaybill-shield benchmarks (${ci ? 'ci' : 'full'}) on ${machine}\n`);
console.log('| comparison | ours (items/s) | peer (items/s) | ratio (median) | paired ratios [min–max] | bound | |');
console.log('|---|---:|---:|---:|---|---|---|');
for (const r of results) {
  const ok = passes(r);
  console.log(
    `| ${r.title} | ${fmt(r.ours.perSec)} | ${r.peer ? fmt(r.peer.perSec) : ''} | ${r.ratio !== undefined ? r.ratio.toFixed(2) : ''} | ${spreadText(r)} | ${boundText(r.bound)} | ${r.bound ? (ok ? 'ok' : 'FAIL') : ''} |`,
  );
}

const out = {
  machine,
  mode: ci ? 'ci' : 'full',
  at: new Date().toISOString(),
  results: results.map((r) => ({
    id: r.id,
    title: r.title,
    ours: { name: r.ours.name, perSec: Math.round(r.ours.perSec), usPerItem: +r.ours.usPerItem.toFixed(2) },
    peer: r.peer ? { name: r.peer.name, perSec: Math.round(r.peer.perSec), usPerItem: +r.peer.usPerItem.toFixed(2) } : undefined,
    ratio: r.ratio !== undefined ? +r.ratio.toFixed(3) : undefined,
    ratios: r.ratios?.map((x) => +x.toFixed(3)),
    bound: r.bound,
    pass: passes(r),
  })),
};
writeFileSync(new URL(ci ? './results.ci.json' : './results.json', import.meta.url), JSON.stringify(out, null, 2) + '\n');

const failed = results.filter((r) => !passes(r));
if (ci && failed.length > 0) {
  console.error(`\nbench:ci: ${failed.length} ratio(s) crossed their bound: ${failed.map((f) => f.id).join(', ')}`);
  process.exit(1);
}
