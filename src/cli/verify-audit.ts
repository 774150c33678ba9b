/**
 * `waybill-shield verify-audit FILE`: check a JSONL audit file written through an `AuditChain`:
 * every record well formed, numbered without gaps, and linked to the previous one by its hash.
 * Streams the file in slices, so the size of the log does not matter; each slice is verified
 * from the head the previous slice ended on. A line counts as a record only in its canonical
 * form: a field outside the record or a duplicated key makes it malformed.
 * @module
 */
import { AuditChain, type AuditHead } from '../audit/index.js';
import { EXIT, CliError, usage, type ExitCode } from './_errors.js';
import { parseCommandArgs } from './_args.js';
import { openInput, write, type CliIO } from './_io.js';
import { physicalLines } from './_records.js';
import { parseAuditLine } from '../audit/_line.js';

/** `verify-audit --help`. */
export const VERIFY_AUDIT_HELP = `Usage: waybill-shield verify-audit FILE [--head HASH]

Verify a hash-chained audit file (JSONL, as written by JsonlAuditSink or \`token --audit\`).
Prints the record count, the number of audit-repair records (a torn last line moved aside to
FILE.torn-<time> when the file was reopened) and the head (seq and hash of the last record),
and exits 0 when the chain holds; otherwise names the first bad line and what is wrong with it
(malformed, broken, missing or reordered) and exits with code 4. A record with a field outside
the canonical set, or a duplicated key, is malformed. FILE may be - for stdin.

Options:
  --head HASH   a head kept elsewhere (the hash of a record, e.g. stored after each write): the
                chain must pass through it. Detects truncation (records removed from the end,
                or a torn record moved aside and replaced) and rewrites
  -h, --help    this help

Examples:
  waybill-shield verify-audit /var/log/waybill/audit.jsonl
  waybill-shield verify-audit audit.jsonl --head 3f5c…e1
`;

const SLICE = 4096;

/**
 * Run `verify-audit`.
 * @param args - arguments after the command name
 * @param io - process streams
 * @returns 0 when the chain verifies
 * @throws CliError `AUDIT_FAILED` (exit 4) at the first bad record; `IO_ERROR`; `USAGE`
 */
export async function verifyAuditCommand(args: readonly string[], io: CliIO): Promise<ExitCode> {
  const { values, positionals } = parseCommandArgs(args, { head: { type: 'string' } });
  if (values.help) {
    await write(io.stdout, VERIFY_AUDIT_HELP);
    return EXIT.OK;
  }
  if (positionals.length !== 1) throw usage('give the audit file, or - for stdin');
  if (values.head !== undefined && !/^[0-9a-f]{64}$/.test(values.head)) throw usage('--head must be a 64-character hex hash');
  const input = await openInput(positionals[0]!, io);

  let from: AuditHead | undefined;
  let count = 0;
  let records: unknown[] = [];
  let lines: number[] = [];
  const refuse = (line: number, seq: number, problem: string) =>
    new CliError('AUDIT_FAILED', `${problem} record at line ${line} (expected seq ${seq})`, {
      exit: EXIT.REFUSED,
      hint: 'the audit file was altered, truncated or reordered from that line on',
    });
  const check = () => {
    if (records.length === 0) return;
    const r = AuditChain.verify(records, from === undefined ? {} : { from });
    if (!r.ok) throw refuse(lines[r.index] ?? lines[lines.length - 1]! + 1, r.seq, r.problem);
    count += r.count;
    from = r.head;
    records = [];
    lines = [];
  };
  let repairs = 0;
  let headSeen = false;
  const decoder = new TextDecoder('utf-8', { fatal: true });
  for await (const l of physicalLines(input.stream)) {
    if (l.buf !== null && l.buf.length === 0) continue;
    // An unreadable line stays in place as a malformed record, so verification names it.
    let value: unknown = null;
    if (l.buf !== null) {
      try {
        value = parseAuditLine(decoder.decode(l.buf));
      } catch {
        value = null;
      }
    }
    if (value !== null) {
      const r = value as { action?: unknown; hash?: unknown };
      if (r.action === 'audit-repair') repairs++;
      if (values.head !== undefined && r.hash === values.head) headSeen = true;
    }
    records.push(value);
    lines.push(l.n);
    if (records.length >= SLICE) check();
  }
  check();
  if (values.head !== undefined && !headSeen) {
    throw new CliError('AUDIT_FAILED', 'the chain does not pass through --head', {
      exit: EXIT.REFUSED,
      hint: 'records were removed from the end (a torn record moved aside counts), or the file was rewritten',
    });
  }
  await write(io.stdout, `${JSON.stringify({ ok: true, count, repairs, head: from ?? null })}\n`);
  return EXIT.OK;
}
