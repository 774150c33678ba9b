/**
 * Stdin spooling for commands that must see the whole input decode before writing anything
 * (`protect -`, `label -`). Stdin is copied, with backpressure and in constant memory, to a
 * private temporary file: a fresh directory `waybill-shield-stdin-XXXXXX` (mode 0700) under
 * `os.tmpdir()` (`$TMPDIR`) holding one file `input` (mode 0600, created exclusively). The run
 * then reads that file exactly like a file input, so it is checked to decode in full first.
 *
 * The directory is removed when the command ends (normally or with an error), on process exit,
 * and on SIGINT, SIGTERM and SIGHUP (after which the signal is raised again, so the process
 * still ends the way the signal asks).
 * @module
 * @internal
 */
import { createWriteStream, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import type { Readable } from 'node:stream';

/** A spooled copy of stdin. */
export interface Spool {
  /** The file holding the copy. */
  path: string;
  /** Remove the file and its directory (idempotent). */
  remove(): void;
}

const SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;

/**
 * Copy `source` to a private temporary file.
 * @param source - stdin (or the stream a test passes as stdin)
 * @returns the spool; call `remove()` when the run ends
 * @throws the error of the copy (after removing the partial file)
 * @example
 * ```ts
 * const spool = await spoolToTemp(process.stdin);
 * try { read(spool.path); } finally { spool.remove(); }
 * ```
 */
export async function spoolToTemp(source: Readable): Promise<Spool> {
  const dir = mkdtempSync(join(tmpdir(), 'waybill-shield-stdin-'));
  const path = join(dir, 'input');
  let removed = false;
  const onSignal = (signal: NodeJS.Signals) => {
    remove();
    // Our listener suppressed the default action; with it gone, raising the signal again ends
    // the process as it would have ended (unless someone else listens too).
    process.kill(process.pid, signal);
  };
  const onExit = () => remove();
  function remove(): void {
    if (removed) return;
    removed = true;
    process.off('exit', onExit);
    for (const s of SIGNALS) process.off(s, onSignal);
    try {
      rmSync(dir, { recursive: true, force: true });
    } catch {
      // Nothing more can be done; the directory is private (0700) and named for what it is.
    }
  }
  process.on('exit', onExit);
  for (const s of SIGNALS) process.on(s, onSignal);
  try {
    await pipeline(source, createWriteStream(path, { flags: 'wx', mode: 0o600, highWaterMark: 256 * 1024 }));
  } catch (e) {
    remove();
    throw e;
  }
  return { path, remove };
}
