/**
 * Streaming record readers for the CLI: CSV (csv-parse: quotes, embedded newlines, `;` or other
 * separators), NDJSON, and JSON arrays. Each yields one item per record, in order, with its
 * 1-based row number and the physical line it starts on, and never holds more than one record
 * (at most {@link MAX_RECORD_BYTES}) in memory besides the stream's own buffers.
 *
 * Input arrives as UTF-8 bytes (see `_decode.ts`); each record's text is normalised to NFC.
 *
 * A record that cannot be read (bad CSV quoting, bad JSON, nested too deeply, too long) becomes
 * an error item with a code and a rule; reading goes on with the next record, so every record
 * read is either a value or a reject.
 * @module
 * @internal
 */
import { Readable } from 'node:stream';
import { parse as parseCsvSync } from 'csv-parse/sync';
import type { ErrorCode, Issue } from '../errors.js';
import { usage, CliError } from './_errors.js';
import { mapColumns, rowToWaybill, type ColumnMap } from './_columns.js';
import { checkFileDecodes, chooseEncoding, utf8Stream, type InputEncoding } from './_decode.js';

/** Longest record accepted, in bytes. The schema's own limits total far less. */
export const MAX_RECORD_BYTES = 1024 * 1024;

/**
 * Deepest nesting of arrays and objects read from JSON. A waybill is three levels deep; a value
 * nested thousands deep is refused as a record, before any parser or worker sees it.
 */
export const MAX_JSON_DEPTH = 64;

/** Input formats. */
export type RecordFormat = 'csv' | 'ndjson' | 'json';

/** One record read from the input, or why it could not be read. `bytes`: its size in the input. */
export type InputItem =
  | { row: number; line?: number; bytes?: number; value: unknown }
  | { row: number; line?: number; error: { code: ErrorCode; issues: Issue[] } };

const unreadable = (row: number, rule: string, line?: number): InputItem =>
  line === undefined
    ? { row, error: { code: 'INVALID_INPUT', issues: [{ path: '', rule }] } }
    : { row, line, error: { code: 'INVALID_INPUT', issues: [{ path: '', rule }] } };

/**
 * Whether JSON text nests arrays and objects deeper than {@link MAX_JSON_DEPTH} (outside strings).
 * @param b - UTF-8 bytes of one JSON value
 * @returns true when too deep
 */
export function nestedTooDeep(b: Uint8Array): boolean {
  let depth = 0;
  let inString = false;
  let escaped = false;
  for (let i = 0; i < b.length; i++) {
    const c = b[i]!;
    if (inString) {
      if (escaped) escaped = false;
      else if (c === 0x5c) escaped = true;
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x5b || c === 0x7b) {
      if (++depth > MAX_JSON_DEPTH) return true;
    } else if (c === 0x5d || c === 0x7d) depth--;
  }
  return false;
}
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

/** One physical line (also read this way by `verify-audit`): its 1-based number and bytes (without `\n` or a final `\r`); `null` when longer than a record may be. */
export interface PhysicalLine {
  n: number;
  buf: Buffer | null;
}

export async function* physicalLines(stream: Readable): AsyncGenerator<PhysicalLine> {
  let parts: Buffer[] = [];
  let size = 0;
  let tooLong = false;
  let n = 0;
  const finish = (): PhysicalLine => {
    n++;
    let buf: Buffer | null = null;
    if (!tooLong) {
      buf = parts.length === 1 ? parts[0]! : Buffer.concat(parts);
      if (buf.length > 0 && buf[buf.length - 1] === 0x0d) buf = buf.subarray(0, buf.length - 1);
    }
    parts = [];
    size = 0;
    tooLong = false;
    return { n, buf };
  };
  for await (const chunk of stream as AsyncIterable<Buffer>) {
    let start = 0;
    for (;;) {
      const nl = chunk.indexOf(0x0a, start);
      const end = nl < 0 ? chunk.length : nl;
      if (!tooLong && end > start) {
        size += end - start;
        if (size > MAX_RECORD_BYTES) {
          tooLong = true;
          parts = [];
        } else parts.push(chunk.subarray(start, end));
      }
      if (nl < 0) break;
      yield finish();
      start = nl + 1;
    }
  }
  if (size > 0 || tooLong) yield finish();
}

function countQuotes(b: Buffer): number {
  let q = 0;
  for (let i = b.indexOf(0x22); i >= 0; i = b.indexOf(0x22, i + 1)) q++;
  return q;
}

/** A CSV record found by the line splitter: its text and first line, or the rule it broke. */
type CsvChunk = { line: number; text: string } | { line: number; rule: string };

