/**
 * `waybill-shield verify-audit FILE`: check a JSONL audit file written through an `AuditChain`:
 * every record well formed, numbered without gaps, and linked to the previous one by its hash.
 * Streams the file in slices, so the size of the log does not matter; each slice is verified
 * from the head the previous slice ended on.
 * @module
 */
import { AuditChain, type AuditHead } from '../audit/index.js';
import { EXIT, CliError, usage, type ExitCode } from './_errors.js';
import { parseCommandArgs } from './_args.js';
import { openInput, write, type CliIO } from './_io.js';
import { readNdjson } from './_records.js';

/** `verify-audit --help`. */
export const VERIFY_AUDIT_HELP = `Usage: waybill-shield verify-audit FILE [--head HASH]

Verify a hash-chained audit file (JSONL, as written by JsonlAuditSink or \`token --audit\`).
Prints the record count and the head (seq and hash of the last record) and exits 0 when the
chain holds; otherwise names the first bad line and what is wrong with it (malformed, broken,
missing or reordered) and exits with code 4. FILE may be - for stdin.

Options:
  --head HASH   the hash of the last record, kept elsewhere: also detects truncation and rewrites
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
  for await (const item of readNdjson(input.stream)) {
    // An unreadable line stays in place as a malformed record, so verification names it.
    records.push('value' in item ? item.value : null);
    lines.push(item.line ?? item.row);
    if (records.length >= SLICE) check();
  }
  check();
  if (values.head !== undefined && from?.hash !== values.head) {
    throw new CliError('AUDIT_FAILED', 'the last record does not match --head', {
      exit: EXIT.REFUSED,
      hint: 'records were removed from the end, or the file was rewritten',
    });
  }
  await write(io.stdout, `${JSON.stringify({ ok: true, count, head: from ?? null })}\n`);
  return EXIT.OK;
}
