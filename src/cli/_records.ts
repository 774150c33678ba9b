/**
 * Streaming record readers for the CLI: CSV (csv-parse: quotes, embedded newlines, BOM, `;`
 * or other separators), NDJSON, and JSON arrays. Each yields one item per record, in order, with
 * its 1-based row number, and never holds more than one record (at most {@link MAX_RECORD_BYTES})
 * in memory besides the stream's own buffers.
 *
 * A record that cannot be read (bad CSV quoting, bad JSON, too long) becomes an error item with
 * a code and a rule; reading goes on with the next record.
 * @module
 * @internal
 */
import { Readable } from 'node:stream';
import { parse as parseCsv, type CsvError } from 'csv-parse';
import type { ErrorCode, Issue } from '../errors.js';
import { usage, CliError } from './_errors.js';
import { mapColumns, rowToWaybill } from './_columns.js';

/** Longest record accepted, in bytes. The schema's own limits total far less. */
export const MAX_RECORD_BYTES = 1024 * 1024;

/** Input formats. */
export type RecordFormat = 'csv' | 'ndjson' | 'json';

/** One record read from the input, or why it could not be read. */
export type InputItem =
  | { row: number; line?: number; value: unknown }
  | { row: number; line?: number; error: { code: ErrorCode; issues: Issue[] } };

const unreadable = (row: number, rule: string, line?: number): InputItem =>
  line === undefined
    ? { row, error: { code: 'INVALID_INPUT', issues: [{ path: '', rule }] } }
    : { row, line, error: { code: 'INVALID_INPUT', issues: [{ path: '', rule }] } };

//#region sniffing

/**
 * Read the first bytes of a stream without losing them.
 * @param stream - the input
 * @param want - how many bytes to look at
 * @returns the first bytes and a stream that yields everything, those bytes included
 */
export async function peek(stream: Readable, want = 64 * 1024): Promise<{ head: Buffer; stream: Readable }> {
  const it = stream[Symbol.asyncIterator]() as AsyncIterator<Buffer | string>;
  const chunks: Buffer[] = [];
  let size = 0;
  let done = false;
  while (size < want) {
    const r = await it.next();
    if (r.done) {
      done = true;
      break;
    }
    const b = typeof r.value === 'string' ? Buffer.from(r.value) : r.value;
    chunks.push(b);
    size += b.length;
    // One line is enough to choose a format and a CSV separator.
    if (b.includes(0x0a)) break;
  }
  const head = Buffer.concat(chunks);
  async function* all(): AsyncGenerator<Buffer> {
    if (head.length > 0) yield head;
    if (done) return;
    for (;;) {
      const r = await it.next();
      if (r.done) return;
      yield typeof r.value === 'string' ? Buffer.from(r.value) : r.value;
    }
  }
  return { head, stream: Readable.from(all(), { objectMode: false }) };
}

/**
 * Choose the input format: from the file extension, else from the first non-blank character
 * (`[` JSON array, `{` NDJSON, anything else CSV).
 * @param ext - lowercase extension with its dot, or `''`
 * @param head - the first bytes
 * @returns the format
 */
export function detectFormat(ext: string, head: Buffer): RecordFormat {
  if (ext === '.csv' || ext === '.tsv' || ext === '.txt') return 'csv';
  if (ext === '.ndjson' || ext === '.jsonl') return 'ndjson';
  if (ext === '.json') return 'json';
  const text = head.toString('utf8').replace(/^\ufeff/, '').trimStart();
  if (text.startsWith('[')) return 'json';
  if (text.startsWith('{')) return 'ndjson';
  return 'csv';
}

/**
 * Choose the CSV separator from the header line: whichever of `,` `;` tab `|` occurs most often
 * outside quotes; `,` on a tie or when none occurs.
 * @param head - the first bytes
 * @returns the separator
 */
export function detectDelimiter(head: Buffer): string {
  const text = head.toString('utf8').replace(/^\ufeff/, '');
  const counts = new Map<string, number>([[',', 0], [';', 0], ['\t', 0], ['|', 0]]);
  let quoted = false;
  for (const ch of text) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && (ch === '\n' || ch === '\r')) break;
    else if (!quoted && counts.has(ch)) counts.set(ch, counts.get(ch)! + 1);
  }
  let best = ',';
  for (const [d, n] of counts) if (n > counts.get(best)!) best = d;
  return best;
}

//#endregion

//#region CSV

/**
 * Read CSV records as waybill inputs. The first record is the header.
 * @param stream - the input
 * @param delimiter - the separator
 * @param onIgnored - told the 1-based indexes of header columns that name no field
 * @returns items in order
 * @throws CliError `USAGE` when the header lacks a required field
 */
