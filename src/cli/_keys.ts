/**
 * Reading the keyring and mask-policy files named on the command line.
 * @module
 * @internal
 */
import { readFileSync, statSync } from 'node:fs';
import { Keyring, type KeyringJSON } from '../keys/keyring.js';
import type { MaskPolicy } from '../policy.js';
import { WaybillShieldError } from '../errors.js';
import { CliError } from './_errors.js';
import { ioError } from './_io.js';

const MAX_FILE = 1024 * 1024;

function readSmallJson(path: string, what: string, code: 'INVALID_KEYRING' | 'INVALID_POLICY'): unknown {
  let text: string;
  try {
    if (statSync(path).size > MAX_FILE) throw new CliError(code, `the ${what} file is too large`);
    text = readFileSync(path, 'utf8');
  } catch (e) {
    if (e instanceof CliError) throw e;
    throw ioError(e, `cannot read the ${what} file`);
  }
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new WaybillShieldError(code, `the ${what} file is not JSON`);
  }
}

/** A keyring loaded from a file, with its JSON form for worker threads. */
export interface LoadedKeyring {
  keyring: Keyring;
  json: KeyringJSON;
  /** True when the file can be read by group or others (mode & 0o077). */
  exposed: boolean;
}

/**
 * Load a keyring file written by `keygen`.
 * @param path - the file
 * @returns the keyring and whether the file mode exposes it
 * @throws CliError `IO_ERROR`; WaybillShieldError `INVALID_KEYRING`
 */
export function loadKeyring(path: string): LoadedKeyring {
  const raw = readSmallJson(path, 'keyring', 'INVALID_KEYRING');
  const keyring = Keyring.fromJSON(raw as object);
  let exposed = false;
  try {
    exposed = process.platform !== 'win32' && (statSync(path).mode & 0o077) !== 0;
  } catch {
    exposed = false;
  }
  return { keyring, json: keyring.export(), exposed };
}

/**
 * Load and validate a mask-policy file.
 * @param path - the file
 * @returns the policy as written (validated)
 * @throws CliError `IO_ERROR`; WaybillShieldError `INVALID_POLICY`
 */
export async function loadPolicy(path: string): Promise<MaskPolicy> {
  const raw = readSmallJson(path, 'policy', 'INVALID_POLICY');
  // Loaded here, not at startup: the policy schema pulls in the phone metadata.
  const { resolvePolicy } = await import('../policy.js');
  resolvePolicy(raw as MaskPolicy);
  return raw as MaskPolicy;
}
