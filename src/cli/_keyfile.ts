/**
 * Keyring files on disk: created with mode 0600 and never replaced in place. Shared by `keygen`
 * (a new file, or `--force`) and `keys ensure|shred` (a rewritten keyring).
 * @module
 * @internal
 */
import { closeSync, fsyncSync, openSync, renameSync, unlinkSync, writeSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { dirname, join } from 'node:path';
import { ioError } from './_io.js';

/**
 * Write `text` to a new file with mode 0600 and fsync it. `wx` refuses an existing path, so
 * nothing is overwritten.
 * @param path - the file to create
 * @param text - the contents
 * @throws the file system error (`EEXIST` for an existing path)
 */
export function writeNewPrivateFile(path: string, text: string): void {
  const fd = openSync(path, 'wx', 0o600);
  try {
    writeSync(fd, text);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/**
 * Replace `path` with `text` atomically: a new 0600 file in the same directory, fsynced, renamed
 * over it, then the directory fsynced where the platform allows, so the secret is never in a file
 * others can read and a crash leaves the old or the new keyring, never half of one.
 * @param path - the keyring file
 * @param text - the new contents
 * @throws CliError `IO_ERROR`
 */
export function replacePrivateFile(path: string, text: string): void {
  const tmp = join(dirname(path), `.waybill-shield-keys-${randomBytes(6).toString('hex')}.tmp`);
  try {
    writeNewPrivateFile(tmp, text);
    renameSync(tmp, path);
  } catch (e) {
    try {
      unlinkSync(tmp);
    } catch {
      // The temporary file was never created, or was already renamed.
    }
    throw ioError(e, 'cannot replace the keyring file');
  }
  try {
    const dfd = openSync(dirname(path), 'r');
    try {
      fsyncSync(dfd);
    } finally {
      closeSync(dfd);
    }
  } catch {
    // Not supported here (e.g. Windows); the rename is still atomic.
  }
}