export async function* readCsv(stream: Readable, delimiter: string, onIgnored: (columns: number[]) => void): AsyncGenerator<InputItem> {
  const skipped: { line: number }[] = [];
  const parser = stream.pipe(
    parseCsv({
      bom: true,
      delimiter,
      info: true,
      relax_column_count: true,
      skip_empty_lines: true,
      skip_records_with_error: true,
      max_record_size: MAX_RECORD_BYTES,
      on_skip: (err: CsvError | undefined) => {
        const lines = (err as { lines?: unknown } | undefined)?.lines;
        skipped.push({ line: typeof lines === 'number' ? lines : 0 });
        return undefined;
      },
    }),
  );
  stream.on('error', (e) => parser.destroy(e));
  let map: ReturnType<typeof mapColumns> | undefined;
  let row = 0;
  let lastSkipLine = -1;
  // A record csv-parse could not read (a stray or unclosed quote, an oversized field) is one
  // reject, and reading goes on where the parser resynchronises. The parser reports skips as it
  // meets them, ahead of the records before them, so each waits for its place by line number.
  const flush = function* (beforeLine: number): Generator<InputItem> {
    while (map !== undefined && skipped.length > 0 && skipped[0]!.line < beforeLine) {
      const s = skipped.shift()!;
      // One bad record can raise several errors on the same line.
      if (s.line === lastSkipLine && s.line !== 0) continue;
      lastSkipLine = s.line;
      yield unreadable(++row, 'csv', s.line || undefined);
    }
  };
  try {
    for await (const rec of parser as AsyncIterable<{ record: string[]; info: { lines: number } }>) {
      yield* flush(rec.info.lines);
      if (map === undefined) {
        if (skipped.some((s) => s.line <= rec.info.lines)) throw usage('the CSV header row could not be read');
        map = mapColumns(rec.record);
        if (map.ignored.length > 0) onIgnored(map.ignored);
        continue;
      }
      yield { row: ++row, line: rec.info.lines, value: rowToWaybill(map, rec.record) };
    }
    yield* flush(Number.POSITIVE_INFINITY);
  } catch (e) {
    if (e instanceof CliError) throw e;
    // Errors csv-parse does not skip (e.g. a broken stream) end the run; its message may quote data.
    throw new CliError('INVALID_INPUT', 'the CSV input could not be read', { hint: 'check the file encoding (UTF-8) and quoting' });
  }
  if (map === undefined) throw usage('the CSV input has no header row');
}

//#endregion

//#region NDJSON

/**
 * Read NDJSON: one JSON value per line; blank lines are skipped. Rows are numbered by line.
 * @param stream - the input
 * @returns items in order
 */
export async function* readNdjson(stream: Readable): AsyncGenerator<InputItem> {
  const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });
  let parts: Buffer[] = [];
  let size = 0;
  let tooLong = false;
  let line = 0;
  const finish = (buf: Buffer): InputItem | undefined => {
    line++;
    if (tooLong) {
      tooLong = false;
      return unreadable(line, 'too_long', line);
    }
    let text: string;
    try {
      text = decoder.decode(buf);
    } catch {
      return unreadable(line, 'utf8', line);
    }
    if (line === 1) text = text.replace(/^\ufeff/, '');
    if (text.trim() === '') return undefined;
    try {
      return { row: line, line, value: JSON.parse(text) as unknown };
    } catch {
      return unreadable(line, 'json', line);
    }
  };
  for await (const chunk of stream as AsyncIterable<Buffer>) {
    let start = 0;
    for (;;) {
      const nl = chunk.indexOf(0x0a, start);
      const end = nl < 0 ? chunk.length : nl;
      if (!tooLong) {
        size += end - start;
        if (size > MAX_RECORD_BYTES) {
          tooLong = true;
          parts = [];
        } else if (end > start) parts.push(chunk.subarray(start, end));
      }
      if (nl < 0) break;
      const item = finish(Buffer.concat(parts));
      parts = [];
      size = 0;
      if (item) yield item;
      start = nl + 1;
    }
  }
  if (size > 0 || tooLong) {
    const item = finish(Buffer.concat(parts));
    if (item) yield item;
  }
}

//#endregion

//#region JSON array

/**
 * Read a JSON array element by element, without holding the whole array: a byte-level scan
 * finds where each top-level element ends (outside strings, at depth 1), and each element is
 * then parsed with `JSON.parse`. UTF-8 continuation bytes never equal the ASCII structural
 * characters, so scanning bytes is exact.
 * @param stream - the input
 * @returns items in order; rows are element positions (1-based)
 * @throws CliError `INVALID_INPUT` when the input is not a JSON array
 */
