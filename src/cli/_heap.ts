/**
 * The CLI process's own V8 heap: keep the main thread's young generation near its starting size,
 * and the old generation close to its live data.
 *
 * V8 doubles a busy isolate's semi-spaces after scavenges that keep much alive, up to 2 × 16 MB on
 * 64-bit Node, and does not shrink them back while the isolate stays busy. `protect` streams
 * rows through the main thread (read, parse, post to workers, write), so on a long run its young
 * generation reached that maximum although only about 7 MB of its heap was live: 25–30 MB of
 * peak resident memory for nothing. The maximum is fixed when the isolate starts
 * (`--max-semi-space-size` set at run time does not apply to it), but the growth factor is read at
 * each growth step, so setting it to 1 keeps the young generation within a few MB of its initial
 * size (4 MB measured on the main thread of a 100,000-row run, against 32 MB without). Worker
 * threads are unaffected in effect: their young generation is capped already (`WORKER_LIMITS`).
 * Likewise the old generation: V8 sets its next limit at up to 4× what the last full collection
 * kept (V8 picks the factor, up to 4, from how fast it collects; with the main thread holding
 * about 7 MB that was 20 MB of slack), unless `--heap-growing-percent` says otherwise, which is
 * also read at each collection. This one applies to the workers' old generations as well (each
 * keeps about 25 MB alive), which is where part of the saving comes from.
 *
 * V8 raises a growth factor below 2 back to 2 whenever it sets up a new isolate's heap, so the
 * flags are set again once each worker thread is running ({@link reapplyCliHeapFlags}).
 *
 * Applied only when the CLI runs as its own process (`node dist/cli.js`, the `waybill-shield`
 * binary), never when `runCli` is imported into someone else's process, since V8 flags are
 * process-wide.
 * @module
 * @internal
 */
import { setFlagsFromString } from 'node:v8';

/** The V8 flag that stops the young generation from growing (default growth factor: 2). */
export const NO_YOUNG_GROWTH_FLAG = '--semi-space-growth-factor=1';

/**
 * The V8 flag that lets the old generation's limit grow only 10 % past what a full collection
 * left alive (V8 otherwise picks a factor of up to 4 by itself). Also read at each collection.
 */
export const OLD_GROWTH_FLAG = '--heap-growing-percent=10';

/**
 * V8 flags the CLI sets on itself. On 100,000 CSV rows with `--workers 2`: the young-generation
 * flag alone took the peak from 201–202 to 185–189 MB, both together to 170–177 MB, at the same
 * throughput within the VM's noise. `--optimize-for-size` (also settable at run time) gave
 * 157–182 MB, too variable and up to 10 % slower, so it is not used.
 */
export const CLI_HEAP_FLAGS: readonly string[] = Object.freeze([NO_YOUNG_GROWTH_FLAG, OLD_GROWTH_FLAG]);

/**
 * Set {@link CLI_HEAP_FLAGS} on the current process: the young generation stops growing (past a
 * few MB), the old generation grows only 10 % past its live data.
 *
 * Best effort: a runtime that ignores these flags keeps its defaults, which costs memory, never
 * correctness (V8 reports an unknown flag on stderr rather than throwing; the test suite checks
 * that this Node honours the young-generation flag).
 * @returns false when setting a flag threw (a runtime without `v8.setFlagsFromString`)
 * @throws never
 * @example
 * ```ts
 * if (isMainModule()) applyCliHeapFlags();
 * ```
 */
export function applyCliHeapFlags(): boolean {
  applied = true;
  try {
    for (const flag of CLI_HEAP_FLAGS) setFlagsFromString(flag);
    return true;
  } catch {
    return false;
  }
}

let applied = false;

/**
 * Set {@link CLI_HEAP_FLAGS} again if {@link applyCliHeapFlags} set them in this process, and do
 * nothing otherwise (`runCli` imported by another program). Call it once each new worker thread
 * is running: V8 raises a growth factor below 2 back to 2 whenever it configures a new isolate's
 * heap, so without this the main thread's young generation grew to 32 MB again as soon as the
 * `protect` workers started.
 * @returns true when the flags were set again
 * @throws never
 * @example
 * ```ts
 * worker.once('online', reapplyCliHeapFlags);
 * ```
 */
export function reapplyCliHeapFlags(): boolean {
  return applied && applyCliHeapFlags();
}