/**
 * Split physical lines into CSV records. A record ends on the line where its quotes balance.
 * When a quoted field would run on into a line that reads as a whole row by itself, or past
 * the record size limit, or to the end of the input, or closes into something that is not one
 * row of the header's width, the opening quote was a stray one (a customer typing `"`): the
 * line it started on is rejected and reading resumes on the next line, so one quote costs one
 * row, not the rest of the file.
 */
async function* csvRecords(stream: Readable, isRow: (b: Buffer) => boolean, isRecord: (text: string) => boolean): AsyncGenerator<CsvChunk> {
  let pending: PhysicalLine[] = [];
  let pendingBytes = 0;
  let pendingQuotes = 0;
  const text = (ls: readonly PhysicalLine[]) => ls.map((l) => l.buf!.toString('utf8')).join('\n');
  function* feed(work: PhysicalLine[]): Generator<CsvChunk> {
    while (work.length > 0) {
      const l = work.shift()!;
      if (pending.length === 0) {
        if (l.buf === null) {
          yield { line: l.n, rule: 'too_long' };
          continue;
        }
        if (l.buf.length === 0) continue; // blank line
        const q = countQuotes(l.buf);
        if (q % 2 === 0) {
          yield { line: l.n, text: l.buf.toString('utf8') };
          continue;
        }
        pending = [l];
        pendingBytes = l.buf.length;
        pendingQuotes = q;
        continue;
      }
      const overflow = l.buf === null || pendingBytes + 1 + l.buf.length > MAX_RECORD_BYTES;
      if (overflow || (countQuotes(l.buf!) % 2 === 0 && isRow(l.buf!))) {
        const [first, ...rest] = pending;
        pending = [];
        yield { line: first!.n, rule: 'csv' };
        work.unshift(...rest, l);
        continue;
      }
      pending.push(l);
      pendingBytes += 1 + l.buf!.length;
      pendingQuotes += countQuotes(l.buf!);
      if (pendingQuotes % 2 === 0) {
        const t = text(pending);
        const [first, ...rest] = pending;
        pending = [];
        if (isRecord(t)) {
          yield { line: first!.n, text: t };
        } else {
          // The quotes balance only by pairing a stray quote with the opening quote of a later
          // multi-line cell: the first line is the stray one.
          yield { line: first!.n, rule: 'csv' };
          work.unshift(...rest);
        }
      }
    }
  }
  for await (const l of physicalLines(stream)) yield* feed([l]);
  // The input ended inside a quoted field: the quote that opened it was a stray one.
  while (pending.length > 0) {
    const [first, ...rest] = pending;
    pending = [];
    yield { line: first!.n, rule: 'csv' };
    yield* feed(rest);
  }
}

/**
 * Longest CSV record parsed, in characters. No waybill comes near it (the schema's limits total
 * well under 32 KiB), and csv-parse slows down sharply on a single huge field, so a longer
 * record is rejected as `too_long` without being parsed.
 */
export const MAX_CSV_RECORD_CHARS = 256 * 1024;

/** Records parsed together by csv-parse, when they all parse; else one by one. */
const CSV_GROUP_ROWS = 256;
const CSV_GROUP_BYTES = 512 * 1024;

/**
 * Read CSV records as waybill inputs. The first record is the header. Records are found by
 * {@link csvRecords} and parsed by csv-parse; a record csv-parse cannot read is one reject.
 * @param stream - the input, UTF-8
 * @param delimiter - the separator
 * @param onIgnored - told the 1-based indexes of header columns that name no field
 * @returns items in order
 * @throws CliError `USAGE` when the header lacks a required field or cannot be read
 */
