/**
 * CLI input and output plumbing: the streams a command runs against (so the demo and tests can
 * run commands in-process), writes that wait for `drain` (backpressure, constant memory), input
 * from a file or stdin (`-`), and output to a file or stdout.
 * @module
 * @internal
 */
import { createReadStream, createWriteStream, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { once } from 'node:events';
import type { Readable, Writable } from 'node:stream';
import { CliError, usage } from './_errors.js';
import { spoolToTemp, type Spool } from './_spool.js';

/** The process surface a command uses. */
export interface CliIO {
  stdin: Readable;
  stdout: Writable;
  stderr: Writable;
  /** Whether stderr is an interactive terminal (the progress bar is shown only then). */
  stderrIsTTY: boolean;
  /** Whether stdout is an interactive terminal (secrets are never written to one). */
  stdoutIsTTY: boolean;
  env: Readonly<Record<string, string | undefined>>;
}

/** The real process streams. */
export function processIO(): CliIO {
  return {
    stdin: process.stdin,
    stdout: process.stdout,
    stderr: process.stderr,
    stderrIsTTY: process.stderr.isTTY === true,
    stdoutIsTTY: process.stdout.isTTY === true,
    env: process.env,
  };
}

/**
 * Write a chunk and wait for `drain` when the stream's buffer is full.
 * @param out - a writable stream
 * @param chunk - text to write
 */
export async function write(out: Writable, chunk: string): Promise<void> {
  if (chunk.length === 0) return;
  if (out.destroyed || out.writableEnded) throw new CliError('IO_ERROR', 'the output was closed', { hint: 'check the disk and the reading end of the pipe' });
  if (out.write(chunk)) return;
  // Wait for `drain`; a stream that closes or fails never drains, so those end the wait too.
  // Every listener is removed again: a run waits here hundreds of thousands of times.
  await new Promise<void>((resolve, reject) => {
    const cleanup = () => {
      out.off('drain', onDrain);
      out.off('close', onDrain);
      out.off('error', onError);
    };
    const onDrain = () => {
      cleanup();
      resolve();
    };
    const onError = (e: unknown) => {
      cleanup();
      reject(ioError(e, 'cannot write the output'));
    };
    out.on('drain', onDrain);
    out.on('close', onDrain);
    out.on('error', onError);
  });
}

/** An input opened for reading. */
export interface Input {
  stream: Readable;
  /** Size in bytes when known (a regular file), for the progress bar's ETA. */
  size: number | undefined;
  /** File name extension in lowercase (`.csv`), or `''` for stdin. */
  ext: string;
  /** The file to read (the spool for spooled stdin), or undefined for stdin read as it comes. */
  path: string | undefined;
  /** Close the input and remove a stdin spool; call it when the run ends (idempotent). */
  release(): void;
}

/**
 * Open `path` for reading, or stdin for `-`. With `spool`, stdin is first copied in full to a
 * private temporary file (see `_spool.ts`) and read from there like a file input, so it can be
 * checked to decode before anything is written; `release()` removes the copy.
 * @param path - a file path or `-`
 * @param io - process streams
 * @param opts - `spool`: copy stdin to a temporary file first
 * @returns the input
 * @throws CliError `IO_ERROR` when the file cannot be opened or stdin cannot be spooled
 */
export async function openInput(path: string, io: CliIO, opts: { spool?: boolean } = {}): Promise<Input> {
  if (path === '-') {
    if (!opts.spool) return { stream: io.stdin, size: undefined, ext: '', path: undefined, release: () => {} };
    let spool: Spool;
    try {
      spool = await spoolToTemp(io.stdin);
    } catch (e) {
      throw ioError(e, 'cannot copy stdin to a temporary file');
    }
    try {
      const file = await openFile(spool.path);
      return {
        ...file,
        ext: '',
        release: () => {
          file.release();
          spool.remove();
        },
      };
    } catch (e) {
      spool.remove();
      throw e;
    }
  }
  const dot = path.lastIndexOf('.');
  const ext = dot > path.lastIndexOf('/') ? path.slice(dot).toLowerCase() : '';
  return { ...(await openFile(path)), ext };
}

async function openFile(path: string): Promise<Omit<Input, 'ext'>> {
  let size: number;
  try {
    const st = statSync(path);
    if (st.isDirectory()) throw Object.assign(new Error('dir'), { code: 'EISDIR' });
    size = st.size;
  } catch (e) {
    throw ioError(e, 'cannot open the input file');
  }
  const stream = createReadStream(path, { highWaterMark: 256 * 1024 });
  try {
    await once(stream, 'open');
  } catch (e) {
    stream.destroy();
    throw ioError(e, 'cannot open the input file');
  }
  return { stream, size, path, release: () => stream.destroy() };
}

/** An output opened for writing. */
export interface Output {
  stream: Writable;
  /** Finish writing and wait for the data to reach the file. */
  close(): Promise<void>;
}

/**
 * Open `path` for writing (created or truncated), or stdout for `undefined` / `-`.
 * @param path - a file path, `-` or undefined
 * @param io - process streams
 * @param mode - file mode for a new file
 * @returns the output
 * @throws CliError `IO_ERROR` when the file cannot be created
 */
export async function openOutput(path: string | undefined, io: CliIO, mode = 0o644): Promise<Output> {
  if (path === undefined || path === '-') {
    return { stream: io.stdout, close: async () => {} };
  }
  const stream = createWriteStream(path, { mode });
  try {
    await once(stream, 'open');
  } catch (e) {
    throw ioError(e, 'cannot create the output file');
  }
  return {
    stream,
    close: async () => {
      if (stream.destroyed) return;
      stream.end();
      await once(stream, 'finish');
    },
  };
}

/**
 * A `CliError('IO_ERROR')` for a failed file operation. The errno code is kept; the path and
 * the system message (which quotes the path) are not.
 * @param e - the error from `node:fs`
 * @param what - fixed text for the operation
 * @returns the CLI error
 */
export function ioError(e: unknown, what: string): CliError {
  const errno = typeof e === 'object' && e !== null && typeof (e as { code?: unknown }).code === 'string' ? (e as { code: string }).code : 'EIO';
  const hints: Record<string, string> = {
    ENOENT: 'check the path',
    EACCES: 'check the permissions',
    EISDIR: 'give a file, not a directory',
    EEXIST: 'use --force to replace it',
    ENOSPC: 'free some disk space (stdin is copied to $TMPDIR before it is read)',
  };
  return new CliError('IO_ERROR', `${what} (${errno})`, { hint: hints[errno] ?? 'check the path and permissions' });
}

/**
 * Refuse a run whose output would overwrite its input (or whose two outputs are one file):
 * opening an output truncates it, and the input would be lost while it is read. Files are
 * compared by device and inode, so another name, a link or `./` does not get past it.
 * @param input - the input path, or `-`
 * @param outputs - option name and path of each output (undefined or `-` for stdout/stderr)
 * @throws CliError `USAGE` naming the option
 */
export function refuseSameFile(input: string, outputs: readonly [string, string | undefined][]): void {
  const id = (path: string): string | undefined => {
    try {
      const st = statSync(path);
      return `${st.dev}:${st.ino}`;
    } catch {
      // Not there yet: it is a new file, unless two outputs name the same new path.
      return `new:${resolve(path)}`;
    }
  };
  const seen = new Map<string, string>();
  if (input !== '-') seen.set(id(input)!, 'the input');
  for (const [option, path] of outputs) {
    if (path === undefined || path === '-') continue;
    const key = id(path)!;
    const other = seen.get(key);
    if (other !== undefined) throw usage(`${option} names the same file as ${other}`, 'give every output a file of its own, never the input: opening it would truncate what is being read');
    seen.set(key, option);
  }
}
