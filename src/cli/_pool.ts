/**
 * An ordered pool of `protect` workers: batches go to worker threads round-robin, and results
 * come back in submission order. The caller bounds how many batches are in flight, which bounds
 * memory and carries backpressure from the output back to the input.
 * @module
 * @internal
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { CliError } from './_errors.js';
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

/** Worker threads that protect batches. */
export class ProtectPool {
  readonly #workers: Worker[];
  readonly #pending = new Map<number, { resolve: (r: BatchResult) => void; reject: (e: unknown) => void }>();
  #seq = 0;
  #failed: unknown;

  /**
   * @param size - number of worker threads
   * @param data - keyring JSON and policy for every worker
   */
  constructor(size: number, data: ProtectWorkerData) {
    const url = workerUrl();
    this.#workers = Array.from({ length: size }, () => {
      const w = new Worker(url, { workerData: data, resourceLimits: WORKER_LIMITS });
      w.on('message', (msg: { seq: number; result: BatchResult }) => {
        const p = this.#pending.get(msg.seq);
        this.#pending.delete(msg.seq);
        p?.resolve(msg.result);
      });
      // A worker that dies fails every batch still waiting; its error may quote data, so it is dropped.
      const fail = () => {
        this.#failed ??= new CliError('IO_ERROR', 'a worker thread stopped unexpectedly', { hint: 'run again with --workers 1' });
        for (const p of this.#pending.values()) p.reject(this.#failed);
        this.#pending.clear();
      };
      w.on('error', fail);
      w.on('exit', (code) => {
        if (code !== 0 || this.#pending.size > 0) fail();
      });
      return w;
    });
  }

  /**
   * Protect a batch on the next worker.
   * @param items - the batch
   * @returns its result
   */
  run(items: InputItem[]): Promise<BatchResult> {
    if (this.#failed !== undefined) return Promise.reject(this.#failed);
    const seq = this.#seq++;
    const worker = this.#workers[seq % this.#workers.length]!;
    return new Promise<BatchResult>((resolve, reject) => {
      this.#pending.set(seq, { resolve, reject });
      worker.postMessage({ seq, items });
    });
  }

  /** Stop every worker. */
  async close(): Promise<void> {
    this.#failed ??= new CliError('IO_ERROR', 'the worker pool was closed');
    await Promise.all(this.#workers.map((w) => w.terminate()));
  }
}
