/**
 * `waybill-shield keygen`: a fresh keyring (one 256-bit root key from the platform CSPRNG, and
 * one independent random secret per retention epoch), written to a file with mode 0600. An existing file is never replaced without `--force`, and a
 * forced replacement goes through a new 0600 file renamed over the old one, so the secret is
 * never in a file that others can read, not even briefly.
 * @module
 */
import { fchmodSync, fstatSync } from 'node:fs';
import { Keyring } from '../keys/keyring.js';
import { CliError, EXIT, usage, type ExitCode } from './_errors.js';
import { parseCommandArgs } from './_args.js';
import { ioError, write, type CliIO } from './_io.js';
import { replacePrivateFile, writeNewPrivateFile } from './_keyfile.js';

/** `keygen --help`. */
export const KEYGEN_HELP = `Usage: waybill-shield keygen [-o FILE] [--force]

Generate a keyring: one fresh 256-bit root key (key id 1) and one random secret per retention
epoch (a calendar month), from 24 months back to 12 ahead (see \`waybill-shield keys\`). Keep it
in your secret store; every protected record, blind index and reveal token depends on it.

Options:
  -o, --out FILE   write the keyring to FILE with mode 0600 (refuses to replace an existing file)
  --force          replace FILE if it exists (atomically, through a new 0600 file); without
                   -o, write to stdout even when it is a terminal
  -h, --help       this help

Without -o the keyring is written to stdout, for piping into a secret store. When stdout is a
regular file (\`keygen > keys.json\`), that file is made mode 0600 before the key is written; if
it cannot be, nothing is written. A terminal gets the key only with --force.

Examples:
  waybill-shield keygen -o keys.json
  waybill-shield keygen | vault kv put secret/waybill-shield keyring=-
`;


/**
 * When stdout is a regular file (`keygen > keys.json`), the shell created it with its umask,
 * usually 0644: make it 0600 before the key goes in, or write nothing.
 * @param io - process streams
 * @throws CliError `IO_ERROR` when the file cannot be made private
 */
function privateStdout(io: CliIO): void {
  const fd = (io.stdout as { fd?: unknown }).fd;
  if (typeof fd !== 'number') return;
  let isFile: boolean;
  try {
    isFile = fstatSync(fd).isFile();
  } catch {
    return;
  }
  if (!isFile || process.platform === 'win32') return;
  try {
    fchmodSync(fd, 0o600);
  } catch (e) {
    const code = typeof e === 'object' && e !== null && typeof (e as { code?: unknown }).code === 'string' ? (e as { code: string }).code : 'EIO';
    throw new CliError('IO_ERROR', `cannot make the output file private (mode 0600), so the key was not written (${code})`, { hint: 'use -o FILE' });
  }
}

/**
 * Run `keygen`.
 * @param args - arguments after the command name
 * @param io - process streams
 * @returns exit code 0
 * @throws CliError `IO_ERROR` when the file exists (without --force) or cannot be written; `USAGE`
 */
export async function keygenCommand(args: readonly string[], io: CliIO): Promise<ExitCode> {
  const { values, positionals } = parseCommandArgs(args, { out: { type: 'string', short: 'o' }, force: { type: 'boolean' } });
  if (values.help) {
    await write(io.stdout, KEYGEN_HELP);
    return EXIT.OK;
  }
  if (positionals.length > 0) throw usage('keygen takes no arguments; use -o FILE');
  const text = `${JSON.stringify(Keyring.generate().export(), null, 2)}\n`;
  const path = values.out;
  if (path === undefined || path === '-') {
    if (io.stdoutIsTTY && !values.force) throw usage('refusing to write a secret key to the terminal', 'use -o FILE, pipe the output, or --force');
    privateStdout(io);
    await write(io.stdout, text);
    return EXIT.OK;
  }
  try {
    writeNewPrivateFile(path, text);
  } catch (e) {
    const exists = typeof e === 'object' && e !== null && (e as { code?: unknown }).code === 'EEXIST';
    if (!exists) throw ioError(e, 'cannot create the keyring file');
    if (!values.force) throw new CliError('IO_ERROR', 'the keyring file already exists; not replacing it', { hint: 'use --force to replace it (the old key is lost)' });
    replacePrivateFile(path, text);
  }
  if (!values.quiet) await write(io.stderr, 'waybill-shield keygen: wrote a new keyring (mode 0600)\n');
  return EXIT.OK;
}
