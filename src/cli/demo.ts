/**
 * `waybill-shield demo`: the end-to-end walk on bundled sample waybills, with a throwaway key
 * held in memory only. Intake → protected record → label in text, ZPL and SVG → the assigned
 * courier redeems a reveal token and sees the phone → another courier is refused → support
 * unseals one field with a stated purpose → the audit chain verifies. Nothing is written to disk.
 * @module
 */
import { Keyring } from '../keys/keyring.js';
import { protect, unseal, type ProtectedWaybill } from '../protect.js';
import { renderLabel } from '../label/index.js';
import { issueRevealToken, redeemRevealToken, reveal, formatRevealToken } from '../reveal/index.js';
import { MemoryLedger } from '../ledger/index.js';
import { AuditChain, MemoryAuditSink } from '../audit/index.js';
import { WaybillShieldError } from '../errors.js';
import { EXIT, usage, type ExitCode } from './_errors.js';
import { parseCommandArgs } from './_args.js';
import { write, type CliIO } from './_io.js';
import { SAMPLE_WAYBILLS } from './samples.js';

/** `demo --help`. */
export const DEMO_HELP = `Usage: waybill-shield demo

Walk through what waybill-shield does, on bundled sample waybills (invented people and phone
numbers) with a throwaway key that exists only in memory: intake, the protected record, the
label in text, ZPL and SVG, a courier reveal, a refused courier, a support unseal, and the
audit chain verified. Nothing is written to disk and no key is kept.

Options:
  -h, --help   this help

Example:
  npx waybill-shield demo
  npm run demo
`;

const RULE = '─'.repeat(72);

function envelopeShort(env: string): string {
  return env.length > 28 ? `${env.slice(0, 28)}… (${env.length} chars)` : env;
}

/** The record as stored, with envelopes shortened for the screen. */
function storedView(p: ProtectedWaybill): unknown {
  return {
    ...p,
    sealed: Object.fromEntries(Object.entries(p.sealed).map(([k, v]) => [k, envelopeShort(v)])),
  };
}

/**
 * Run `demo`.
 * @param args - arguments after the command name
 * @param io - process streams
 * @returns 0 when every step behaved as expected, 1 otherwise
 * @throws CliError `USAGE` for arguments
 */
export async function demoCommand(args: readonly string[], io: CliIO): Promise<ExitCode> {
  const { values, positionals } = parseCommandArgs(args, {});
  if (values.help) {
    await write(io.stdout, DEMO_HELP);
    return EXIT.OK;
  }
  if (positionals.length > 0) throw usage('demo takes no arguments');
  const say = (s = '') => write(io.stdout, `${s}\n`);
  const step = async (n: number, title: string) => {
    await say();
    await say(RULE);
    await say(`${n}. ${title}`);
    await say(RULE);
  };

  await say('NOTICE: demo mode. A throwaway key is generated in memory and discarded on exit.');
  await say('The waybills are bundled samples: the people and phone numbers are invented.');
  await say('Never use demo output, or a key you did not generate with `keygen`, for real parcels.');

  const keyring = Keyring.generate();
  const sink = new MemoryAuditSink();
  const audit = new AuditChain({ sinks: sink });
  const ledger = new MemoryLedger();
  const now = new Date();

  await step(1, 'Intake: the order as the backend receives it (full personal data)');
  const order = SAMPLE_WAYBILLS[0]!;
  await say(JSON.stringify(order, null, 2));

  await step(2, 'Protected record: what the backend stores and logs (masked, sealed, indexed)');
  const records = SAMPLE_WAYBILLS.map((w) => protect(w, { keyring, now }));
  const p = records[0]!;
  await say(JSON.stringify(storedView(p), null, 2));
  await say();
  await say('The other samples, as their labels will show them:');
  for (const r of records.slice(1)) {
    await say(`  ${r.id}: ${r.label.recipient.name}, ${r.label.recipient.phone}, ${r.label.recipient.address}; goods "${r.label.goods}"`);
  }

  const courierId = p.assignment?.courierId ?? 'courier-042';
  const assignment = p.assignment?.number ?? 0;
  const token = issueRevealToken({ keyring, waybillId: p.id, courierId, assignment, notAfter: new Date(now.getTime() + 12 * 3_600_000), audit });

  await step(3, `Label (printed; anyone who handles the parcel). QR: waybill id + token for ${courierId}`);
  await say(renderLabel(p, { format: 'text', token }).trimEnd());
  await say();
  const zpl = renderLabel(p, { format: 'zpl', token }).trimEnd().split('\n');
  await say(`ZPL II for a Zebra printer (${zpl.length} lines; every field ^FH hex-escaped):`);
  for (const l of zpl.slice(0, 12)) await say(`  ${l}`);
  await say(`  … ${zpl.length - 13} more lines …`);
  await say(`  ${zpl[zpl.length - 1]}`);
  const svg = renderLabel(p, { format: 'svg', token });
  await say();
  await say(`SVG preview: ${svg.length.toLocaleString('en-US')} bytes, ${svg.slice(0, svg.indexOf('>') + 1)}`);
  await say(`Sensitive goods get a neutral label: ${records[1]!.id} prints goods as "${records[1]!.label.goods}".`);

  let ok = true;
  await step(4, `Courier reveal: ${courierId} scans the QR at the door and redeems the token`);
  await say(`token: ${formatRevealToken(token)}`);
  const grant = await redeemRevealToken(token, { keyring, waybillId: p.id, courierId, assignment, ledger, audit });
  const shown = reveal(p, grant, { keyring, audit });
  await say(`granted fields: ${grant.fields.join(', ')}`);
  await say(`courier app shows: ${JSON.stringify(shown)}`);
  ok &&= typeof shown['recipient.phone'] === 'string';

  await step(5, 'Wrong courier: someone else presents the same token');
  try {
    await redeemRevealToken(token, { keyring, waybillId: p.id, courierId: 'courier-999', assignment, ledger, audit });
    await say('UNEXPECTED: the token was accepted for another courier');
    ok = false;
  } catch (e) {
    if (!(e instanceof WaybillShieldError)) throw e;
    await say(`refused: ${e.message}. The caller learns nothing more; the reason is in the audit record.`);
    ok &&= e.code === 'TOKEN_REJECTED';
  }

  await step(6, 'Support: one field unsealed, with an actor and a stated purpose, and audited');
  const address = unseal(p, 'recipient.address', { keyring, actor: 'cs-agent-17', purpose: 'complaint-callback', audit });
  await say(`cs-agent-17 (purpose complaint-callback) sees recipient.address: ${address}`);

  await step(7, 'Audit: hash-chained records of every issue, redeem, reveal and unseal (no values)');
  for (const r of sink.records) {
    await say(`  #${r.seq} ${r.action.padEnd(12)} ${r.outcome.padEnd(6)} actor=${r.actor} fields=${r.fields.join(',') || '-'}${r.reason ? ` reason=${r.reason}` : ''}`);
  }
  const verified = audit.verify();
  await say(verified.ok ? `chain verified: ${verified.count} records, head ${verified.head.hash.slice(0, 16)}…` : `chain BROKEN at seq ${verified.seq}`);
  ok &&= verified.ok;

  await say();
  await say(ok ? 'Demo complete. The throwaway key is discarded.' : 'Demo finished with an unexpected result (see above).');
  return ok ? EXIT.OK : EXIT.FAILED;
}
