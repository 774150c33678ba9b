/**
 * `waybill-shield label`: protected waybills (NDJSON or a JSON array, as `protect` writes them)
 * in, labels out: fixed-width text, ZPL II for a Zebra printer queue, or SVG previews. With
 * `--token-for COURIER` each label's QR also carries a reveal token for that courier.
 * @module
 */
import { statSync } from 'node:fs';
import { join } from 'node:path';
import { renderLabel, type LabelDpi, type LabelFormat, type LabelSize, type RenderLabelOptions } from '../label/index.js';
import { resolveLabelOptions } from '../label/_options.js';
import { issueRevealToken, MAX_TOKEN_VALIDITY_MS } from '../reveal/index.js';
import { WaybillShieldError } from '../errors.js';
import type { ProtectedWaybill } from '../protect.js';
import type { Keyring } from '../keys/keyring.js';
import { EXIT, usage, type ExitCode } from './_errors.js';
import { choiceOption, intOption, parseCommandArgs, required } from './_args.js';
import { openInput, openOutput, refuseSameFile, write, type CliIO, type Output } from './_io.js';
import { loadKeyring } from './_keys.js';
import { readRecords, type RecordFormat } from './_records.js';
import { INPUT_ENCODINGS, type InputEncoding } from './_decode.js';
import type { RejectRecord } from './_batch.js';

/** `label --help`. */
export const LABEL_HELP = `Usage: waybill-shield label IN --format text|zpl|svg [options]

Render labels from protected waybills. IN is NDJSON (one protected waybill per line, as written
by \`waybill-shield protect\`) or a JSON array, or - for stdin (copied in full to a private file
under $TMPDIR and checked before any output is written). Records that are not protected
waybills go to --rejects (row, code, issues; no values) and the run goes on (exit code 3).
Every record read is either printed or rejected; the summary prints records read, labels and
rejects. With -o DIR, a second record with an id already written goes to <id>-2.<ext> (then
-3, …), and each such rename is reported on stderr.

Options:
  --format F             text (fixed-width, for logs), zpl (ZPL II) or svg (preview) (required)
  -o, --out OUT|DIR      output file; or a directory for one file per label, named <id>.txt|.zpl|.svg
                         (default: stdout; ZPL and text labels follow one another, SVG needs a DIR
                         for more than one label)
  --size S               100x150 (default) or A6
  --dpi D                203 (default) or 300
  --font NAME            ZPL ^A@ font (default E:TT0003M_.TTF, the resident Zebra Unicode font)
  --fold                 unaccented Vietnamese, for printers without a Unicode font
  --names S              initials (default) or given-name: the name masks the records were
                         protected with; a label showing more than that is rejected
  --token-for COURIER    put a reveal token for this courier in each label's QR
  --valid-hours H        token validity from now, 1 to 256 hours (required with --token-for)
  --keys FILE            keyring (required with --token-for)
  --rejects FILE         rejected records as NDJSON (default: stderr)
  --input F              input format: ndjson or json (default: from the extension or content)
  --encoding E           input encoding: utf-8 (default; read strictly), utf-16le or windows-1258
  -q, --quiet            no summary
  -h, --help             this help

Examples:
  waybill-shield label protected.ndjson --format zpl | lp -d zebra -o raw
  waybill-shield label protected.ndjson --format zpl --token-for courier-042 --valid-hours 12 --keys keys.json -o run.zpl
  waybill-shield label protected.ndjson --format svg -o previews/
  waybill-shield label protected.ndjson --format zpl --fold --dpi 300 --size A6 -o labels.zpl
`;

const EXT: Readonly<Record<LabelFormat, string>> = { text: '.txt', zpl: '.zpl', svg: '.svg' };
/** An id that is safe as a file name: the schema's identifier rule, never `.` or `..` alone. */
const FILE_ID = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;

