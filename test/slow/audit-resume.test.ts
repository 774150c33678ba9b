/**
 * Reopening a large audit log: a valid chained log of at least 200 MB is written in a tight
 * loop, then reopened. Resuming reads only the tail (backwards from the end), so opening it,
 * repairing a torn tail and appending cost a few blocks of memory, not the size of the file.
 * `verify-audit` then streams the whole file against the head the writer kept.
 */
import { spawnSync } from 'node:child_process';
import { appendFileSync, closeSync, mkdtempSync, openSync, rmSync, statSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { AuditChain, AUDIT_GENESIS, auditRecordHash } from '../../src/audit/index.js';
import type { AuditRecord } from '../../src/audit/types.js';
import { JsonlAuditSink } from '../../src/node.js';
import { runCli } from '../cli/_cli.js';

const dir = mkdtempSync(join(tmpdir(), 'ws-audit-big-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const TARGET = 200 * 1024 * 1024;

/** Write a valid chain of at least `bytes` bytes; returns the last record. */
function writeLog(path: string, bytes: number): AuditRecord {
  const fd = openSync(path, 'w', 0o600);
  let prev = AUDIT_GENESIS;
  let seq = 0;
  let size = 0;
  let last: AuditRecord | undefined;
  const at = '2026-11-29T08:00:00.000Z';
  try {
    while (size < bytes) {
      let chunk = '';
      for (let i = 0; i < 20_000; i++, seq++) {
        const body: Omit<AuditRecord, 'hash'> = {
          seq,
          at,
          actor: `courier-${seq % 997}`,
          action: 'token.redeem',
          waybillId: `GHN${seq}`,
          fields: ['recipient.phone', 'recipient.address'],
          purpose: null,
          outcome: seq % 7 === 0 ? 'denied' : 'ok',
          reason: seq % 7 === 0 ? 'bad-tag' : null,
          prev,
        };
        last = { ...body, hash: auditRecordHash(body) };
        prev = last.hash;
        chunk += `${JSON.stringify(last)}\n`;
      }
      size += writeSync(fd, chunk);
    }
  } finally {
    closeSync(fd);
  }
  return last!;
}

/** Memory the process holds for data: JS heap plus buffers. */
const held = () => {
  const m = process.memoryUsage();
  return m.heapUsed + m.arrayBuffers;
};

describe('audit log of 200 MB and more', () => {
  it('reopens, repairs a torn tail and appends in bounded memory; verify-audit streams it', async () => {
    const path = join(dir, 'big.jsonl');
    const last = writeLog(path, TARGET);
    const size = statSync(path).size;
    expect(size).toBeGreaterThanOrEqual(TARGET);

    const before = held();
    const sink = new JsonlAuditSink(path);
    const chain = new AuditChain({ sinks: sink });
    expect(chain.head).toEqual({ seq: last.seq, hash: last.hash });
    const r = chain.append({ actor: 'cs-17', action: 'unseal', waybillId: 'GHN-X', fields: ['recipient.phone'], purpose: 'complaint-callback', outcome: 'ok' });
    expect(r.seq).toBe(last.seq + 1);
    sink.close();
    // A whole-file read would hold hundreds of MB (the text, then one object per record).
    expect(held() - before).toBeLessThan(32 * 1024 * 1024);

    // A torn tail on the big file: moved aside, repaired, still bounded.
    appendFileSync(path, '{"seq":99999999,"at":"2026-11-29T08:0');
    const before2 = held();
    const sink2 = new JsonlAuditSink(path);
    const chain2 = new AuditChain({ sinks: sink2 });
    expect(chain2.head.seq).toBe(last.seq + 2);
    sink2.close();
    expect(held() - before2).toBeLessThan(32 * 1024 * 1024);

    // Another process with a 64 MB heap (the file is over three times that) reopens and appends.
    const writer = fileURLToPath(new URL('../audit/_writer.ts', import.meta.url));
    const child = spawnSync(process.execPath, ['--max-old-space-size=64', '--import', 'tsx', writer, path, '3'], { encoding: 'utf8' });
    expect(child.stdout, child.stderr.slice(0, 500)).toBe('ready\n');
    expect(child.status).toBe(0);

    const v = await runCli(['verify-audit', path, '--head', r.hash]);
    expect(v.code, v.stderr).toBe(0);
    expect(JSON.parse(v.stdout)).toMatchObject({ ok: true, count: last.seq + 6, repairs: 1, head: { seq: last.seq + 5 } });
  }, 1_200_000);
});
