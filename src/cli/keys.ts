/**
 * `waybill-shield keys info|shred|ensure`: inspect and maintain a keyring file's retention epochs.
 *
 * - `info` lists key ids and epochs, never key material.
 * - `shred --before YYYY-MM` destroys every epoch that ended by then (crypto-shredding) and
 *   `ensure` creates epoch secrets ahead of time. Both write the new keyring atomically: a new
 *   0600 file in the same directory, fsynced, renamed over the old one.
 * @module
 */
import { shredAuditEvent, type Keyring } from '../keys/keyring.js';
import { epochOf } from '../keys/epochs.js';
import { AuditChain } from '../audit/index.js';
import { JsonlAuditSink } from '../audit/jsonl.js';
import { EXIT, usage, type ExitCode } from './_errors.js';
import { intOption, parseCommandArgs, required } from './_args.js';
import { write, type CliIO } from './_io.js';
import { loadKeyring } from './_keys.js';
import { replacePrivateFile } from './_keyfile.js';

/** `keys --help`. */
export const KEYS_HELP = `Usage: waybill-shield keys <info|shred|ensure> --keys FILE [options]

Retention epochs of a keyring file: one random secret per month (or per epoch length). Data
protected in an epoch can be read only while its secret exists.

Subcommands:
  info                    key ids and epochs (live, shredded), never key material; JSON on stdout
  shred --before YYYY-MM  destroy every epoch that ended by the start of that month, everywhere
                          the data was copied; writes the new keyring over FILE (mode 0600)
  ensure [--ahead N]      create the missing epoch secrets from this month to N epochs ahead
                          (default 12); run it before the epochs are needed, on one machine

Options:
  --keys FILE     the keyring file (required)
  --before MONTH  shred: YYYY-MM
  --ahead N       ensure: epochs after the current one (0-120, default 12)
  --audit FILE    shred: append a keys.shred audit record per destroyed epoch (JSONL, chained)
  --actor ID      shred: who shreds, for the audit record (default system)
  -h, --help      this help

After a shred, replace every other copy of the keyring (secret store versions, backups): an old
copy still holds the destroyed secrets. See docs/retention.md.

Examples:
  waybill-shield keys info --keys keys.json
  waybill-shield keys shred --before 2026-03 --keys keys.json --audit audit.jsonl --actor ops-7
  waybill-shield keys ensure --ahead 12 --keys keys.json
`;

function keyringText(k: Keyring): string {
  return `${JSON.stringify(k.export(), null, 2)}\n`;
}

/** The secret-free description printed by `keys info`. */
function info(k: Keyring, now: Date): object {
  const e = k.epochs;
  if (!e) return { primary: k.primary, keyIds: k.keyIds, epochs: null };
  const current = epochOf(now, e.months);
  const ahead = e.live.filter((id) => id > current).length;
  return { primary: k.primary, keyIds: k.keyIds, epochs: { ...e, current, currentLive: e.live.includes(current), epochsAhead: ahead } };
}

/**
 * Run `keys`.
 * @param args - arguments after the command name
 * @param io - process streams
 * @returns exit code 0
 * @throws CliError `USAGE`, `IO_ERROR`; WaybillShieldError `INVALID_KEYRING`, `INVALID_INPUT`, `AUDIT_FAILED`
 */
export async function keysCommand(args: readonly string[], io: CliIO): Promise<ExitCode> {
  const { values, positionals } = parseCommandArgs(args, {
    keys: { type: 'string' },
    before: { type: 'string' },
    ahead: { type: 'string' },
    audit: { type: 'string' },
    actor: { type: 'string' },
  });
  if (values.help) {
    await write(io.stdout, KEYS_HELP);
    return EXIT.OK;
  }
  if (positionals.length !== 1) throw usage('give one subcommand: info, shred or ensure');
  const sub = positionals[0]!;
  if (sub !== 'info' && sub !== 'shred' && sub !== 'ensure') throw usage('unknown subcommand; use info, shred or ensure');
  const path = required('--keys', values.keys);
  const { keyring } = loadKeyring(path);
  const now = new Date();

  if (sub === 'info') {
    await write(io.stdout, `${JSON.stringify(info(keyring, now))}\n`);
    return EXIT.OK;
  }

  if (sub === 'ensure') {
    const ahead = intOption('--ahead', values.ahead, 0, 120, 12);
    const next = keyring.ensureEpochs({ ahead, now });
    const added = next.epochs!.live.filter((id) => !(keyring.epochs?.live ?? []).includes(id));
    replacePrivateFile(path, keyringText(next));
    await write(io.stdout, `${JSON.stringify({ created: added })}\n`);
    if (!values.quiet) await write(io.stderr, `waybill-shield keys: ${added.length} epoch secret(s) created (mode 0600)\n`);
    return EXIT.OK;
  }

  const before = required('--before', values.before);
  if (!/^\d{4}-\d{2}$/.test(before)) throw usage('--before must be a month, YYYY-MM');
  const actor = values.actor ?? 'system';
  const audit = values.audit === undefined ? undefined : new AuditChain({ sinks: new JsonlAuditSink(values.audit) });
  const live = keyring.epochs?.live ?? [];
  const next = keyring.shred({ before, actor });
  const destroyed = live.filter((id) => !next.epochs!.live.includes(id));
  // The file first: an audit record must not claim a shred that was never written.
  replacePrivateFile(path, keyringText(next));
  for (const id of destroyed) audit?.append(shredAuditEvent(actor, id));
  await write(io.stdout, `${JSON.stringify({ shredded: destroyed, shreddedBefore: next.epochs!.shreddedBefore ?? null })}\n`);
  if (!values.quiet) {
    await write(io.stderr, `waybill-shield keys: ${destroyed.length} epoch secret(s) destroyed; replace every other copy of this keyring\n`);
  }
  return EXIT.OK;
}
