/**
 * Argument parsing for every command, on Node's `util.parseArgs` (strict: unknown options are
 * usage errors). Parse errors are reported by kind, never by quoting the argument, since an
 * argument may be a token, a phone number or a path.
 * @module
 * @internal
 */
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { usage } from './_errors.js';

/** Options every command accepts. */
export const COMMON_OPTIONS = {
  help: { type: 'boolean', short: 'h' },
  debug: { type: 'boolean' },
  quiet: { type: 'boolean', short: 'q' },
} as const satisfies ParseArgsConfig['options'];

/**
 * Parse a command's arguments.
 * @param args - the arguments after the command name
 * @param options - the command's option table (common options are added)
 * @returns parsed values and positionals
 * @throws CliError `USAGE` for an unknown option, a missing option value, or a wrong type
 */
export function parseCommandArgs<O extends NonNullable<ParseArgsConfig['options']>>(
  args: readonly string[],
  options: O,
): ReturnType<typeof parseArgs<{ args: string[]; options: typeof COMMON_OPTIONS & O; allowPositionals: true; strict: true }>> {
  try {
    return parseArgs({ args: [...args], options: { ...COMMON_OPTIONS, ...options }, allowPositionals: true, strict: true });
  } catch (e) {
    const code = typeof e === 'object' && e !== null ? (e as { code?: unknown }).code : undefined;
    if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') throw usage('unknown option');
    if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') throw usage('an option is missing its value, or takes none');
    if (code === 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL') throw usage('unexpected argument');
    throw usage('arguments could not be parsed');
  }
}

/**
 * Read an integer option.
 * @param name - option name for the message (`--workers`)
 * @param value - the raw string, or undefined
 * @param min - smallest allowed
 * @param max - largest allowed
 * @param fallback - value when the option is absent
 * @returns the integer
 * @throws CliError `USAGE` when not an integer in range
 */
export function intOption(name: string, value: string | undefined, min: number, max: number, fallback: number): number {
  if (value === undefined) return fallback;
  if (!/^\d{1,9}$/.test(value)) throw usage(`${name} must be a whole number from ${min} to ${max}`);
  const n = Number(value);
  if (n < min || n > max) throw usage(`${name} must be a whole number from ${min} to ${max}`);
  return n;
}

/**
 * Read an option that must be one of a fixed set.
 * @param name - option name for the message
 * @param value - the raw string, or undefined
 * @param allowed - the allowed values
 * @returns the value, or undefined when absent
 * @throws CliError `USAGE` when not one of `allowed`
 */
export function choiceOption<T extends string>(name: string, value: string | undefined, allowed: readonly T[]): T | undefined {
  if (value === undefined) return undefined;
  if (!(allowed as readonly string[]).includes(value)) throw usage(`${name} must be one of ${allowed.join(', ')}`);
  return value as T;
}

/**
 * Require an option.
 * @param name - option name for the message
 * @param value - the raw value
 * @returns the value
 * @throws CliError `USAGE` when missing
 */
export function required<T>(name: string, value: T | undefined): T {
  if (value === undefined) throw usage(`${name} is required`);
  return value;
}
