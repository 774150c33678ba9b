/**
 * `JsonlAuditSink`: audit records as JSON Lines (https://jsonlines.org), one record per line,
 * appended to a file opened with `O_APPEND` and mode 0600. With `fsync: true` every record is
 * flushed to stable storage before `append` returns. Node only (`waybill-shield/node`).
 *
 * Lifecycle of the file:
 * - **One writer.** Opening takes an advisory lock, `<file>.lock`, created atomically (written
 *   under a temporary name, then hard-linked into place, so it is never seen half-written) and
 *   holding the owner's pid. A second writer, in this process or another, gets `AUDIT_LOCKED`;
 *   two writers would fork the chain. A lock whose pid is no longer running (a crash,
 *   `kill -9`) is taken over. `close()` and process exit release it.
 * - **Torn tail.** A crash mid-write can leave a last line without its newline. On open those
 *   bytes are copied to `<file>.torn-<timestamp>` (never deleted), the file is cut back to its
 *   last complete record, and the chain resumes from there, its first new record an
 *   `audit-repair` saying how many bytes were moved.
 * - **Bounded resume.** `last()` reads backwards from the end, one block at a time, so
 *   reopening a log of any size costs the same memory.
 * @module
 */
import { closeSync, fstatSync, fsyncSync, ftruncateSync, linkSync, openSync, readFileSync, readSync, renameSync, unlinkSync, writeSync } from 'node:fs';
import { issueError, WaybillShieldError } from '../errors.js';
import { parseAuditLine } from './_line.js';
import type { AuditRecord, AuditSink } from './types.js';

/** Options for {@link JsonlAuditSink}. */
export interface JsonlAuditSinkOptions {
  /** fsync after every record (default false). */
  fsync?: boolean;
  /** File mode when the file is created (default 0o600). */
  mode?: number;
  /**
   * Take the single-writer lock `<file>.lock` (default true). Turn it off only when something
   * else already guarantees one writer per file: two writers fork the chain.
   */
  lock?: boolean;
}

/** Block size for reading backwards from the end. */
const BLOCK = 64 * 1024;
/** Longest line looked for when resuming; a record is well under 1 KiB. */
const MAX_LINE = 1024 * 1024;

function ioError(summary: string): WaybillShieldError {
  return new WaybillShieldError('IO_ERROR', summary);
}

function locked(): WaybillShieldError {
  return new WaybillShieldError('AUDIT_LOCKED', 'the audit file is open in another writer');
}

function errno(e: unknown): string | undefined {
  return typeof e === 'object' && e !== null && typeof (e as { code?: unknown }).code === 'string' ? (e as { code: string }).code : undefined;
}

//#region lock

/** Lock files this process holds, released on exit if not closed before. */
const HELD = /* @__PURE__ */ new Set<string>();
let exitHook = false;

function releaseAll(): void {
  for (const lock of HELD) {
    try {
      unlinkSync(lock);
    } catch {
      // Already gone: nothing to release.
    }
  }
  HELD.clear();
}

/** The pid written in a lock file; `null` when it is gone, `undefined` when unreadable. */
function lockOwner(path: string): number | null | undefined {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    return errno(e) === 'ENOENT' ? null : undefined;
  }
  const m = /^(\d{1,10})\n/.exec(text);
  return m ? Number(m[1]) : undefined;
}

function running(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    // EPERM: the process exists but belongs to someone else.
    return errno(e) === 'EPERM';
  }
}

function uniqueSuffix(): string {
  return `${process.pid}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}`;
}

/**
 * Take the lock at `lock` or throw `AUDIT_LOCKED`.
 * @param lock - the lock file path
 */
