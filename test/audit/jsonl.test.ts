import { appendFileSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { AuditChain } from '../../src/audit/index.js';
import { JsonlAuditSink } from '../../src/node.js';
import type { AuditEvent } from '../../src/audit/types.js';

const dir = mkdtempSync(join(tmpdir(), 'ws-audit-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const ev = (i: number): AuditEvent => ({ actor: 'courier-042', action: 'token.redeem', waybillId: `GHN${i}`, fields: [], outcome: 'denied', reason: 'bad-tag' });

describe('JsonlAuditSink', () => {
  it('appends one JSON record per line to a 0600 file, with fsync', () => {
    const path = join(dir, 'a.jsonl');
    const sink = new JsonlAuditSink(path, { fsync: true });
    const chain = new AuditChain({ sinks: sink });
    const r0 = chain.append(ev(0));
    chain.append(ev(1));
    sink.close();
    const lines = readFileSync(path, 'utf8').trimEnd().split('\n');
    expect(lines).toHaveLength(2);
    expect(JSON.parse(lines[0]!)).toEqual(r0);
    expect(statSync(path).mode & 0o777).toBe(0o600);
    expect(() => sink.write(r0)).toThrow(expect.objectContaining({ code: 'IO_ERROR' }));
  });

  it('continues the chain of an existing file and verifies it from disk', () => {
    const path = join(dir, 'b.jsonl');
    const first = new JsonlAuditSink(path);
    new AuditChain({ sinks: first }).append(ev(0));
    first.close();
    const second = new JsonlAuditSink(path);
    const chain = new AuditChain({ sinks: second });
    expect(chain.append(ev(1)).seq).toBe(1);
    expect(chain.verify()).toMatchObject({ ok: true, count: 2 });
    second.close();
  });

  it('detects an edited line; a torn last line no longer breaks later writes', () => {
    const path = join(dir, 'c.jsonl');
    const sink = new JsonlAuditSink(path);
    const chain = new AuditChain({ sinks: sink });
    for (let i = 0; i < 4; i++) chain.append(ev(i));
    sink.close();
    const text = readFileSync(path, 'utf8');
    writeFileSync(path, text.replace('"GHN2"', '"GHN7"'));
    const edited = new JsonlAuditSink(path);
    expect(AuditChain.verify(edited.read())).toEqual({ ok: false, index: 2, seq: 2, problem: 'broken' });
    edited.close();
    writeFileSync(path, text);
    appendFileSync(path, '{"seq":4,"at":"2026-');
    // Before: every later audited call failed with AUDIT_FAILED. Now the chain resumes.
    const after = new JsonlAuditSink(path);
    const resumed = new AuditChain({ sinks: after });
    expect(resumed.append(ev(5)).seq).toBe(5);
    expect(resumed.verify()).toMatchObject({ ok: true, count: 6 });
    after.close();
  });

  it('reports IO errors without the path contents', () => {
    expect(() => new JsonlAuditSink(join(dir, 'missing-dir', 'x.jsonl'))).toThrow(expect.objectContaining({ code: 'IO_ERROR' }));
    expect(() => new JsonlAuditSink('')).toThrow(expect.objectContaining({ code: 'INVALID_INPUT' }));
  });
});
