#!/usr/bin/env node
/**
 * The `waybill-shield` command line: dispatch to one command per file (keygen, protect, label,
 * token, verify-audit, demo). Errors are one line on stderr with the code and a hint, never an
 * input value; `--debug` adds the stack frames (still without the message, which could quote
 * input). Exit codes are in `EXIT` and docs/cli.md.
 *
 * Also importable (`waybill-shield/cli`): `runCli(argv, io)` runs a command in-process.
 * @module
 */
import { realpathSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { CliError, EXIT, errorLine, toCliError, usage, type ExitCode } from './_errors.js';
import { processIO, write, type CliIO } from './_io.js';
import { applyCliHeapFlags } from './_heap.js';

// Run as its own process, the CLI sets V8's heap flags first, before the crypto backend, the
// gazetteer and the commands are loaded (see _heap.ts); those are loaded by runCli (_setup.ts).
if (isMainModule()) applyCliHeapFlags();

export { EXIT } from './_errors.js';
export type { ExitCode } from './_errors.js';
export type { CliIO } from './_io.js';

/** The CLI's version, kept in step with package.json by the release process. */
export const CLI_VERSION = '0.1.0';

type Command = (args: readonly string[], io: CliIO) => Promise<ExitCode>;

// Commands load on demand: `protect` with worker threads keeps the main thread free of the
// core's data (gazetteer, phone metadata) and of the label renderer, which is most of its memory.
const COMMANDS: Readonly<Record<string, () => Promise<Command>>> = {
  keygen: async () => (await import('./keygen.js')).keygenCommand,
  keys: async () => (await import('./keys.js')).keysCommand,
  protect: async () => (await import('./protect.js')).protectCommand,
  label: async () => (await import('./label.js')).labelCommand,
  token: async () => (await import('./token.js')).tokenCommand,
  'verify-audit': async () => (await import('./verify-audit.js')).verifyAuditCommand,
  demo: async () => (await import('./demo.js')).demoCommand,
};

/** Top-level `--help`. */
export const MAIN_HELP = `Usage: waybill-shield <command> [options]

Mask, seal and reveal the personal data on Vietnamese courier waybills.

Commands:
  keygen                 generate a keyring file (mode 0600)
  keys info|shred|ensure retention epochs of a keyring file (shred = crypto-shredding)
  protect IN             waybills (CSV, NDJSON, JSON) in, protected waybills (NDJSON) out
  label IN               protected waybills in, labels out (--format text|zpl|svg)
  token issue|redeem     reveal tokens for support staff and scripts
  verify-audit FILE      verify a hash-chained audit file
  demo                   the end-to-end walk on sample data with a throwaway key

Run \`waybill-shield <command> --help\` for a command's options and examples.

Exit codes: 0 ok, 1 failed, 2 usage, 3 some input rows rejected, 4 refused (token or audit).

Examples:
  waybill-shield keygen -o keys.json
  waybill-shield protect orders.csv --keys keys.json -o protected.ndjson --rejects rejects.ndjson
  waybill-shield label protected.ndjson --format zpl | lp -d zebra -o raw
  waybill-shield demo
`;

/**
 * Run the CLI.
 *
 * @param argv - the arguments after the program name, e.g. `['protect', 'in.csv', '--keys', 'k.json']`
 * @param io - the streams to use (default: the process's)
 * @returns the exit code; errors are reported on `io.stderr`, never thrown
 * @throws never
 * @example
 * ```ts
 * import { runCli } from 'waybill-shield/cli';
 * const code = await runCli(['demo']);
 * ```
 */
export async function runCli(argv: readonly string[], io: CliIO = processIO()): Promise<ExitCode> {
  const debug = argv.includes('--debug');
  const [command, ...rest] = argv;
  try {
    await import('./_setup.js');
    if (command === undefined || command === '--help' || command === '-h' || command === 'help') {
      await write(command === undefined ? io.stderr : io.stdout, MAIN_HELP);
      return command === undefined ? EXIT.USAGE : EXIT.OK;
    }
    if (command === '--version' || command === '-v') {
      await write(io.stdout, `${CLI_VERSION}\n`);
      return EXIT.OK;
    }
    const load = Object.hasOwn(COMMANDS, command) ? COMMANDS[command] : undefined;
    if (load === undefined) throw usage('unknown command', 'run waybill-shield --help for the list');
    return await (await load())(rest, io);
  } catch (e) {
    const err = toCliError(e);
    const name = command !== undefined && Object.hasOwn(COMMANDS, command) ? command : '';
    io.stderr.write(errorLine(name, err));
    if (debug && e instanceof Error && e.stack) {
      // Frames only: the first line of a stack is the message, which for a foreign error may quote input.
      const frames = e.stack.split('\n').filter((l) => /^\s+at /.test(l));
      io.stderr.write(`${e.name}\n${frames.join('\n')}\n`);
    }
    return err.exit;
  }
}

function isMainModule(): boolean {
  try {
    const self = typeof import.meta.url === 'string' ? fileURLToPath(import.meta.url) : undefined;
    const entry = process.argv[1];
    return self !== undefined && entry !== undefined && realpathSync(entry) === realpathSync(self);
  } catch {
    return false;
  }
}

if (isMainModule()) {
  // A closed pipe (`… | head`) ends output; that is not an error.
  process.stdout.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') process.exit(EXIT.OK);
    process.stderr.write(errorLine('', new CliError('IO_ERROR', `cannot write to stdout (${e.code ?? 'EIO'})`)));
    process.exit(EXIT.FAILED);
  });
  void runCli(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  });
}
