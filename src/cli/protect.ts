/**
 * `waybill-shield protect`: waybills in (CSV, NDJSON or a JSON array, from a file or stdin),
 * protected waybills out as NDJSON, rejected rows to a rejects file as `{ row, line, code,
 * issues }` without values. The run goes on past bad rows; exit code 3 says some were rejected.
 *
 * Memory stays flat on inputs of any length: records stream from the parser in batches (bounded
 * by rows and by bytes), at most a few batches are in flight, and each batch's output is written
 * (waiting for `drain`) before more input is read. Batches are protected on `--workers N` worker
 * threads (default from the core count, see `_workers.ts`) with capped heaps, and written back in input order; a batch whose worker
 * dies is protected on the main thread instead.
 *
 * Every row is accounted for: rows read = rows protected + rows rejected, printed in the
 * summary. A run where that does not hold exits 1, saying how many rows are missing and where
 * they start; it never exits 0 or 3 with rows missing.
 * @module
 */
import type { ReadStream } from 'node:fs';
import { CliError, EXIT, usage, type ExitCode } from './_errors.js';
import { choiceOption, intOption, parseCommandArgs, required } from './_args.js';
import { openInput, openOutput, refuseSameFile, write, type CliIO } from './_io.js';
import { loadKeyring, loadPolicy } from './_keys.js';
import { readRecords, type InputItem, type RecordFormat } from './_records.js';
import { INPUT_ENCODINGS, type InputEncoding } from './_decode.js';
import type { BatchResult } from './_batch.js';
import { ProtectPool, WORKER_LOST, workerLimits } from './_pool.js';
import { startProgress } from './_progress.js';
import type { MaskPolicy } from '../policy.js';
import { defaultWorkers } from './_workers.js';

/** `protect --help`. */
export const PROTECT_HELP = `Usage: waybill-shield protect IN [options]

Validate, mask and seal waybills. IN is a CSV, NDJSON or JSON-array file, or - for stdin
(copied in full to a private file under $TMPDIR and checked before any output is written).
Writes one protected waybill per line (NDJSON) to stdout or -o. Rows that fail validation go
to --rejects as {"row","line","code","issues"} lines (field paths and rules, never values);
the run goes on and exits with code 3 when any row was rejected.

Every row read is either protected or rejected; the summary prints rows read, protected and
rejected. A run that cannot account for every row exits 1 and says which rows are missing.

CSV: the header names fields by dotted path (recipient.phone) or snake_case (recipient_phone).
Quotes, embedded newlines and a BOM are handled; the separator (, ; tab |) is detected from the
header unless --delimiter is given. Numbers may use thousands separators (32.000.000). A stray
quote (a cell like "áo thun with no closing quote) costs its own line only: that line is
rejected by line number and reading resumes on the next one.

Encoding: UTF-8 by default, read strictly; a byte that is not UTF-8 stops the run before
anything is written, naming its byte offset. Excel on a Vietnamese Windows saves Windows-1258:
give --encoding windows-1258. A UTF-8 or UTF-16 byte-order mark selects the encoding by itself.
Text is normalised to NFC.

Options:
  --keys FILE         keyring written by \`waybill-shield keygen\` (required)
  -o, --out FILE      output file (default: stdout)
  --rejects FILE      rejected rows as NDJSON (default: stderr)
  --format F          input format: csv, ndjson or json (default: from the extension or content)
  --encoding E        input encoding: utf-8 (default), utf-16le or windows-1258
  --delimiter C       CSV separator: a single character, or "tab"
  --policy FILE       mask policy JSON (default: the Vietnamese default policy)
  --workers N         protect on N worker threads, output in input order (default: one per core
                      but one, at least 1, at most 8; 0 protects on the main thread). A batch whose
                      worker dies is protected on the main thread; no row is lost
  -q, --quiet         no progress bar, no summary
  --debug             stack traces on errors
  -h, --help          this help

Examples:
  waybill-shield protect orders.csv --keys keys.json -o protected.ndjson --rejects rejects.ndjson
  cat orders.ndjson | waybill-shield protect - --keys keys.json --workers 4 > protected.ndjson
  waybill-shield protect export.csv --delimiter ';' --keys keys.json --policy policy.json -o out.ndjson
  waybill-shield protect excel-export.csv --encoding windows-1258 --keys keys.json -o out.ndjson
`;

