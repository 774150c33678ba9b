/**
 * The default `--workers` for `protect`, from the machine's usable parallelism.
 * @module
 * @internal
 */
import { availableParallelism } from 'node:os';

/** Most worker threads the default ever picks (more rarely pays off against the main thread's I/O). */
export const MAX_DEFAULT_WORKERS = 8;

/**
 * Default worker threads for `protect`: none on one or two cores (the main thread protects; on two
 * cores this is 15–21 % faster than one worker thread and uses the least memory), otherwise one
 * per core but one, which is left to the main thread's reading, parsing and writing.
 * @param cores - usable parallelism (default `os.availableParallelism()`)
 * @returns the default `--workers` value
 * @example
 * ```ts
 * defaultWorkers(2) // 0
 * defaultWorkers(8) // 7
 * ```
 */
export function defaultWorkers(cores: number = availableParallelism()): number {
  if (!Number.isFinite(cores) || cores <= 2) return 0;
  return Math.min(Math.floor(cores) - 1, MAX_DEFAULT_WORKERS);
}
