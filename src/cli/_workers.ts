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
 * that is 1: `--workers 0` is 15–21 % faster there but protects on the main thread, whose heap is
 * not capped, where a batch that exhausts the heap ends the run; a worker that dies instead has
 * its batch redone on the main thread. Peak RSS on
 * 100,000 CSV rows with the CLI's heap flags (`_heap.ts`): 97 MB with `--workers 0`, 116 MB with
 * 1, 155 MB with 2. See docs/cli.md.
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
