/**
 * `npm run bench:readme`: writes the performance table from bench/results.json (the last full
 * `npm run bench`) into README.md between its PERF markers. Numbers come from the file, never by hand.
 */
import { readFileSync, writeFileSync } from 'node:fs';

interface Row {
  id: string;
  title: string;
  ours: { name: string; perSec: number; usPerItem: number };
  peer?: { name: string; perSec: number; usPerItem: number };
  ratio?: number;
  ratios?: number[];
  bound?: { min?: number; max?: number };
  pass: boolean;
}

const results = JSON.parse(readFileSync(new URL('./results.json', import.meta.url), 'utf8')) as { machine: string; at: string; results: Row[] };
const fmt = (n: number) => n.toLocaleString('en-US');
const bound = (b?: Row['bound']) => (b ? [b.min !== undefined ? `≥ ${b.min}` : '', b.max !== undefined ? `≤ ${b.max}` : ''].filter(Boolean).join(', ') : '—');

const lines = [
  `Measured ${results.at.slice(0, 10)} on ${results.machine} (a shared, noisy 2-core VM: compare the ratios, not the absolute rates). Peers run interleaved in the same process and run, and in-process rates are per second of process CPU time, so time spent descheduled by other jobs counts for neither side; each ratio is the median of 9 per-round paired ratios, and the next column gives the lowest and highest of those 9 (the CLI rows: 3 alternating runs, no spread). Rerun with \`npm run bench\` (full, writes \`bench/results.json\`) or \`npm run bench:ci\` (same rounds, fails when a gated ratio crosses its bound).`,
  '',
  '| comparison | ours | peer | ratio (median) | paired ratios [min–max] | CI bound |',
  '|---|---:|---:|---:|---|---|',
  ...results.results.map(
    (r) =>
      `| ${r.title} | ${r.ours.name}: ${fmt(r.ours.perSec)}/s | ${r.peer ? `${r.peer.name}: ${fmt(r.peer.perSec)}/s` : ''} | ${r.ratio !== undefined ? r.ratio.toFixed(2) : ''} | ${r.ratios?.length ? `${r.ratios[0]!.toFixed(2)}–${r.ratios[r.ratios.length - 1]!.toFixed(2)}` : ''} | ${bound(r.bound)} |`,
  ),
];

const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
const start = '<!-- PERF:START -->';
const end = '<!-- PERF:END -->';
const i = readme.indexOf(start);
const j = readme.indexOf(end);
if (i < 0 || j < i) throw new Error('README.md has no PERF markers');
writeFileSync(new URL('../README.md', import.meta.url), `${readme.slice(0, i + start.length)}\n${lines.join('\n')}\n${readme.slice(j)}`);
console.log('README.md performance table updated from bench/results.json');