function acquire(lock: string): void {
  if (HELD.has(lock)) throw locked();
  // The content is written under a private name first and linked into place: `link` fails when
  // the lock exists, like `wx`, and a reader never sees a lock without its pid.
  const tmp = `${lock}.${uniqueSuffix()}`;
  const fd = openSync(tmp, 'wx', 0o600);
  try {
    writeSync(fd, `${process.pid}\n`);
  } finally {
    closeSync(fd);
  }
  try {
    for (let attempt = 0; attempt < 5; attempt++) {
      try {
        linkSync(tmp, lock);
        HELD.add(lock);
        if (!exitHook) {
          exitHook = true;
          process.once('exit', releaseAll);
        }
        return;
      } catch (e) {
        if (errno(e) !== 'EEXIST') throw e;
      }
      const owner = lockOwner(lock);
      if (owner === null) continue; // released meanwhile: try again
      if (owner !== undefined && running(owner)) throw locked();
      // Stale (its process is gone) or unreadable: move it aside under a private name, then
      // check that what was moved is the stale lock and not one a live writer took meanwhile.
      const aside = `${lock}.stale-${uniqueSuffix()}`;
      try {
        renameSync(lock, aside);
      } catch (e) {
        if (errno(e) === 'ENOENT') continue;
        throw e;
      }
      const moved = lockOwner(aside);
      if (moved !== owner && typeof moved === 'number' && running(moved)) {
        // A live writer's lock: put it back (link never replaces a newer one) and give way.
        try {
          linkSync(aside, lock);
        } catch {
          // Another lock is in place already; the live writer's process still holds the file open.
        }
        unlinkSync(aside);
        throw locked();
      }
      unlinkSync(aside);
    }
    throw locked();
  } finally {
    try {
      unlinkSync(tmp);
    } catch {
      // Never created or already removed.
    }
  }
}

function release(lock: string): void {
  if (!HELD.delete(lock)) return;
  if (lockOwner(lock) !== process.pid) return;
  try {
    unlinkSync(lock);
  } catch {
    // Already gone.
  }
}

//#endregion

//#region reading backwards

/**
 * Find the start of the last line of `fd` that ends before `end`, reading backwards in blocks.
 * @returns the offset of the first byte after the previous newline (0 when none), or -1 when
 *   no newline is found within {@link MAX_LINE} bytes
 */
function lineStartBefore(fd: number, end: number): number {
  const buf = new Uint8Array(BLOCK);
  let pos = end;
  while (pos > 0) {
    if (end - pos > MAX_LINE) return -1;
    const len = Math.min(BLOCK, pos);
    pos -= len;
    readSync(fd, buf, 0, len, pos);
    const nl = buf.subarray(0, len).lastIndexOf(0x0a);
    if (nl >= 0) return pos + nl + 1;
  }
  return 0;
}

function readRange(fd: number, start: number, end: number): Uint8Array {
  const buf = new Uint8Array(end - start);
  let off = 0;
  while (off < buf.length) {
    const n = readSync(fd, buf, off, buf.length - off, start + off);
    if (n === 0) break;
    off += n;
  }
  return buf.subarray(0, off);
}

//#endregion

/**
 * An append-only JSONL file of audit records, with one writer at a time.
 *
 * Several processes (backend workers, label scripts run in parallel) must not share one file:
 * give each process its own file (`audit-<host>-<pid>.jsonl`, each its own chain), or send the
 * events to one service that owns the file.
 *
 * @example
 * ```ts
 * import { JsonlAuditSink } from 'waybill-shield/node';
 * const audit = new AuditChain({ sinks: new JsonlAuditSink('/var/log/waybill/audit.jsonl', { fsync: true }) });
 * ```
 */
export class JsonlAuditSink implements AuditSink {
  /** The file path. */
  readonly path: string;
  readonly #fsync: boolean;
  #fd: number | undefined;
  #lock: string | undefined;
  #repair: { bytes: number; file: string } | undefined;