export async function* readJsonArray(stream: Readable): AsyncGenerator<InputItem> {
  let state: 'before' | 'in' | 'after' = 'before';
  let depth = 0; // nesting inside the current element
  let inString = false;
  let escaped = false;
  let parts: Buffer[] = [];
  let size = 0;
  let tooLong = false;
  let hasContent = false;
  let row = 0;
  let line = 1;
  let elementLine = 1;
  let bom = true;
  const decoder = new TextDecoder('utf-8', { fatal: true });

  const finish = (): InputItem | undefined => {
    const wasTooLong = tooLong;
    const buf = Buffer.concat(parts);
    parts = [];
    size = 0;
    tooLong = false;
    if (!hasContent) return undefined;
    hasContent = false;
    row++;
    if (wasTooLong) return unreadable(row, 'too_long', elementLine);
    try {
      return { row, line: elementLine, value: JSON.parse(decoder.decode(buf)) as unknown };
    } catch {
      return unreadable(row, 'json', elementLine);
    }
  };

  for await (let chunk of stream as AsyncIterable<Buffer>) {
    if (bom) {
      bom = false;
      if (chunk[0] === 0xef && chunk[1] === 0xbb && chunk[2] === 0xbf) chunk = chunk.subarray(3);
    }
    let segStart = 0;
    const keep = (end: number) => {
      if (tooLong || end <= segStart) return;
      size += end - segStart;
      if (size > MAX_RECORD_BYTES) {
        tooLong = true;
        parts = [];
      } else parts.push(chunk.subarray(segStart, end));
    };
    for (let i = 0; i < chunk.length; i++) {
      const c = chunk[i]!;
      if (c === 0x0a) line++;
      if (state === 'before') {
        if (c === 0x5b) {
          state = 'in';
          segStart = i + 1;
        } else if (c !== 0x20 && c !== 0x0a && c !== 0x0d && c !== 0x09) {
          throw new CliError('INVALID_INPUT', 'the JSON input is not an array', { hint: 'give a JSON array of waybills, or NDJSON with --format ndjson' });
        }
        continue;
      }
      if (state === 'after') continue;
      if (inString) {
        if (escaped) escaped = false;
        else if (c === 0x5c) escaped = true;
        else if (c === 0x22) inString = false;
        continue;
      }
      if (c === 0x22) {
        inString = true;
      } else if (c === 0x7b || c === 0x5b) {
        depth++;
      } else if (c === 0x7d || c === 0x5d) {
        if (depth === 0 && c === 0x5d) {
          keep(i);
          const item = finish();
          if (item) yield item;
          state = 'after';
          continue;
        }
        depth = Math.max(0, depth - 1);
      } else if (c === 0x2c && depth === 0) {
        keep(i);
        const item = finish();
        if (item) yield item;
        else {
          // `[,` or `,,`: an empty element is itself an unreadable record.
          yield unreadable(++row, 'json', line);
        }
        segStart = i + 1;
        continue;
      }
      if (!hasContent && c !== 0x20 && c !== 0x0a && c !== 0x0d && c !== 0x09) {
        hasContent = true;
        elementLine = line;
      }
    }
    if (state === 'in') keep(chunk.length);
  }
  if (state === 'before') throw new CliError('INVALID_INPUT', 'the JSON input is empty', { hint: 'give a JSON array of waybills' });
  if (state === 'in') {
    // Truncated input: whatever was read of the last element is one unreadable record.
    const item = finish();
    if (item && 'value' in item) yield unreadable(item.row, 'json', item.line);
    else if (item) yield item;
  }
}

//#endregion

/**
 * Open a record reader on an input stream.
 * @param stream - the input
 * @param opts - format (detected when absent), extension, CSV separator (detected when absent)
 * @returns the format used and the items
 */
export async function readRecords(
  stream: Readable,
  opts: { format?: RecordFormat; ext: string; delimiter?: string; onIgnoredColumns?: (columns: number[]) => void; jsonOnly?: boolean },
): Promise<{ format: RecordFormat; items: AsyncGenerator<InputItem> }> {
  const peeked = await peek(stream);
  let format = opts.format ?? detectFormat(opts.ext, peeked.head);
  // Readers of protected records take JSON only: what is not an array is read as NDJSON.
  if (format === 'csv' && opts.jsonOnly) format = 'ndjson';
  if (format === 'csv') {
    const delimiter = opts.delimiter ?? detectDelimiter(peeked.head);
    return { format, items: readCsv(peeked.stream, delimiter, opts.onIgnoredColumns ?? (() => {})) };
  }
  return { format, items: format === 'ndjson' ? readNdjson(peeked.stream) : readJsonArray(peeked.stream) };
}