export async function* readCsv(stream: Readable, delimiter: string, onIgnored: (columns: number[]) => void): AsyncGenerator<InputItem> {
  const options = { delimiter, relax_column_count: true, bom: false } as const;
  const parseOne = (t: string): string[] | undefined => {
    try {
      const recs = parseCsvSync(t, options) as string[][];
      return recs.length === 1 ? recs[0] : undefined;
    } catch {
      return undefined;
    }
  };
  let map: ColumnMap | undefined;
  let columns = 0;
  const isRow = (b: Buffer): boolean => columns > 1 && b.length <= MAX_CSV_RECORD_CHARS && parseOne(b.toString('utf8'))?.length === columns;
  // A multi-line record must come out as one row of the header's width; before the header is
  // known, any single record will do.
  const isRecord = (t: string): boolean => {
    if (t.length > MAX_CSV_RECORD_CHARS) return true; // rejected as too_long, unparsed
    const cells = parseOne(t);
    return cells !== undefined && (columns === 0 || cells.length === columns);
  };
  let row = 0;
  let group: { line: number; text: string }[] = [];
  let groupBytes = 0;
  const toItem = (line: number, cells: string[] | undefined): InputItem => {
    if (cells === undefined) return unreadable(++row, 'csv', line);
    const value = rowToWaybill(map!, cells);
    // The size of what goes on to be protected: ignored columns are not sent anywhere.
    let bytes = 0;
    map!.fields.forEach((f, i) => {
      if (f !== undefined) bytes += cells[i]?.length ?? 0;
    });
    return { row: ++row, line, bytes, value };
  };
  function* flush(): Generator<InputItem> {
    if (group.length === 0) return;
    const g = group;
    group = [];
    groupBytes = 0;
    let all: string[][] | undefined;
    try {
      all = parseCsvSync(g.map((r) => r.text).join('\n'), options) as string[][];
    } catch {
      all = undefined;
    }
    if (all !== undefined && all.length === g.length) {
      for (let i = 0; i < g.length; i++) yield toItem(g[i]!.line, all[i]);
    } else {
      for (const r of g) yield toItem(r.line, parseOne(r.text));
    }
  }
  try {
    for await (const c of csvRecords(stream, isRow, isRecord)) {
      if (map === undefined) {
        const header = 'text' in c ? parseOne(c.text.normalize('NFC')) : undefined;
        if (header === undefined) throw usage('the CSV header row could not be read');
        map = mapColumns(header);
        columns = header.length;
        if (map.ignored.length > 0) onIgnored(map.ignored);
        continue;
      }
      if (!('text' in c)) {
        yield* flush();
        yield unreadable(++row, c.rule, c.line);
        continue;
      }
      if (c.text.length > MAX_CSV_RECORD_CHARS) {
        yield* flush();
        yield unreadable(++row, 'too_long', c.line);
        continue;
      }
      const t = c.text.normalize('NFC');
      group.push({ line: c.line, text: t });
      groupBytes += t.length;
      if (group.length >= CSV_GROUP_ROWS || groupBytes >= CSV_GROUP_BYTES) yield* flush();
    }
    yield* flush();
  } catch (e) {
    if (e instanceof CliError) throw e;
    // Anything else (a broken stream) ends the run; its message may quote data.
    throw new CliError('INVALID_INPUT', 'the CSV input could not be read', { hint: 'check the file encoding and quoting' });
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
    if (nestedTooDeep(buf)) return unreadable(line, 'too_deep', line);
    try {
      return { row: line, line, bytes: buf.length, value: JSON.parse(text.normalize('NFC')) as unknown };
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
  let tooDeep = false;
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
    const wasTooDeep = tooDeep;
    tooDeep = false;
    if (wasTooLong) return unreadable(row, 'too_long', elementLine);
    if (wasTooDeep) return unreadable(row, 'too_deep', elementLine);
    try {
      return { row, line: elementLine, bytes: buf.length, value: JSON.parse(decoder.decode(buf).normalize('NFC')) as unknown };
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
        // depth counts levels inside the element; the element itself is one more.
        if (++depth >= MAX_JSON_DEPTH) tooDeep = true;
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

/** Options of {@link readRecords}. */
export interface ReadRecordsOptions {
  format?: RecordFormat;
  /** Lowercase file extension with its dot, or `''`. */
  ext: string;
  delimiter?: string;
  onIgnoredColumns?: (columns: number[]) => void;
  /** Readers of protected records take JSON only. */
  jsonOnly?: boolean;
  /** `--encoding`; a byte-order mark decides by itself. */
  encoding?: InputEncoding;
  /** The input file, when it is one: it is checked to decode in full before any record is read. */
  path?: string;
}

/**
 * Open a record reader on an input stream: choose the encoding (BOM, `--encoding`, else UTF-8),
 * check that a file input decodes in full (so a bad byte stops the run before anything is
 * written), then choose the format and CSV separator from the decoded head.
 * @param stream - the raw input
 * @param opts - format, extension, separator, encoding, path
 * @returns the format used and the items
 * @throws CliError `USAGE` for input that does not decode, naming the byte offset
 */
export async function readRecords(stream: Readable, opts: ReadRecordsOptions): Promise<{ format: RecordFormat; items: AsyncGenerator<InputItem>; encoding: InputEncoding }> {
  const raw = await peek(stream);
  const { encoding, bom } = chooseEncoding(raw.head, opts.encoding);
  if (opts.path !== undefined) await checkFileDecodes(opts.path, encoding, bom);
  const peeked = await peek(utf8Stream(raw.stream, encoding, bom));
  let format = opts.format ?? detectFormat(opts.ext, peeked.head);
  // Readers of protected records take JSON only: what is not an array is read as NDJSON.
  if (format === 'csv' && opts.jsonOnly) format = 'ndjson';
  if (format === 'csv') {
    const delimiter = opts.delimiter ?? detectDelimiter(peeked.head);
    return { format, encoding, items: readCsv(peeked.stream, delimiter, opts.onIgnoredColumns ?? (() => {})) };
  }
  return { format, encoding, items: format === 'ndjson' ? readNdjson(peeked.stream) : readJsonArray(peeked.stream) };
}
