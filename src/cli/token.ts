/**
 * `waybill-shield token issue|redeem`: reveal tokens for support staff and scripts.
 *
 * `issue` prints a courier-bound token. `redeem` checks one as the backend would, and with
 * `--record` opens the granted fields of that protected waybill. Redemption here uses an
 * in-process ledger: use counts and lockouts do not carry over between invocations, so
 * production redemption belongs in the backend, through the API and a shared ledger.
 * @module
 */
import { readFileSync, statSync } from 'node:fs';
import { issueRevealToken, redeemRevealToken, reveal, formatRevealToken, MAX_TOKEN_VALIDITY_MS } from '../reveal/index.js';
import { MemoryLedger } from '../ledger/index.js';
import { AuditChain } from '../audit/index.js';
import { JsonlAuditSink } from '../audit/jsonl.js';
import { SEALED_FIELDS, type SealedField } from '../schema.js';
import { WaybillShieldError } from '../errors.js';
import type { ProtectedWaybill } from '../protect.js';
import { CliError, EXIT, usage, type ExitCode } from './_errors.js';
import { intOption, parseCommandArgs, required } from './_args.js';
import { ioError, write, type CliIO } from './_io.js';
import { loadKeyring } from './_keys.js';

/** `token --help`. */
export const TOKEN_HELP = `Usage: waybill-shield token issue  --keys FILE --waybill ID --courier ID [options]
       waybill-shield token redeem [TOKEN|-] --keys FILE --waybill ID --courier ID [options]

issue: print a reveal token that lets one courier, on one assignment of one waybill, see the
granted fields (default: the recipient's phone) during a validity window.

redeem: check a token as the backend does. Prints {"accepted":true,"fields":[…]}, or with
--record the revealed fields of that protected waybill as JSON. A refused token exits with
code 4 and one line naming TOKEN_REJECTED, never the reason (it goes to the audit record).
Use counts and lockouts are kept in memory for this one run only; the backend keeps them
in a shared ledger.

The token to redeem: - reads it from stdin; with no argument it is taken from the environment
variable WAYBILL_SHIELD_TOKEN. Prefer either: a token given as an argument is visible to other
users of the machine (ps, /proc/<pid>/cmdline) while the command runs.

Options:
  --keys FILE           keyring (required)
  --waybill ID          waybill id (required)
  --courier ID          courier id (required)
  --assignment N        assignment number (default 0, or the --record's assignment)
  --valid-hours H       issue: validity from now, 1 to 256 hours (default 12)
  --fields LIST         issue: comma-separated fields to grant (default recipient.phone)
  --record FILE         redeem: a protected waybill (JSON, or NDJSON holding it) to reveal
  --audit FILE          append audit records (JSONL, hash-chained) to FILE; one writer at a
                        time (a second concurrent writer fails with AUDIT_LOCKED)
  --actor ID            issue: who issues, for the audit record (default system)
  -h, --help            this help

Examples:
  waybill-shield token issue --keys keys.json --waybill VN2025000123 --courier courier-042 --assignment 1
  echo "$TOKEN" | waybill-shield token redeem - --keys keys.json --waybill VN2025000123 \\
      --courier courier-042 --record record.json --audit audit.jsonl
  WAYBILL_SHIELD_TOKEN="$TOKEN" waybill-shield token redeem --keys keys.json --waybill VN2025000123 --courier courier-042
`;

/** Environment variable `token redeem` reads the token from when no argument is given. */
export const TOKEN_ENV = 'WAYBILL_SHIELD_TOKEN';

const ID = /^[A-Za-z0-9][A-Za-z0-9._\-]{0,63}$/;

function idOption(name: string, v: string | undefined): string {
  const s = required(name, v);
  if (!ID.test(s)) throw usage(`${name} must be an identifier (letters, digits, . _ -)`);
  return s;
}

function parseFields(v: string | undefined): SealedField[] | undefined {
  if (v === undefined) return undefined;
  const list = v.split(',').map((s) => s.trim()).filter((s) => s.length > 0);
  for (const f of list) if (!(SEALED_FIELDS as readonly string[]).includes(f)) throw usage(`--fields takes field paths: ${SEALED_FIELDS.join(', ')}`);
  if (list.length === 0) throw usage('--fields is empty');
  return list as SealedField[];
}

/** Read a protected waybill: a JSON object, or the NDJSON line whose id matches. */
function readRecord(path: string, waybillId: string): ProtectedWaybill {
  let text: string;
  try {
    if (statSync(path).size > 64 * 1024 * 1024) throw new CliError('INVALID_INPUT', 'the record file is too large', { hint: 'give a file holding the one record' });
    text = readFileSync(path, 'utf8');
  } catch (e) {
    if (e instanceof CliError) throw e;
    throw ioError(e, 'cannot read the record file');
  }
  const candidates: unknown[] = [];
  try {
    candidates.push(JSON.parse(text));
  } catch {
    for (const line of text.split('\n')) {
      if (line.trim() === '') continue;
      try {
        candidates.push(JSON.parse(line));
      } catch {
        // Not every line needs to parse; only the matching record matters.
      }
    }
  }
  const flat = candidates.flatMap((c) => (Array.isArray(c) ? c : [c]));
  const hit = flat.find((c) => typeof c === 'object' && c !== null && (c as { id?: unknown }).id === waybillId);
  if (hit === undefined) throw new CliError('INVALID_INPUT', 'the record file holds no protected waybill with that id', { hint: 'check --waybill and --record' });
  return hit as ProtectedWaybill;
}