/**
 * Rows per batch. Large enough to amortise worker messaging, small enough to keep memory flat:
 * a protected row is about 2.7 KB of NDJSON, mostly ASCII but with Vietnamese masks, so V8 holds
 * a batch's output as a two-byte string of about 5.4 KB per row. 16 rows keep that string under
 * V8's large-object threshold (128 KiB), so it is freed by the young-generation collector
 * instead of piling up in large-object space until a full collection (in each worker, and again
 * on the main thread that receives it). On 100,000 generated CSV rows with `--workers 2`, 32-row
 * batches (whose output strings are 170 KiB) peaked 12–15 MB higher, 256-row batches 35 MB higher.
 */
const BATCH = 16;
/** Bytes per batch: a few large rows make a batch as well as many small ones. */
const BATCH_BYTES = 2 * 1024 * 1024;
/**
 * Largest row sent to be protected. The schema's limits total well under 32 KiB of text (plus
 * surrounding whitespace), so a larger row cannot be a valid waybill; it is rejected here, on
 * the main thread, and never costs a worker its heap.
 */
export const MAX_WAYBILL_BYTES = 128 * 1024;

/**
 * Run `protect`.
 * @param args - arguments after the command name
 * @param io - process streams
 * @returns exit code: 0, or 3 when rows were rejected
 * @throws CliError for usage, input, keyring and output failures
 */
