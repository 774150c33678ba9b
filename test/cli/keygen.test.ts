import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Keyring } from '../../src/keys/keyring.js';
import { runCli, tempDir } from './_cli.js';

describe('keygen', () => {
  it('writes a keyring file with mode 0600', async () => {
    const file = join(tempDir(), 'keys.json');
    const r = await runCli(['keygen', '-o', file]);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('');
    expect(statSync(file).mode & 0o777).toBe(0o600);
    const k = Keyring.fromJSON(readFileSync(file, 'utf8'));
    expect(k.keyIds).toEqual([1]);
  });

  it('refuses to overwrite an existing file, and leaves it untouched', async () => {
    const file = join(tempDir(), 'keys.json');
    writeFileSync(file, 'precious', { mode: 0o600 });
    const r = await runCli(['keygen', '-o', file]);
    expect(r.code).toBe(1);
    expect(readFileSync(file, 'utf8')).toBe('precious');
    expect(r.stderr).toMatch(/^waybill-shield keygen: IO_ERROR: the keyring file already exists; not replacing it\. Hint: use --force/);
    expect(r.stderr).not.toContain(file);
  });

  it('--force replaces it with a new 0600 file, even over a world-readable one', async () => {
    const file = join(tempDir(), 'keys.json');
    writeFileSync(file, 'old', { mode: 0o644 });
    const r = await runCli(['keygen', '-o', file, '--force']);
    expect(r.code).toBe(0);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(() => Keyring.fromJSON(readFileSync(file, 'utf8'))).not.toThrow();
  });

  it('writes to stdout when piped, a different key every time', async () => {
    const a = await runCli(['keygen']);
    const b = await runCli(['keygen']);
    expect(a.code).toBe(0);
    expect(Keyring.fromJSON(a.stdout).keyIds).toEqual([1]);
    expect(a.stdout).not.toBe(b.stdout);
  });

  it('fails cleanly when the directory does not exist', async () => {
    const r = await runCli(['keygen', '-o', join(tempDir(), 'missing', 'keys.json')]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/IO_ERROR: cannot create the keyring file \(ENOENT\)/);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
  });
});