/** An audit chain on a locked JSONL file, and how to release it. */
function auditChain(path: string | undefined): { chain: AuditChain; close: () => void } | undefined {
  if (path === undefined) return undefined;
  const sink = new JsonlAuditSink(path);
  try {
    return { chain: new AuditChain({ sinks: sink }), close: () => sink.close() };
  } catch (e) {
    sink.close();
    throw e;
  }
}

/**
 * Run `token issue` or `token redeem`.
 * @param args - arguments after `token`
 * @param io - process streams
 * @returns exit code 0; refusals throw and exit 4
 * @throws CliError / WaybillShieldError (`TOKEN_REJECTED`, `TOKEN_LOCKED` exit 4)
 */
export async function tokenCommand(args: readonly string[], io: CliIO): Promise<ExitCode> {
  const [sub, ...rest] = args;
  if (sub === undefined || sub === '--help' || sub === '-h') {
    await write(io.stdout, TOKEN_HELP);
    return sub === undefined ? EXIT.USAGE : EXIT.OK;
  }
  if (sub !== 'issue' && sub !== 'redeem') throw usage('token takes a subcommand: issue or redeem');
  const { values, positionals } = parseCommandArgs(rest, {
    keys: { type: 'string' },
    waybill: { type: 'string' },
    courier: { type: 'string' },
    assignment: { type: 'string' },
    'valid-hours': { type: 'string' },
    fields: { type: 'string' },
    record: { type: 'string' },
    audit: { type: 'string' },
    actor: { type: 'string' },
  });
  if (values.help) {
    await write(io.stdout, TOKEN_HELP);
    return EXIT.OK;
  }
  const waybillId = idOption('--waybill', values.waybill);
  const courierId = idOption('--courier', values.courier);
  const { keyring, exposed } = loadKeyring(required('--keys', values.keys));
  if (exposed && !values.quiet) await write(io.stderr, 'waybill-shield token: warning: the keyring file can be read by other users; chmod 600 it\n');

  if (sub === 'issue') {
    if (positionals.length > 0) throw usage('token issue takes no arguments');
    if (values.record !== undefined) throw usage('--record applies to token redeem');
    const hours = intOption('--valid-hours', values['valid-hours'], 1, MAX_TOKEN_VALIDITY_MS / 3_600_000, 12);
    const assignment = intOption('--assignment', values.assignment, 0, 0x7fffffff, 0);
    const fields = parseFields(values.fields);
    const now = Date.now();
    const opened = auditChain(values.audit);
    const audit = opened?.chain;
    let token;
    try {
      token = issueRevealToken({
      keyring,
      waybillId,
      courierId,
      assignment,
      notAfter: new Date(Math.min(now + hours * 3_600_000, now + MAX_TOKEN_VALIDITY_MS - 15 * 60_000)),
      ...(fields ? { fields } : {}),
      ...(audit ? { audit } : {}),
      ...(values.actor !== undefined ? { actor: values.actor } : {}),
      });
    } finally {
      opened?.close();
    }
    await write(io.stdout, `${formatRevealToken(token)}\n`);
    return EXIT.OK;
  }

  if (values['valid-hours'] !== undefined || values.fields !== undefined || values.actor !== undefined) {
    throw usage('--valid-hours, --fields and --actor apply to token issue');
  }
  if (positionals.length > 1) throw usage('give the token, - to read it from stdin, or nothing to read it from WAYBILL_SHIELD_TOKEN');
  const token = positionals[0] === '-' ? (await readAll(io)).trim() : positionals[0] ?? fromEnv(io);
  const record = values.record === undefined ? undefined : readRecord(values.record, waybillId);
  const assignment = intOption('--assignment', values.assignment, 0, 0x7fffffff, record?.assignment?.number ?? 0);
  const opened = auditChain(values.audit);
  const audit = opened?.chain;
  try {
    const ledger = new MemoryLedger();
    // Durability check: this in-process ledger never keeps a use past the run; say so when a use is taken.
    const health = await ledger.check();
    const grant = await redeemRevealToken(token, { keyring, waybillId, courierId, assignment, ledger, ...(audit ? { audit } : {}), ...(record ? { record } : {}) });
    for (const w of health.ok ? [] : health.warnings) await write(io.stderr, `waybill-shield token: warning: ${w}\n`);
    if (record === undefined) {
      await write(io.stdout, `${JSON.stringify({ accepted: true, fields: grant.fields })}\n`);
      return EXIT.OK;
    }
    const shown = reveal(record, grant, { keyring, ...(audit ? { audit } : {}) });
    await write(io.stdout, `${JSON.stringify(shown)}\n`);
    return EXIT.OK;
  } finally {
    opened?.close();
  }
}

function fromEnv(io: CliIO): string {
  const v = io.env[TOKEN_ENV];
  if (v === undefined || v.trim() === '') throw usage(`give the token, - to read it from stdin, or set ${TOKEN_ENV}`);
  if (v.length > 4096) throw new WaybillShieldError('INVALID_INPUT', `the token in ${TOKEN_ENV} is too long`);
  return v.trim();
}

async function readAll(io: CliIO): Promise<string> {
  let text = '';
  for await (const chunk of io.stdin) {
    text += typeof chunk === 'string' ? chunk : (chunk as Buffer).toString('utf8');
    // A token is short; anything long is not one.
    if (text.length > 4096) throw new WaybillShieldError('INVALID_INPUT', 'the token read from stdin is too long');
  }
  return text;
}