export async function protectCommand(args: readonly string[], io: CliIO): Promise<ExitCode> {
  const { values, positionals } = parseCommandArgs(args, {
    keys: { type: 'string' },
    out: { type: 'string', short: 'o' },
    rejects: { type: 'string' },
    format: { type: 'string' },
    encoding: { type: 'string' },
    delimiter: { type: 'string' },
    policy: { type: 'string' },
    workers: { type: 'string' },
  });
  if (values.help) {
    await write(io.stdout, PROTECT_HELP);
    return EXIT.OK;
  }
  if (positionals.length !== 1) throw usage('give exactly one input: a file, or - for stdin');
  const inPath = positionals[0]!;
  const format = choiceOption<RecordFormat>('--format', values.format, ['csv', 'ndjson', 'json']);
  const delimiter = parseDelimiter(values.delimiter);
  if (delimiter !== undefined && format !== undefined && format !== 'csv') throw usage('--delimiter applies to CSV input only');
  const encoding = choiceOption<InputEncoding>('--encoding', values.encoding, INPUT_ENCODINGS);
  const workers = intOption('--workers', values.workers, 0, 64, defaultWorkers());
  refuseSameFile(inPath, [['-o', values.out], ['--rejects', values.rejects]]);
  const quiet = values.quiet === true;

  const { keyring, json, exposed } = loadKeyring(required('--keys', values.keys));
  if (exposed && !quiet) await write(io.stderr, 'waybill-shield protect: warning: the keyring file can be read by other users; chmod 600 it\n');
  const policy: MaskPolicy | undefined = values.policy === undefined ? undefined : await loadPolicy(values.policy);

  const input = await openInput(inPath, io, { spool: true });
  try {
    const ignoredNote = (cols: number[]) => {
      if (!quiet) {
        const many = cols.length > 1;
        io.stderr.write(`waybill-shield protect: note: CSV column${many ? 's' : ''} ${cols.join(', ')} name${many ? '' : 's'} no waybill field and ${many ? 'are' : 'is'} ignored\n`);
      }
    };
    const { items } = await readRecords(input.stream, {
      ext: input.ext,
      ...(input.path === undefined ? {} : { path: input.path }),
      ...(encoding === undefined ? {} : { encoding }),
      ...(format === undefined ? {} : { format }),
      ...(delimiter === undefined ? {} : { delimiter }),
      onIgnoredColumns: ignoredNote,
    });
    const out = await openOutput(values.out, io);
    const rejectsOut = values.rejects === undefined ? undefined : await openOutput(values.rejects, io);
    const rejectStream = rejectsOut?.stream ?? io.stderr;

    // Worker threads run with capped heaps (see WORKER_LIMITS); `--workers 0` protects on this
    // thread instead, for hosts without worker threads, with no such cap.
    const pool = workers > 0 ? new ProtectPool(workers, policy === undefined ? { keys: json } : { keys: json, policy }, workerLimits(io.env)) : undefined;
    let local: typeof import('./_batch.js').protectBatch | undefined;
    const onMainThread = async (batch: InputItem[]): Promise<BatchResult> => {
      local ??= (await import('./_batch.js')).protectBatch;
      await new Promise((r) => setImmediate(r));
      return local(batch, keyring, policy);
    };
    let redone = 0;
    const run = (batch: InputItem[]): Promise<BatchResult> =>
      pool
        ? pool.run(batch).catch((e: unknown) => {
            if (e !== WORKER_LOST) throw e;
            // The worker died with this batch: protect it here rather than lose its rows.
            redone++;
            return onMainThread(batch);
          })
        : onMainThread(batch);
    // One batch per worker in flight (two for a single worker, so it never waits for the main
    // thread to read the next one): on 100,000 rows with --workers 2, two per worker peaked
    // 10–15 MB higher (held input and output of two more batches) for no measurable throughput.
    const maxInFlight = pool ? Math.max(2, workers) : 1;

    const progress = startProgress(io, 'protect', input.size, quiet);
    const bytesRead = () => (input.stream as Partial<ReadStream>).bytesRead;
    let read = 0;
    let done = 0;
    let ok = 0;
    let rejected = 0;
    const csvLines: number[] = [];
    let missing: { count: number; row: number } | undefined;
    const inFlight: { rows: number; first: number; result: Promise<BatchResult> }[] = [];
    const drainOne = async () => {
      const b = inFlight.shift()!;
      const r = await b.result;
      await write(out.stream, r.out);
      if (r.rejects.length > 0) await write(rejectStream, r.rejects.map((x) => `${JSON.stringify(x)}\n`).join(''));
      for (const x of r.rejects) if (x.line !== undefined && x.issues.some((i) => i.rule === 'csv') && csvLines.length < 20) csvLines.push(x.line);
      const got = r.ok + r.rejects.length;
      if (got !== b.rows && missing === undefined) missing = { count: 0, row: b.first };
      if (got < b.rows) missing!.count += b.rows - got;
      ok += r.ok;
      done += got;
      rejected += r.rejects.length;
      progress.update(done, bytesRead());
    };
    const submit = (batch: InputItem[]) => {
      inFlight.push({ rows: batch.length, first: batch[0]!.row, result: run(batch) });
    };

    try {
      let batch: InputItem[] = [];
      let batchBytes = 0;
      for await (let item of items) {
        read++;
        const size = 'value' in item ? (item.bytes ?? 0) : 0;
        if (size > MAX_WAYBILL_BYTES) {
          item = { row: item.row, ...(item.line === undefined ? {} : { line: item.line }), error: { code: 'INVALID_INPUT', issues: [{ path: '', rule: 'too_long' }] } };
        } else batchBytes += size;
        batch.push(item);
        if (batch.length < BATCH && batchBytes < BATCH_BYTES) continue;
        submit(batch);
        batch = [];
        batchBytes = 0;
        while (inFlight.length >= maxInFlight) await drainOne();
      }
      if (batch.length > 0) submit(batch);
      while (inFlight.length > 0) await drainOne();
    } catch (e) {
      // The input stopped being readable part-way (a read error, a broken stream; stdin is spooled
      // and checked first, so not a byte that does not decode): say how far it got, so the rows
      // after it are not silently missing.
      if (e instanceof CliError && read > 0) {
        throw new CliError(e.code, `${e.message}; stopped after row ${read}: ${done} rows were written or rejected, and the rows after row ${read} were not read`, {
          exit: e.exit,
          ...(e.hint === undefined ? {} : { hint: e.hint }),
        });
      }
      throw e;
    } finally {
      progress.stop();
      // Settle batches still running after a failure so none rejects unobserved.
      await Promise.allSettled(inFlight.map((b) => b.result));
      await pool?.close();
    }
    await out.close();
    await rejectsOut?.close();
    if (!quiet && redone > 0) await write(io.stderr, `waybill-shield protect: warning: ${redone} batch${redone > 1 ? 'es were' : ' was'} protected on the main thread after a worker thread stopped\n`);
    if (!quiet && csvLines.length > 0) await write(io.stderr, `waybill-shield protect: note: CSV line${csvLines.length > 1 ? 's' : ''} ${csvLines.join(', ')}${csvLines.length >= 20 ? ', …' : ''} could not be read (unbalanced quotation marks); reading resumed on the next line\n`);
    if (!quiet) await write(io.stderr, `waybill-shield protect: ${read} read, ${ok} protected, ${rejected} rejected\n`);
    if (missing !== undefined || read !== ok + rejected) {
      const count = missing?.count || Math.abs(read - ok - rejected);
      throw new CliError('IO_ERROR', `${count} rows are unaccounted for (read ${read}, protected ${ok}, rejected ${rejected}), starting at row ${missing?.row ?? ok + rejected + 1}`, {
        hint: 'the output is incomplete; run again with --workers 0',
      });
    }
    return rejected > 0 ? EXIT.REJECTED : EXIT.OK;
  } finally {
    input.release();
  }
}

function parseDelimiter(v: string | undefined): string | undefined {
  if (v === undefined) return undefined;
  if (v === 'tab' || v === '\\t') return '\t';
  if ([...v].length !== 1 || /[\r\n"]/.test(v)) throw usage('--delimiter must be one character (or "tab"), not a quote or newline');
  return v;
}