  /**
   * Lock and open (or create) the file for appending; move a torn last line aside.
   * @param path - file path
   * @param opts - fsync, mode and lock
   * @throws WaybillShieldError `AUDIT_LOCKED` when another writer holds the file; `IO_ERROR`
   *   when it cannot be opened or repaired; `INVALID_INPUT` for a bad path or options. No
   *   other error escapes, and none carries the path or a system message.
   * @example
   * ```ts
   * const sink = new JsonlAuditSink('audit.jsonl'); // throws AUDIT_LOCKED if another process has it
   * ```
   */
  constructor(path: string, opts: JsonlAuditSinkOptions = {}) {
    if (typeof path !== 'string' || path.length === 0 || path.includes('\0')) {
      throw issueError('path', 'required');
    }
    // Options are read once, inside a guard: a getter or proxy that throws becomes INVALID_INPUT.
    let o: { fsync: unknown; mode: unknown; lock: unknown };
    try {
      if (opts === null || typeof opts !== 'object') throw new TypeError();
      o = { fsync: opts.fsync, mode: opts.mode, lock: opts.lock };
    } catch {
      throw issueError('opts', 'type');
    }
    const mode = o.mode ?? 0o600;
    if (typeof mode !== 'number' || !Number.isInteger(mode) || mode < 0 || mode > 0o777) {
      throw issueError('opts.mode', 'type');
    }
    this.path = path;
    this.#fsync = o.fsync === true;
    if (o.lock !== false) {
      const lock = `${path}.lock`;
      try {
        acquire(lock);
      } catch (e) {
        if (e instanceof WaybillShieldError) throw e;
        throw ioError('the audit file lock could not be taken');
      }
      this.#lock = lock;
    }
    try {
      this.#fd = openSync(path, 'a+', mode);
      this.#repairTornTail(this.#fd);
    } catch (e) {
      if (this.#fd !== undefined) {
        try {
          closeSync(this.#fd);
        } catch {
          // Closing after a failed open: nothing more to do.
        }
        this.#fd = undefined;
      }
      if (this.#lock !== undefined) release(this.#lock);
      if (e instanceof WaybillShieldError) throw e;
      throw ioError('the audit file could not be opened');
    }
  }

  /** A last line without its newline is copied aside and cut off. */
  #repairTornTail(fd: number): void {
    const size = fstatSync(fd).size;
    if (size === 0) return;
    const last = new Uint8Array(1);
    readSync(fd, last, 0, 1, size - 1);
    if (last[0] === 0x0a) return;
    let start = lineStartBefore(fd, size);
    // A "line" longer than any record is not a torn record; keep the whole tail block aside.
    if (start < 0) start = Math.max(0, size - MAX_LINE);
    const stamp = new Date().toISOString().replace(/[:.]/g, '-');
    let aside = `${this.path}.torn-${stamp}`;
    let out: number | undefined;
    for (let i = 2; out === undefined; i++) {
      try {
        out = openSync(aside, 'wx', 0o600);
      } catch (e) {
        if (errno(e) !== 'EEXIST' || i > 100) throw e;
        aside = `${this.path}.torn-${stamp}-${i}`;
      }
    }
    try {
      for (let pos = start; pos < size; pos += BLOCK) {
        const chunk = readRange(fd, pos, Math.min(size, pos + BLOCK));
        let off = 0;
        while (off < chunk.length) off += writeSync(out, chunk, off, chunk.length - off);
      }
      fsyncSync(out);
    } finally {
      closeSync(out);
    }
    // Only once the bytes are safely aside is the file cut back.
    ftruncateSync(fd, start);
    fsyncSync(fd);
    this.#repair = { bytes: size - start, file: aside };
  }

  /**
   * The repair made on open, once: `{ bytes }` moved to `<file>.torn-<timestamp>`.
   * `AuditChain` calls it and writes an `audit-repair` record.
   * @returns the repair, or undefined (none, or already taken)
   * @example
   * ```ts
   * new AuditChain({ sinks: sink }); // first record: audit-repair, reason torn-bytes-57
   * ```
   */
  takeRepair(): { bytes: number } | undefined {
    const r = this.#repair;
    this.#repair = undefined;
    return r === undefined ? undefined : { bytes: r.bytes };
  }

  /**
   * Append one record as a line.
   * @param record - a chain record
   * @throws WaybillShieldError `IO_ERROR` when the write or fsync fails, or after `close()`
   * @example
   * ```ts
   * sink.write(record);
   * ```
   */
  write(record: AuditRecord): void {
    if (this.#fd === undefined) throw ioError('the audit file is closed');
    let line: Uint8Array;
    try {
      line = new TextEncoder().encode(`${JSON.stringify(record)}\n`);
    } catch {
      throw issueError('record', 'type');
    }
    try {
      let off = 0;
      while (off < line.length) off += writeSync(this.#fd, line, off, line.length - off);
      if (this.#fsync) fsyncSync(this.#fd);
    } catch {
      throw ioError('the audit file could not be written');
    }
  }

  /**
   * Read every line back; a line that is not a canonical record line (not JSON, a duplicated
   * key, a field outside the record) is returned as `null` so `verify` reports it.
   * @returns the parsed lines, oldest first
   * @throws WaybillShieldError `IO_ERROR` when the file cannot be read
   * @example
   * ```ts
   * AuditChain.verify(sink.read());
   * ```
   */
  read(): unknown[] {
    const out: unknown[] = [];
    let fd: number | undefined;
    try {
      fd = openSync(this.path, 'r');
      const decoder = new TextDecoder('utf-8');
      const buf = new Uint8Array(BLOCK);
      let rest = '';
      for (;;) {
        const n = readSync(fd, buf, 0, BLOCK, null);
        if (n === 0) break;
        const text = rest + decoder.decode(buf.subarray(0, n), { stream: true });
        const lines = text.split('\n');
        rest = lines.pop()!;
        for (const line of lines) if (line.length > 0) out.push(parseAuditLine(line));
      }
      rest += decoder.decode();
      if (rest.length > 0) out.push(parseAuditLine(rest));
    } catch {
      throw ioError('the audit file could not be read');
    } finally {
      if (fd !== undefined) closeSync(fd);
    }
    return out;
  }

  /**
   * The newest record, so a new `AuditChain` continues the file's chain. Reads backwards from
   * the end, so the size of the file does not matter.
   * @returns the last record (or `null` when the last line is not a record, which the chain
   *   refuses to resume from), or undefined for an empty file
   * @throws WaybillShieldError `IO_ERROR` when the file cannot be read
   * @example
   * ```ts
   * new AuditChain({ sinks: sink }); // resumes from sink.last()
   * ```
   */
  last(): AuditRecord | undefined {
    let fd: number | undefined;
    try {
      fd = this.#fd ?? openSync(this.path, 'r');
      let end = fstatSync(fd).size;
      // Skip the final newline, and blank lines before it.
      for (;;) {
        if (end === 0) return undefined;
        const b = readRange(fd, end - 1, end);
        if (b[0] !== 0x0a && b[0] !== 0x0d) break;
        end--;
      }
      const start = lineStartBefore(fd, end);
      if (start < 0) return null as unknown as AuditRecord;
      return parseAuditLine(new TextDecoder().decode(readRange(fd, start, end))) as AuditRecord;
    } catch {
      throw ioError('the audit file could not be read');
    } finally {
      if (fd !== undefined && fd !== this.#fd) closeSync(fd);
    }
  }

  /**
   * Close the file and release its lock. Later writes throw `IO_ERROR`.
   * @example
   * ```ts
   * sink.close();
   * ```
   */
  close(): void {
    if (this.#fd === undefined) return;
    const fd = this.#fd;
    this.#fd = undefined;
    try {
      closeSync(fd);
    } catch {
      throw ioError('the audit file could not be closed');
    } finally {
      if (this.#lock !== undefined) release(this.#lock);
    }
  }
}
