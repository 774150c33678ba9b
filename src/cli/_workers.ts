/**
 * The default `--workers` for `protect`, from the machine's usable parallelism.
 * @module
 * @internal
 */
import { availableParallelism } from 'node:os';

/** Most worker threads the default ever picks (more rarely pays off against the main thread's I/O). */
export const MAX_DEFAULT_WORKERS = 8;

/**
 * Default worker threads for `protect`: one per core but one (left to the main thread's reading,
 * parsing and writing), at least 1 and at most {@link MAX_DEFAULT_WORKERS}. On one or two cores
 * that is 1: `--workers 0` is 15–21 % faster there but its main-thread heap is uncapped (202 MB
 * peak on 100,000 rows), and `--workers 2` is fastest on an idle machine but peaks at 220–234 MB on
 * 100,000 CSV rows, while one capped worker keeps the default run under 200 MB (166–176 MB on
 * 100,000 rows, 167–189 MB on a million). See docs/cli.md.
 * @param cores - usable parallelism (default `os.availableParallelism()`)
 * @returns the default `--workers` value
 * @example
 * ```ts
 * defaultWorkers(2) // 1
 * defaultWorkers(8) // 7
 * ```
 */
export function defaultWorkers(cores: number = availableParallelism()): number {
  if (!Number.isFinite(cores) || cores <= 2) return 1;
  return Math.min(Math.floor(cores) - 1, MAX_DEFAULT_WORKERS);
}
