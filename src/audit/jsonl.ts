/**
 * `JsonlAuditSink`: audit records as JSON Lines (https://jsonlines.org), one record per line,
 * appended to a file opened with `O_APPEND` and mode 0600. With `fsync: true` every record is
 * flushed to stable storage before `append` returns. Node only (`waybill-shield/node`).
 * @module
 */
import { closeSync, fstatSync, fsyncSync, openSync, readFileSync, readSync, writeSync } from 'node:fs';
import { WaybillShieldError } from '../errors.js';
import type { AuditRecord, AuditSink } from './types.js';

/** Options for {@link JsonlAuditSink}. */
export interface JsonlAuditSinkOptions {
  /** fsync after every record (default false). */
  fsync?: boolean;
  /** File mode when the file is created (default 0o600). */
  mode?: number;
}

function ioError(summary: string): WaybillShieldError {
  return new WaybillShieldError('IO_ERROR', summary);
}

/**
 * An append-only JSONL file of audit records.
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

  /**
   * Open (or create) the file for appending.
   * @param path - file path
   * @param opts - fsync and mode
   * @throws WaybillShieldError `IO_ERROR` when the file cannot be opened
   */
  constructor(path: string, opts: JsonlAuditSinkOptions = {}) {
    if (typeof path !== 'string' || path.length === 0) throw new WaybillShieldError('INVALID_INPUT', undefined, { issues: [{ path: 'path', rule: 'required' }] });
    this.path = path;
    this.#fsync = opts.fsync === true;
    try {
      this.#fd = openSync(path, 'a+', opts.mode ?? 0o600);
      // A crash mid-write can leave a last line without its newline; start on a fresh line so
      // the damage stays one malformed record instead of merging into the next one.
      const size = fstatSync(this.#fd).size;
      if (size > 0) {
        const b = new Uint8Array(1);
        readSync(this.#fd, b, 0, 1, size - 1);
        if (b[0] !== 0x0a) writeSync(this.#fd, '\n');
      }
    } catch {
      throw ioError('the audit file could not be opened');
    }
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
    const line = new TextEncoder().encode(`${JSON.stringify(record)}\n`);
    try {
      let off = 0;
      while (off < line.length) off += writeSync(this.#fd, line, off, line.length - off);
      if (this.#fsync) fsyncSync(this.#fd);
    } catch {
      throw ioError('the audit file could not be written');
    }
  }

  /**
   * Read every line back; a line that is not JSON is returned as `null` so `verify` reports it.
   * @returns the parsed lines, oldest first
   * @throws WaybillShieldError `IO_ERROR` when the file cannot be read
   * @example
   * ```ts
   * AuditChain.verify(sink.read());
   * ```
   */
  read(): unknown[] {
    let text: string;
    try {
      text = readFileSync(this.path, 'utf8');
    } catch {
      throw ioError('the audit file could not be read');
    }
    const out: unknown[] = [];
    for (const line of text.split('\n')) {
      if (line.length === 0) continue;
      try {
        out.push(JSON.parse(line));
      } catch {
        out.push(null);
      }
    }
    return out;
  }

  /**
   * The newest record, so a new `AuditChain` continues the file's chain.
   * @returns the last record, or undefined for an empty file
   * @throws WaybillShieldError `IO_ERROR` when the file cannot be read
   * @example
   * ```ts
   * new AuditChain({ sinks: sink }); // resumes from sink.last()
   * ```
   */
  last(): AuditRecord | undefined {
    const all = this.read();
    return all.length === 0 ? undefined : (all[all.length - 1] as AuditRecord);
  }

  /**
   * Close the file. Later writes throw `IO_ERROR`.
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
    }
  }
}
