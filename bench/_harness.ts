/**
 * A small interleaved benchmark harness. Candidates run in alternating order for several rounds,
 * each round for a fixed time slice; the per-candidate median of rounds is reported. Rates are per
 * second of process CPU time (see `runFor`). Interleaving
 * in one process and one run is what makes ratios meaningful on a shared, noisy machine, where
 * absolute times are not.
 */

export interface Candidate {
  name: string;
  /** One operation. May be async. */
  fn: () => unknown;
  /** Items processed per operation (rows, fields); ops/s is multiplied by it. Default 1. */
  items?: number;
}

export interface Measured {
  name: string;
  /** Median items per second over rounds. */
  perSec: number;
  /** Median microseconds per item. */
  usPerItem: number;
  rounds: number[];
}

export interface HarnessOptions {
  rounds?: number;
  sliceMs?: number;
  warmupMs?: number;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

/** CPU time this process has used, in milliseconds (all threads: GC work counts against the candidate that caused it). */
function cpuMs(): number {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
}

/**
 * Run `c` for about `ms` of wall-clock time; returns items per second of CPU time. On a shared
 * machine the process is often descheduled mid-slice; CPU time does not count that wait, wall time
 * does, so rates from CPU time are far steadier there and equal to wall-clock rates on an idle one.
 */
async function runFor(c: Candidate, ms: number): Promise<number> {
  const t0 = performance.now();
  const cpu0 = cpuMs();
  let ops = 0;
  // Check the clock every few ops so short operations are not dominated by timer calls.
  const probe = c.fn();
  const isAsync = probe instanceof Promise;
  if (isAsync) await probe;
  ops++;
  while (performance.now() - t0 < ms) {
    for (let i = 0; i < 8; i++) {
      if (isAsync) await c.fn();
      else c.fn();
      ops++;
    }
  }
  return ((ops * (c.items ?? 1)) / Math.max(cpuMs() - cpu0, 1e-3)) * 1000;
}

/** Measure candidates interleaved; returns one result per candidate. */
export async function measure(candidates: Candidate[], opts: HarnessOptions = {}): Promise<Measured[]> {
  const rounds = opts.rounds ?? 7;
  const slice = opts.sliceMs ?? 300;
  for (const c of candidates) await runFor(c, opts.warmupMs ?? 300);
  const per = new Map<string, number[]>(candidates.map((c) => [c.name, []]));
  for (let r = 0; r < rounds; r++) {
    const order = r % 2 === 0 ? candidates : [...candidates].reverse();
    for (const c of order) per.get(c.name)!.push(await runFor(c, slice));
  }
  return candidates.map((c) => {
    const xs = per.get(c.name)!;
    const perSec = median(xs);
    return { name: c.name, perSec, usPerItem: 1e6 / perSec, rounds: xs };
  });
}

/** Format a number with thousands separators. */
export function fmt(n: number, digits = 0): string {
  return n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });
}

/**
 * Throughput ratio a/b as the median of per-round ratios. Both were measured in the same rounds,
 * back to back, so a round where the shared machine was busy slows both and cancels out; this is
 * steadier than the ratio of the two medians.
 */
export function pairedRatio(a: Measured, b: Measured): number {
  return median(pairedRatios(a, b));
}

/** Every per-round ratio a/b, sorted: the spread behind {@link pairedRatio}'s median. */
export function pairedRatios(a: Measured, b: Measured): number[] {
  const n = Math.min(a.rounds.length, b.rounds.length);
  const rs: number[] = [];
  for (let i = 0; i < n; i++) rs.push(a.rounds[i]! / b.rounds[i]!);
  return rs.sort((x, y) => x - y);
}

/** A row's ratio fields: the median of the paired per-round ratios a/b, and all of them. */
export function paired(a: Measured, b: Measured): { ratio: number; ratios: number[] } {
  const ratios = pairedRatios(a, b);
  return { ratio: median(ratios), ratios };
}
