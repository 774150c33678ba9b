/**
 * In-memory audit sink: keeps every record in an array, for tests, demos and short-lived
 * processes. For durable logs use `JsonlAuditSink` from `waybill-shield/node`.
 * @module
 */
import type { AuditRecord, AuditSink } from './types.js';

/**
 * Holds audit records in memory, oldest first.
 *
 * @example
 * ```ts
 * const sink = new MemoryAuditSink();
 * const audit = new AuditChain({ sinks: sink });
 * // … later
 * sink.records.filter((r) => r.outcome === 'denied');
 * ```
 */
export class MemoryAuditSink implements AuditSink {
  readonly #records: AuditRecord[] = [];

  /** Every record written, oldest first (a read-only view). */
  get records(): readonly AuditRecord[] {
    return this.#records;
  }

  /**
   * Store one record.
   * @param record - a chain record
   * @example
   * ```ts
   * sink.write(record);
   * ```
   */
  write(record: AuditRecord): void {
    this.#records.push(record);
  }

  /**
   * Every record, oldest first, for `AuditChain.verify`.
   * @returns a copy of the records
   * @example
   * ```ts
   * AuditChain.verify(sink.read());
   * ```
   */
  read(): AuditRecord[] {
    return [...this.#records];
  }

  /**
   * The newest record, if any.
   * @returns the last record or undefined
   * @example
   * ```ts
   * sink.last()?.hash;
   * ```
   */
  last(): AuditRecord | undefined {
    return this.#records[this.#records.length - 1];
  }
}
