/**
 * Labels and the CLI: renderLabel (ZPL) against protect() on the same records, and the built
 * `waybill-shield protect` binary's rows/s on an NDJSON file against in-process protect() on the
 * same rows, with 1 and 2 worker threads. Needs `npm run build` (dist/cli.js).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { protect } from '../../src/protect.js';
import { Keyring } from '../../src/keys/keyring.js';
import { renderLabel } from '../../src/label/index.js';
import { measure, paired, type HarnessOptions, type Measured } from '../_harness.js';
import { generateWaybills, SAMPLE_ROWS } from '../samples.js';
import type { SuiteResult } from '../types.js';

const CLI = fileURLToPath(new URL('../../dist/cli.js', import.meta.url));

function cliRowsPerSec(file: string, keys: string, rows: number, workers: number): number {
  const t0 = performance.now();
  const r = spawnSync(process.execPath, [CLI, 'protect', file, '--keys', keys, '-o', '/dev/null', '--quiet', '--workers', String(workers)], { stdio: ['ignore', 'ignore', 'pipe'] });
  const ms = performance.now() - t0;
  if (r.status !== 0) throw new Error(`cli exited ${r.status}: ${r.stderr.toString().slice(0, 200)}`);
  return (rows / ms) * 1000;
}

function asMeasured(name: string, xs: number[]): Measured {
  const s = [...xs].sort((a, b) => a - b);
  const perSec = s[s.length >> 1]!;
  return { name, perSec, usPerItem: 1e6 / perSec, rounds: xs };
}

export async function cliSuite(opts: HarnessOptions): Promise<SuiteResult[]> {
  const keyring = Keyring.generate();
  const records = SAMPLE_ROWS.map((r) => protect(r, { keyring }));
  let i = 0;
  let j = 0;
  const [label, prot] = await measure(
    [
      { name: 'renderLabel zpl', fn: () => renderLabel(records[i++ % records.length]!, { format: 'zpl' }) },
      { name: 'protect()', fn: () => protect(SAMPLE_ROWS[j++ % SAMPLE_ROWS.length], { keyring }) },
    ],
    opts,
  );
  const out: SuiteResult[] = [{ id: 'label-zpl-vs-protect', title: 'renderLabel (ZPL) throughput / protect() throughput (context)', ours: label!, peer: prot!, ...paired(label!, prot!) }];
  if (!existsSync(CLI)) throw new Error('dist/cli.js is missing: run `npm run build` first');

  // The CLI on a file, against in-process protect() on the same rows, alternating runs.
  const rows = (opts.sliceMs ?? 300) >= 400 ? 40_000 : 10_000;
  const dir = mkdtempSync(join(tmpdir(), 'ws-bench-'));
  try {
    const file = join(dir, 'rows.ndjson');
    const data = generateWaybills(rows, 7);
    writeFileSync(file, data.map((r) => JSON.stringify(r)).join('\n') + '\n');
    const keys = join(dir, 'keys.json');
    writeFileSync(keys, JSON.stringify(keyring.export()), { mode: 0o600 });
    const w1: number[] = [];
    const w2: number[] = [];
    const inproc: number[] = [];
    for (let r = 0; r < 3; r++) {
      w1.push(cliRowsPerSec(file, keys, rows, 1));
      const t0 = performance.now();
      for (const row of data) protect(row, { keyring });
      inproc.push((rows / (performance.now() - t0)) * 1000);
      w2.push(cliRowsPerSec(file, keys, rows, 2));
    }
    const one = asMeasured('CLI protect --workers 1', w1);
    const two = asMeasured('CLI protect --workers 2', w2);
    const base = asMeasured('in-process protect()', inproc);
    out.push(
      { id: 'cli-vs-inprocess', title: `CLI protect (${rows.toLocaleString('en-US')} NDJSON rows, 1 worker) / in-process protect() throughput`, ours: one, peer: base, ratio: one.perSec / base.perSec },
      { id: 'cli-workers-2-vs-1', title: 'CLI protect --workers 2 / --workers 1 throughput (2-core machine)', ours: two, peer: one, ratio: two.perSec / one.perSec },
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return out;
}
