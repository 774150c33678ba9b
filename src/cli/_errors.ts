/**
 * CLI exit codes and the one-line error report. A report names the error code and gives a
 * hint; it never holds an input value, a file path or a key, and it carries a stack trace only
 * under `--debug`.
 * @module
 * @internal
 */
import { WaybillShieldError, type ErrorCode } from '../errors.js';

/** Exit codes of every command. Documented in docs/cli.md. */
export const EXIT = Object.freeze({
  /** Done, nothing rejected. */
  OK: 0,
  /** The command failed: unreadable input, bad keyring, unwritable output, render failure. */
  FAILED: 1,
  /** Usage: unknown command or option, missing or malformed argument. */
  USAGE: 2,
  /** The run finished, but one or more input rows were rejected (see the rejects output). */
  REJECTED: 3,
  /** A check said no: a reveal token was refused or locked, or an audit chain failed to verify. */
  REFUSED: 4,
});

/** An exit code. */
export type ExitCode = (typeof EXIT)[keyof typeof EXIT];

/** Codes a CLI error line can show: the library's codes plus `USAGE`. */
export type CliErrorCode = ErrorCode | 'USAGE';

/** An error the CLI reports as one line and turns into an exit code. */
export class CliError extends Error {
  override readonly name = 'CliError' as const;
  readonly code: CliErrorCode;
  readonly exit: ExitCode;
  readonly hint: string | undefined;

  /**
   * @param code - error code shown first on the line
   * @param message - fixed text; must not contain input
   * @param opts - exit code (default FAILED, or USAGE for `USAGE`) and a hint
   */
  constructor(code: CliErrorCode, message: string, opts: { exit?: ExitCode; hint?: string } = {}) {
    super(message);
    this.code = code;
    this.exit = opts.exit ?? (code === 'USAGE' ? EXIT.USAGE : EXIT.FAILED);
    this.hint = opts.hint;
  }
}

/** A usage error (exit 2). */
export function usage(message: string, hint?: string): CliError {
  return new CliError('USAGE', message, { hint: hint ?? 'see --help' });
}

const ERRNO_TEXT: Readonly<Record<string, [string, string]>> = {
  ENOENT: ['file or directory not found', 'check the path'],
  EACCES: ['permission denied', 'check the file permissions'],
  EPERM: ['operation not permitted', 'check the file permissions'],
  EISDIR: ['is a directory, expected a file', 'give a file path'],
  ENOTDIR: ['a path component is not a directory', 'check the path'],
  EEXIST: ['file already exists', 'use --force to replace it'],
  ENOSPC: ['no space left on the device', 'free some disk space'],
  EMFILE: ['too many open files', 'raise the open-file limit'],
};

/** Hints for library codes, shown after the message. */
const CODE_HINTS: Partial<Record<ErrorCode, string>> = {
  INVALID_KEYRING: 'the --keys file must be a keyring written by `waybill-shield keygen`',
  INVALID_POLICY: 'check the --policy file against the MaskPolicy schema',
  RENDER_FAILED: 'check --format, --size, --dpi and --font',
  TOKEN_REJECTED: 'check the waybill id, courier id, assignment number and validity window',
  TOKEN_LOCKED: 'too many failed attempts; wait for the lockout window to pass',
  AUDIT_FAILED: 'the audit file was altered, truncated or reordered at the record shown',
  AUDIT_LOCKED: 'another process is writing this audit file; give each process its own file (see docs/cli.md)',
  INVALID_INPUT: 'check the input format',
};

/**
 * Turn any thrown value into a `CliError` without carrying its message when that message could
 * hold input (Node and library errors other than `WaybillShieldError` may quote paths or data).
 * @param e - anything thrown
 * @returns a CLI error
 */
export function toCliError(e: unknown): CliError {
  if (e instanceof CliError) return e;
  if (e instanceof WaybillShieldError) {
    const text = e.message.startsWith(`${e.code}: `) ? e.message.slice(e.code.length + 2) : e.message === e.code ? 'failed' : e.message;
    const exit = e.code === 'TOKEN_REJECTED' || e.code === 'TOKEN_LOCKED' || e.code === 'AUDIT_FAILED' ? EXIT.REFUSED : EXIT.FAILED;
    const hint = CODE_HINTS[e.code];
    return new CliError(e.code, text, hint === undefined ? { exit } : { exit, hint });
  }
  const errno = typeof e === 'object' && e !== null && typeof (e as { code?: unknown }).code === 'string' ? (e as { code: string }).code : undefined;
  if (errno !== undefined && Object.hasOwn(ERRNO_TEXT, errno)) {
    const [text, hint] = ERRNO_TEXT[errno]!;
    return new CliError('IO_ERROR', `${text} (${errno})`, { hint });
  }
  return new CliError('IO_ERROR', 'unexpected failure', { hint: 'run again with --debug for a stack trace' });
}

/**
 * The one line written to stderr for an error.
 * @param command - the command name, e.g. `protect`
 * @param e - the CLI error
 * @returns `waybill-shield protect: IO_ERROR: file or directory not found (ENOENT). Hint: check the path`
 */
export function errorLine(command: string, e: CliError): string {
  const where = command ? `waybill-shield ${command}` : 'waybill-shield';
  return `${where}: ${e.code}: ${e.message}${e.hint ? `. Hint: ${e.hint}` : ''}\n`;
}
