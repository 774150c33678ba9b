/**
 * Progress bar for long runs (cli-progress), on stderr and only when stderr is a terminal:
 * rows done, rate in rows per second, and an ETA when the input size is known. Scripts that
 * redirect stderr get nothing.
 * @module
 * @internal
 */
import { SingleBar } from 'cli-progress';
import type { CliIO } from './_io.js';

/** A progress display, or a silent one. */
export interface Progress {
  /** Report rows done and, for a file, bytes read. */
  update(rows: number, bytes: number | undefined): void;
  stop(): void;
}

const SILENT: Progress = { update() {}, stop() {} };

/**
 * Start a progress display.
 * @param io - process streams
 * @param label - the command name
 * @param totalBytes - input size, when known
 * @param quiet - `--quiet`
 * @returns the display (silent when stderr is not a terminal or `quiet` is set)
 */
export function startProgress(io: CliIO, label: string, totalBytes: number | undefined, quiet: boolean): Progress {
  if (quiet || !io.stderrIsTTY) return SILENT;
  const known = totalBytes !== undefined && totalBytes > 0;
  const bar = new SingleBar({
    stream: io.stderr as NodeJS.WriteStream,
    format: known
      ? `${label} [{bar}] {percentage}% | {rows} rows | {rate} rows/s | ETA {eta_formatted}`
      : `${label} | {rows} rows | {rate} rows/s`,
    barCompleteChar: '#',
    barIncompleteChar: '.',
    hideCursor: true,
    clearOnComplete: false,
    fps: 4,
    etaBuffer: 40,
    etaAsynchronousUpdate: true,
  });
  const started = Date.now();
  bar.start(known ? totalBytes : 1, 0, { rows: 0, rate: 0 });
  return {
    update(rows, bytes) {
      const secs = Math.max(0.001, (Date.now() - started) / 1000);
      const payload = { rows: rows.toLocaleString('en-US'), rate: Math.round(rows / secs).toLocaleString('en-US') };
      bar.update(known && bytes !== undefined ? Math.min(bytes, totalBytes) : 0, payload);
    },
    stop() {
      bar.stop();
    },
  };
}