function isDirectory(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

/**
 * Run `label`.
 * @param args - arguments after the command name
 * @param io - process streams
 * @returns exit code: 0, or 3 when records were rejected
 * @throws CliError for usage, input, keyring and output failures; WaybillShieldError `RENDER_FAILED` for bad label options
 */
export async function labelCommand(args: readonly string[], io: CliIO): Promise<ExitCode> {
  const { values, positionals } = parseCommandArgs(args, {
    format: { type: 'string' },
    out: { type: 'string', short: 'o' },
    size: { type: 'string' },
    dpi: { type: 'string' },
    font: { type: 'string' },
    fold: { type: 'boolean' },
    names: { type: 'string' },
    'token-for': { type: 'string' },
    'valid-hours': { type: 'string' },
    keys: { type: 'string' },
    rejects: { type: 'string' },
    input: { type: 'string' },
    encoding: { type: 'string' },
  });
  if (values.help) {
    await write(io.stdout, LABEL_HELP);
    return EXIT.OK;
  }
  if (positionals.length !== 1) throw usage('give exactly one input: a file, or - for stdin');
  const format = required('--format', choiceOption<LabelFormat>('--format', values.format, ['text', 'zpl', 'svg']));
  const size = choiceOption<LabelSize>('--size', values.size, ['100x150', 'A6']);
  const dpiText = choiceOption('--dpi', values.dpi, ['203', '300']);
  const inputFormat = choiceOption<RecordFormat>('--input', values.input, ['ndjson', 'json']);
  const encoding = choiceOption<InputEncoding>('--encoding', values.encoding, INPUT_ENCODINGS);
  const names = choiceOption<'initials' | 'given-name'>('--names', values.names, ['initials', 'given-name']);
  const opts: RenderLabelOptions = { format };
  if (names !== undefined) opts.names = names;
  if (size !== undefined) opts.size = size;
  if (dpiText !== undefined) opts.dpi = Number(dpiText) as LabelDpi;
  if (values.font !== undefined) opts.font = values.font;
  if (values.fold) opts.fold = true;
  // Options are checked once, before any input is read.
  resolveLabelOptions(opts);

  const courier = values['token-for'];
  if ((courier === undefined) !== (values['valid-hours'] === undefined)) throw usage('--token-for and --valid-hours go together');
  let tokens: { keyring: Keyring; courierId: string; notAfter: Date } | undefined;
  if (courier !== undefined) {
    const hours = intOption('--valid-hours', values['valid-hours'], 1, MAX_TOKEN_VALIDITY_MS / 3_600_000, 12);
    const { keyring, exposed } = loadKeyring(required('--keys (with --token-for)', values.keys));
    if (exposed && !values.quiet) await write(io.stderr, 'waybill-shield label: warning: the keyring file can be read by other users; chmod 600 it\n');
    if (!/^[A-Za-z0-9][A-Za-z0-9._\-]{0,63}$/.test(courier)) throw usage('--token-for must be a courier id (letters, digits, . _ -)');
    // The window ends on a 15-minute boundary; keep it within the maximum after rounding up.
    const notAfter = new Date(Math.min(Date.now() + hours * 3_600_000, Date.now() + MAX_TOKEN_VALIDITY_MS - 15 * 60_000));
    tokens = { keyring, courierId: courier, notAfter };
  }

  const outPath = values.out;
  const toDir = outPath !== undefined && outPath !== '-' && (outPath.endsWith('/') || isDirectory(outPath));
  if (toDir && !isDirectory(outPath)) throw usage('the output directory does not exist', 'create it first');
  refuseSameFile(positionals[0]!, [['-o', toDir ? undefined : outPath], ['--rejects', values.rejects]]);

  const input = await openInput(positionals[0]!, io, { spool: true });
  try {
    const { items } = await readRecords(input.stream, {
      ext: input.ext,
      jsonOnly: true,
      ...(inputFormat ? { format: inputFormat } : {}),
      ...(encoding ? { encoding } : {}),
      ...(input.path === undefined ? {} : { path: input.path }),
    });
    const out: Output | undefined = toDir ? undefined : await openOutput(outPath, io);
    const rejectsOut = values.rejects === undefined ? undefined : await openOutput(values.rejects, io);
    const rejectStream = rejectsOut?.stream ?? io.stderr;

    let read = 0;
    let printed = 0;
    let rejected = 0;
    // File names written in this run (lowercased: a case-insensitive disk would merge `A1` and `a1`).
    const written = new Set<string>();
    const reject = async (r: RejectRecord) => {
      rejected++;
      await write(rejectStream, `${JSON.stringify(r)}\n`);
    };
    for await (const item of items) {
      read++;
      if ('error' in item) {
        await reject({ row: item.row, ...(item.line === undefined ? {} : { line: item.line }), code: item.error.code, issues: item.error.issues });
        continue;
      }
      const where = { row: item.row, ...(item.line === undefined ? {} : { line: item.line }) };
      const p = item.value as ProtectedWaybill;
      let text: string;
      try {
        const o = { ...opts };
        if (tokens) {
          const assigned: unknown = typeof p === 'object' && p !== null ? p.assignment : undefined;
          // No assignment at all means assignment 0; anything else must be a real one (a null or
          // malformed assignment is this record's problem, not the run's).
          if (assigned !== undefined && (typeof assigned !== 'object' || assigned === null || typeof (assigned as { courierId?: unknown }).courierId !== 'string')) {
            await reject({ ...where, code: 'INVALID_INPUT', issues: [{ path: 'assignment', rule: 'type' }] });
            continue;
          }
          const a = assigned as { courierId: string; number?: unknown } | undefined;
          if (a !== undefined && a.courierId !== tokens.courierId) {
            await reject({ ...where, code: 'INVALID_INPUT', issues: [{ path: 'assignment.courierId', rule: 'mismatch' }] });
            continue;
          }
          o.token = issueRevealToken({
            keyring: tokens.keyring,
            waybillId: typeof p === 'object' && p !== null && typeof p.id === 'string' ? p.id : '',
            courierId: tokens.courierId,
            assignment: (a?.number ?? 0) as number,
            notAfter: tokens.notAfter,
          });
        }
        text = renderLabel(p, o);
      } catch (e) {
        // Options were checked before any input was read, so any failure here is this record's.
        if (e instanceof WaybillShieldError) await reject({ ...where, code: e.code, issues: e.issues.map((i) => ({ path: i.path, rule: i.rule })) });
        else await reject({ ...where, code: 'INVALID_INPUT', issues: [{ path: '', rule: 'invalid' }] });
        continue;
      }
      if (toDir) {
        const id = typeof p.id === 'string' && FILE_ID.test(p.id) ? p.id : undefined;
        if (id === undefined) {
          await reject({ ...where, code: 'INVALID_INPUT', issues: [{ path: 'id', rule: 'format' }] });
          continue;
        }
        let name = `${id}${EXT[format]}`;
        for (let n = 2; written.has(name.toLowerCase()); n++) name = `${id}-${n}${EXT[format]}`;
        written.add(name.toLowerCase());
        if (name !== `${id}${EXT[format]}` && !values.quiet) {
          await write(io.stderr, `waybill-shield label: note: row ${item.row} repeats an id already written; its label is ${name}\n`);
        }
        const file = await openOutput(join(outPath, name), io);
        await write(file.stream, text);
        await file.close();
      } else {
        if (format === 'svg' && printed === 1) {
          throw usage('an SVG file holds one label; give -o DIR to write one file per label');
        }
        // Text labels are separated by a blank line; ZPL formats follow one another.
        await write(out!.stream, format === 'text' && printed > 0 ? `\n${text}` : text);
      }
      printed++;
    }
    await out?.close();
    await rejectsOut?.close();
    if (!values.quiet) await write(io.stderr, `waybill-shield label: ${read} read, ${printed} labels, ${rejected} rejected\n`);
    return rejected > 0 ? EXIT.REJECTED : EXIT.OK;
  } finally {
    input.release();
  }
}
