/**
 * `waybill-shield protect`: waybills in (CSV, NDJSON or a JSON array, from a file or stdin),
 * protected waybills out as NDJSON, rejected rows to a rejects file as `{ row, line, code,
 * issues }` without values. The run goes on past bad rows; exit code 3 says some were rejected.
 *
 * Memory stays flat on inputs of any length: records stream from the parser in batches, at most
 * a few batches are in flight, and each batch's output is written (waiting for `drain`) before
 * more input is read. Batches are protected on `--workers N` worker threads (default 1) with
 * capped heaps, and written back in input order; the main thread only reads and writes.
 * @module
 */
import type { ReadStream } from 'node:fs';
import { EXIT, usage, type ExitCode } from './_errors.js';
import { choiceOption, intOption, parseCommandArgs, required } from './_args.js';
import { openInput, openOutput, write, type CliIO } from './_io.js';
import { loadKeyring, loadPolicy } from './_keys.js';
import { readRecords, type InputItem, type RecordFormat } from './_records.js';
import type { BatchResult } from './_batch.js';
import { ProtectPool } from './_pool.js';
import { startProgress } from './_progress.js';
import type { MaskPolicy } from '../policy.js';
import { defaultWorkers } from './_workers.js';

/** `protect --help`. */
export const PROTECT_HELP = `Usage: waybill-shield protect IN [options]

Validate, mask and seal waybills. IN is a CSV, NDJSON or JSON-array file, or - for stdin.
Writes one protected waybill per line (NDJSON) to stdout or -o. Rows that fail validation go
to --rejects as {"row","line","code","issues"} lines (field paths and rules, never values);
the run goes on and exits with code 3 when any row was rejected.

CSV: the header names fields by dotted path (recipient.phone) or snake_case (recipient_phone).
Quotes, embedded newlines and a UTF-8 BOM are handled; the separator (, ; tab |) is detected
from the header unless --delimiter is given. Numbers may use thousands separators (32.000.000).

Options:
  --keys FILE         keyring written by \`waybill-shield keygen\` (required)
  -o, --out FILE      output file (default: stdout)
  --rejects FILE      rejected rows as NDJSON (default: stderr)
  --format F          input format: csv, ndjson or json (default: from the extension or content)
  --delimiter C       CSV separator: a single character, or "tab"
  --policy FILE       mask policy JSON (default: the Vietnamese default policy)
  --workers N         protect on N worker threads, output in input order (default: 0 on one or
                      two cores, else one per core but one, at most 8; 0 protects on the main thread)
  -q, --quiet         no progress bar, no summary
  --debug             stack traces on errors
  -h, --help          this help

Examples:
  waybill-shield protect orders.csv --keys keys.json -o protected.ndjson --rejects rejects.ndjson
  cat orders.ndjson | waybill-shield protect - --keys keys.json --workers 4 > protected.ndjson
  waybill-shield protect export.csv --delimiter ';' --keys keys.json --policy policy.json -o out.ndjson
`;

/** Rows per batch. Large enough to amortise worker messaging, small enough to keep memory flat. */
const BATCH = 256;

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
  const workers = intOption('--workers', values.workers, 0, 64, defaultWorkers());
  const quiet = values.quiet === true;

  const { keyring, json, exposed } = loadKeyring(required('--keys', values.keys));
  if (exposed && !quiet) await write(io.stderr, 'waybill-shield protect: warning: the keyring file can be read by other users; chmod 600 it\n');
  const policy: MaskPolicy | undefined = values.policy === undefined ? undefined : await loadPolicy(values.policy);

  const input = await openInput(inPath, io);
  const ignoredNote = (cols: number[]) => {
    if (!quiet) {
      const many = cols.length > 1;
      io.stderr.write(`waybill-shield protect: note: CSV column${many ? 's' : ''} ${cols.join(', ')} name${many ? '' : 's'} no waybill field and ${many ? 'are' : 'is'} ignored\n`);
    }
  };
  const { items } = await readRecords(input.stream, {
    ext: input.ext,
    ...(format === undefined ? {} : { format }),
    ...(delimiter === undefined ? {} : { delimiter }),
    onIgnoredColumns: ignoredNote,
  });
  const out = await openOutput(values.out, io);
  const rejectsOut = values.rejects === undefined ? undefined : await openOutput(values.rejects, io);
  const rejectStream = rejectsOut?.stream ?? io.stderr;

  // Worker threads run with capped heaps (see WORKER_LIMITS); `--workers 0` protects on this
  // thread instead, for hosts without worker threads, with no such cap.
  const pool = workers > 0 ? new ProtectPool(workers, policy === undefined ? { keys: json } : { keys: json, policy }) : undefined;
  const local = pool ? undefined : (await import('./_batch.js')).protectBatch;
  const run = (batch: InputItem[]): Promise<BatchResult> =>
    pool ? pool.run(batch) : new Promise((resolve) => setImmediate(() => resolve(local!(batch, keyring, policy))));
  const maxInFlight = pool ? workers * 2 : 1;

  const progress = startProgress(io, 'protect', input.size, quiet);
  const bytesRead = () => (input.stream as Partial<ReadStream>).bytesRead;
  let done = 0;
  let rejected = 0;
  const inFlight: Promise<BatchResult>[] = [];
  const drainOne = async () => {
    const r = await inFlight.shift()!;
    await write(out.stream, r.out);
    if (r.rejects.length > 0) await write(rejectStream, r.rejects.map((x) => `${JSON.stringify(x)}\n`).join(''));
    done += r.ok + r.rejects.length;
    rejected += r.rejects.length;
    progress.update(done, bytesRead());
  };

  try {
    let batch: InputItem[] = [];
    for await (const item of items) {
      batch.push(item);
      if (batch.length < BATCH) continue;
      inFlight.push(run(batch));
      batch = [];
      while (inFlight.length >= maxInFlight) await drainOne();
    }
    if (batch.length > 0) inFlight.push(run(batch));
    while (inFlight.length > 0) await drainOne();
  } finally {
    progress.stop();
    // Settle batches still running after a failure so none rejects unobserved.
    await Promise.allSettled(inFlight);
    await pool?.close();
  }
  await out.close();
  await rejectsOut?.close();
  if (!quiet) {
    await write(io.stderr, `waybill-shield protect: ${done - rejected} protected, ${rejected} rejected\n`);
  }
  return rejected > 0 ? EXIT.REJECTED : EXIT.OK;
}

function parseDelimiter(v: string | undefined): string | undefined {
  if (v === undefined) return undefined;
  if (v === 'tab' || v === '\\t') return '\t';
  if ([...v].length !== 1 || /[\r\n"]/.test(v)) throw usage('--delimiter must be one character (or "tab"), not a quote or newline');
  return v;
}
