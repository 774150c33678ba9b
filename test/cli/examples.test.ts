/**
 * The examples run as documented: the shell label script against the built CLI with a stand-in
 * `lp`, and the API print script against a local TCP socket standing in for a Zebra printer.
 */
import { spawn } from 'node:child_process';
import { chmodSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { builtCli, FIXTURES, ROOT, runCli, tempDir } from './_cli.js';

function run(cmd: string, args: string[], env: Record<string, string>, cwd: string): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { cwd, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

describe('examples', () => {
  it('label-script.sh protects a CSV and sends one ZPL format per parcel to the printer queue', async () => {
    const dir = tempDir();
    const keys = join(dir, 'keys.json');
    expect((await runCli(['keygen', '-o', keys])).code).toBe(0);
    const bin = join(dir, 'bin');
    const { mkdirSync } = await import('node:fs');
    mkdirSync(bin);
    writeFileSync(join(bin, 'waybill-shield'), `#!/bin/sh\nexec "${process.execPath}" "${builtCli()}" "$@"\n`);
    writeFileSync(join(bin, 'lp'), `#!/bin/sh\necho "$@" > "${join(dir, 'lp.args')}"\ncat > "${join(dir, 'printed.zpl')}"\n`);
    chmodSync(join(bin, 'waybill-shield'), 0o755);
    chmodSync(join(bin, 'lp'), 0o755);
    const r = await run('bash', [join(ROOT, 'examples', 'label-script.sh'), join(FIXTURES, 'quirks.csv'), 'courier-042'], { PATH: `${bin}:${process.env.PATH}`, WAYBILL_SHIELD_KEYS: keys }, dir);
    expect(r.code).toBe(0);
    expect(readFileSync(join(dir, 'lp.args'), 'utf8').trim()).toBe('-d zebra -o raw');
    const zpl = readFileSync(join(dir, 'printed.zpl'), 'utf8');
    expect(zpl.match(/\^XA/g)).toHaveLength(4);
    expect(zpl.match(/\^XZ/g)).toHaveLength(4);
    expect(existsSync(join(dir, 'rejects-quirks.csv.ndjson'))).toBe(true);
    expect(r.stderr).toContain('some rows were rejected');
  });

  it('print-zpl.ts writes labels to a raw TCP socket (a stand-in for port 9100)', async () => {
    const dir = tempDir();
    const keys = join(dir, 'keys.json');
    await runCli(['keygen', '-o', keys]);
    const records = join(dir, 'protected.ndjson');
    expect((await runCli(['protect', join(FIXTURES, 'plain.csv'), '--keys', keys, '-o', records, '-q'])).code).toBe(0);
    const received: Buffer[] = [];
    const server = createServer((s) => s.on('data', (c: Buffer) => received.push(c)));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const port = (server.address() as { port: number }).port;
    const tsx = join(ROOT, 'node_modules', '.bin', 'tsx');
    const r = await run(tsx, [join(ROOT, 'examples', 'print-zpl.ts'), records], { ZEBRA_HOST: '127.0.0.1', ZEBRA_PORT: String(port), WAYBILL_SHIELD_KEYS: keys, COURIER_ID: 'courier-042' }, dir);
    await new Promise((resolve) => setTimeout(resolve, 100));
    server.close();
    expect(r.stderr).toContain('2 labels sent to printer 127.0.0.1');
    expect(r.code).toBe(0);
    const zpl = Buffer.concat(received).toString('utf8');
    expect(zpl.match(/\^XA/g)).toHaveLength(2);
    expect(zpl).toMatch(/\^FDMA,WS1\/VN-P-0001\/[0-9A-Z]{20}\^FS/);

    const file = await run(tsx, [join(ROOT, 'examples', 'print-zpl.ts'), records], { ZPL_OUT: join(dir, 'out.zpl'), ZPL_FOLD: '1' }, dir);
    expect(file.code).toBe(0);
    expect(readFileSync(join(dir, 'out.zpl'), 'utf8')).toContain('^A0N,');
  });

  it('caller-check.ts: codes reach only the courier and the recipient; the tracking page checks, never shows, and locks', async () => {
    const tsx = join(ROOT, 'node_modules', '.bin', 'tsx');
    const r = await run(tsx, [join(ROOT, 'examples', 'caller-check.ts')], {}, ROOT);
    expect(r.stderr).not.toContain('UNEXPECTED');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('recipient checks the real courier: GENUINE');
    expect(r.stdout).toContain("scammer reads out courier-777's code: NOT VERIFIED");
    expect(r.stdout).toMatch(/locked for this waybill: LOCKED/);
    expect(r.stdout).toMatch(/audit chain: ok, \d+ records/);
    // The example prints no phone beyond what the label shows.
    expect(r.stdout).not.toMatch(/0901|901234|234567/);
  });
});
