/**
 * An ordered pool of `protect` workers: batches go to worker threads round-robin, and results
 * come back in submission order. The caller bounds how many batches are in flight, which bounds
 * memory and carries backpressure from the output back to the input.
 *
 * A worker that dies (its heap cap reached, a crash) leaves the pool; the batches it held fail
 * with {@link WORKER_LOST}, and the caller protects them on the main thread instead, so no row
 * is lost. When no worker is left, every batch fails that way.
 * @module
 * @internal
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { CliError } from './_errors.js';
import { reapplyCliHeapFlags } from './_heap.js';
import type { BatchResult } from './_batch.js';
import type { InputItem } from './_records.js';
import type { ProtectWorkerData } from './worker.js';

/**
 * Where the worker script is: `cli-worker.js` next to the built CLI, or `worker.ts` next to this
 * file when running from source under a TypeScript loader.
 * @returns the worker's URL
 * @throws CliError when neither can be found
 */
export function workerUrl(): URL {
  const base = typeof import.meta.url === 'string' ? import.meta.url : undefined;
  if (base !== undefined) {
    for (const name of ['./cli-worker.js', './worker.ts']) {
      const url = new URL(name, base);
      if (url.protocol === 'file:' && existsSync(fileURLToPath(url))) return url;
    }
  }
  throw new CliError('IO_ERROR', 'the worker script was not found next to the CLI', { hint: 'run the ESM build (dist/cli.js), or use --workers 1' });
}

/**
 * Heap limits per worker. V8 otherwise lets a busy isolate's heap grow far past what it keeps
 * alive (a protect worker holds the gazetteer, about 30 MB, plus one batch); a small young
 * generation makes it collect often and keeps the CLI's resident memory flat. The old-generation
 * cap is a safety net far above the working set.
 */
export const WORKER_LIMITS = Object.freeze({ maxYoungGenerationSizeMb: 4, maxOldGenerationSizeMb: 96 });

/**
 * The old-generation cap per worker: {@link WORKER_LIMITS}, or `WAYBILL_SHIELD_WORKER_HEAP_MB`
 * (16–4096) for hosts that need another.
 * @param env - the environment
 * @returns resource limits for each worker
 */
export function workerLimits(env: Readonly<Record<string, string | undefined>>): { maxYoungGenerationSizeMb: number; maxOldGenerationSizeMb: number } {
  const v = env.WAYBILL_SHIELD_WORKER_HEAP_MB;
  const n = v !== undefined && /^\d{1,4}$/.test(v) ? Number(v) : NaN;
  return { ...WORKER_LIMITS, maxOldGenerationSizeMb: n >= 16 && n <= 4096 ? n : WORKER_LIMITS.maxOldGenerationSizeMb };
}

/** The rejection of a batch whose worker died; the caller redoes the batch on the main thread. */
export const WORKER_LOST: unique symbol = Symbol('worker lost');

/** Worker threads that protect batches. */
export class ProtectPool {
  readonly #live: Worker[];
  readonly #pending = new Map<number, { worker: Worker; resolve: (r: BatchResult) => void; reject: (e: unknown) => void }>();
  #seq = 0;
  #closed = false;
  /** Workers that died so far. */
  lost = 0;

  /**
   * @param size - number of worker threads
   * @param data - keyring JSON and policy for every worker
   * @param limits - heap limits per worker (default {@link WORKER_LIMITS})
   */
  constructor(size: number, data: ProtectWorkerData, limits: ReturnType<typeof workerLimits> = WORKER_LIMITS) {
    const url = workerUrl();
    this.#live = Array.from({ length: size }, () => {
      const w = new Worker(url, { workerData: data, resourceLimits: limits });
      // Starting an isolate resets a V8 flag the CLI sets on itself (see _heap.ts).
      w.once('online', reapplyCliHeapFlags);
      w.on('message', (msg: { seq: number; result: BatchResult }) => {
        const p = this.#pending.get(msg.seq);
        this.#pending.delete(msg.seq);
        p?.resolve(msg.result);
      });
      // A worker that dies takes no row with it: its batches fail with WORKER_LOST and are redone
      // by the caller. Its error may quote data, so it is dropped.
      let gone = false;
      const die = () => {
        if (gone) return;
        gone = true;
        const i = this.#live.indexOf(w);
        if (i >= 0) this.#live.splice(i, 1);
        if (!this.#closed) this.lost++;
        for (const [seq, p] of this.#pending) {
          if (p.worker !== w) continue;
          this.#pending.delete(seq);
          p.reject(WORKER_LOST);
        }
      };
      w.on('error', die);
      w.on('exit', die);
      return w;
    });
  }

  /**
   * Protect a batch on the next live worker.
   * @param items - the batch
   * @returns its result; rejects with {@link WORKER_LOST} when its worker dies or none is left
   */
  run(items: InputItem[]): Promise<BatchResult> {
    if (this.#closed || this.#live.length === 0) return Promise.reject(WORKER_LOST);
    const seq = this.#seq++;
    const worker = this.#live[seq % this.#live.length]!;
    return new Promise<BatchResult>((resolve, reject) => {
      this.#pending.set(seq, { worker, resolve, reject });
      try {
        worker.postMessage({ seq, items });
      } catch {
        // A value that cannot be cloned for the worker: the caller protects it here instead.
        this.#pending.delete(seq);
        reject(WORKER_LOST);
      }
    });
  }

  /** Stop every worker. */
  async close(): Promise<void> {
    this.#closed = true;
    await Promise.all([...this.#live].map((w) => w.terminate()));
  }
}
