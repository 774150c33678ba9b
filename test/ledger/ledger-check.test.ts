/**
 * `ledger.check()` where users meet it: the CLI's `token redeem` warns that its in-process ledger
 * does not keep a use past the run, and `MemoryLedger.check()` reports itself as not durable.
 */
import { PassThrough } from 'node:stream';
import { writeFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli, type CliIO } from '../../src/cli/main.js';
import { MemoryLedger } from '../../src/ledger/memory.js';
import { Keyring } from '../../src/keys/keyring.js';
import { issueRevealToken } from '../../src/reveal/index.js';

const dir = mkdtempSync(join(tmpdir(), 'ws-check-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function memoryIO() {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  const out: string[] = [];
  const err: string[] = [];
  stdout.on('data', (c: Buffer) => out.push(c.toString('utf8')));
  stderr.on('data', (c: Buffer) => err.push(c.toString('utf8')));
  const stdin = new PassThrough();
  stdin.end('');
  const io: CliIO = { stdin, stdout, stderr, stderrIsTTY: false, stdoutIsTTY: false, env: {} };
  return { io, out: () => out.join(''), err: () => err.join('') };
}

describe('ledger.check()', () => {
  it('MemoryLedger: never durable, never shared', async () => {
    const r = await new MemoryLedger().check();
    expect(r).toMatchObject({ persistent: false, replicas: 0, cluster: false, ok: false });
    expect(r.warnings).toHaveLength(1);
  });

  it('token redeem warns on stderr that the use is not kept past this run', async () => {
    const keyring = Keyring.generate();
    const keys = join(dir, 'keys.json');
    writeFileSync(keys, JSON.stringify(keyring.export()), { mode: 0o600 });
    const token = issueRevealToken({ keyring, waybillId: 'VN-P-0001', courierId: 'courier-042', assignment: 1, notAfter: new Date(Date.now() + 3_600_000) });
    const m = memoryIO();
    const code = await runCli(['token', 'redeem', token, '--keys', keys, '--waybill', 'VN-P-0001', '--courier', 'courier-042', '--assignment', '1'], m.io);
    expect(code).toBe(0);
    expect(JSON.parse(m.out())).toMatchObject({ accepted: true });
    expect(m.err()).toMatch(/^waybill-shield token: warning: in-memory ledger: .*RedisLedger with AOF persistence/);
  });
});
