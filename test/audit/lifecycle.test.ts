/**
 * The audit file's lifecycle: one writer at a time (an advisory lock, tested with real
 * processes), a torn last line moved aside and recorded, records read back only in their
 * canonical form, actors and purposes that cannot carry a phone number, and a constructor
 * that lets no foreign error out.
 */
import { spawn } from 'node:child_process';
import { appendFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { AuditChain, MemoryAuditSink } from '../../src/audit/index.js';
import { WaybillShieldError } from '../../src/errors.js';
import { JsonlAuditSink } from '../../src/node.js';
import type { AuditEvent } from '../../src/audit/types.js';

const dir = mkdtempSync(join(tmpdir(), 'ws-audit-life-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const WRITER = fileURLToPath(new URL('./_writer.ts', import.meta.url));

const ev = (i: number, over: Partial<AuditEvent> = {}): AuditEvent => ({ actor: 'cs-17', action: 'unseal', waybillId: `GHN${i}`, fields: ['recipient.phone'], purpose: 'complaint-callback', outcome: 'ok', ...over });

/** Start a writer process; resolves with its first stdout line and a handle to end it. */
function writer(path: string, n: number, hold: boolean): Promise<{ first: string; pid: number; end: () => Promise<number | null>; kill: () => Promise<void> }> {
  const child = spawn(process.execPath, ['--import', 'tsx', WRITER, path, String(n), ...(hold ? ['hold'] : [])], { stdio: ['pipe', 'pipe', 'pipe'] });
  const exited = new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)));
  return new Promise((resolve, reject) => {
    let out = '';
    child.on('error', reject);
    child.stdout.on('data', (c: Buffer) => {
      out += c.toString('utf8');
      const nl = out.indexOf('\n');
      if (nl >= 0) {
        resolve({
          first: out.slice(0, nl),
          pid: child.pid!,
          end: () => {
            child.stdin.end();
            return exited;
          },
          kill: async () => {
            child.kill('SIGKILL');
            await exited;
          },
        });
      }
    });
    void exited.then(() => {
      if (!out.includes('\n')) reject(new Error('writer exited without a line'));
    });
  });
}

describe('JsonlAuditSink: one writer per file', () => {
  it('a second sink on the same file in this process gets AUDIT_LOCKED until the first closes', () => {
    const path = join(dir, 'same-process.jsonl');
    const a = new JsonlAuditSink(path);
    expect(() => new JsonlAuditSink(path)).toThrow(expect.objectContaining({ code: 'AUDIT_LOCKED' }));
    a.close();
    const b = new JsonlAuditSink(path);
    b.close();
  });

  it('two processes on one file: the second is refused while the first holds it; afterwards it continues the chain', async () => {
    const path = join(dir, 'two.jsonl');
    const first = await writer(path, 5, true);
    expect(first.first).toBe('ready');
    expect(readFileSync(`${path}.lock`, 'utf8')).toBe(`${first.pid}\n`);
    const second = await writer(path, 5, false);
    expect(second.first).toBe('AUDIT_LOCKED');
    expect(await second.end()).toBe(3);
    expect(await first.end()).toBe(0);
    expect(existsSync(`${path}.lock`)).toBe(false);
    const third = await writer(path, 5, false);
    expect(third.first).toBe('ready');
    expect(await third.end()).toBe(0);
    const sink = new JsonlAuditSink(path);
    expect(AuditChain.verify(sink.read())).toMatchObject({ ok: true, count: 10 });
    sink.close();
  }, 60_000);

  it('several processes racing for one file: each either writes or is refused, and the chain always verifies', async () => {
    const path = join(dir, 'race.jsonl');
    const runs = await Promise.all(Array.from({ length: 6 }, () => writer(path, 20, false)));
    const codes = await Promise.all(runs.map((r) => r.end()));
    const ok = runs.filter((r) => r.first === 'ready').length;
    for (const r of runs) expect(['ready', 'AUDIT_LOCKED']).toContain(r.first);
    expect(codes.filter((c) => c === 0)).toHaveLength(ok);
    expect(ok).toBeGreaterThanOrEqual(1);
    const sink = new JsonlAuditSink(path);
    expect(AuditChain.verify(sink.read())).toMatchObject({ ok: true, count: 20 * ok });
    sink.close();
  }, 60_000);

  it('a lock left by a killed process (kill -9) is taken over; a lock naming a live process is not', async () => {
    const path = join(dir, 'stale.jsonl');
    const w = await writer(path, 3, true);
    await w.kill();
    // SIGKILL runs no exit handler: the lock is still there, naming a dead pid.
    expect(readFileSync(`${path}.lock`, 'utf8')).toBe(`${w.pid}\n`);
    const sink = new JsonlAuditSink(path);
    expect(readFileSync(`${path}.lock`, 'utf8')).toBe(`${process.pid}\n`);
    const chain = new AuditChain({ sinks: sink });
    expect(chain.append(ev(9)).seq).toBe(3);
    sink.close();
    expect(readdirSync(dir).filter((f) => f.startsWith('stale.jsonl.lock'))).toEqual([]);

    // The parent of this test is alive: its pid in a lock means "held".
    writeFileSync(`${path}.lock`, `${process.ppid}\n`);
    expect(() => new JsonlAuditSink(path)).toThrow(expect.objectContaining({ code: 'AUDIT_LOCKED' }));
    rmSync(`${path}.lock`);
    // `lock: false` opts out, for callers that guarantee one writer themselves.
    writeFileSync(`${path}.lock`, `${process.ppid}\n`);
    new JsonlAuditSink(path, { lock: false }).close();
    rmSync(`${path}.lock`);
  }, 60_000);
});

describe('JsonlAuditSink: a torn last line', () => {
  it('is moved aside byte for byte, the chain resumes from the last complete record, and an audit-repair record says how many bytes', () => {
    const path = join(dir, 'torn.jsonl');
    const sink = new JsonlAuditSink(path);
    const chain = new AuditChain({ sinks: sink });
    for (let i = 0; i < 4; i++) chain.append(ev(i));
    const kept = chain.head;
    sink.close();
    const before = readFileSync(path, 'utf8');
    const torn = '{"seq":4,"at":"2026-11-29T08:00:00.000Z","actor":"cs-17","act';
    appendFileSync(path, torn);

    const reopened = new JsonlAuditSink(path);
    const resumed = new AuditChain({ sinks: reopened });
    const aside = readdirSync(dir).filter((f) => f.startsWith('torn.jsonl.torn-'));
    expect(aside).toHaveLength(1);
    expect(readFileSync(join(dir, aside[0]!), 'utf8')).toBe(torn);
    const records = reopened.read() as { seq: number; action: string; reason: string | null; prev: string }[];
    expect(records).toHaveLength(5);
    expect(records[4]).toMatchObject({ seq: 4, action: 'audit-repair', reason: `torn-bytes-${Buffer.byteLength(torn)}`, prev: kept.hash });
    expect(readFileSync(path, 'utf8').startsWith(before)).toBe(true);
    // Audited calls go on: the next record links to the repair.
    expect(resumed.append(ev(5)).seq).toBe(5);
    expect(resumed.verify()).toMatchObject({ ok: true, count: 6 });
    // The repair is reported once only.
    expect(reopened.takeRepair()).toBeUndefined();
    reopened.close();
  });

  it('a file holding only a torn line starts a new chain with the repair record', () => {
    const path = join(dir, 'torn-only.jsonl');
    writeFileSync(path, '{"seq":0,"at":"20');
    const sink = new JsonlAuditSink(path);
    const chain = new AuditChain({ sinks: sink });
    expect(chain.head.seq).toBe(0);
    expect(sink.read()).toEqual([expect.objectContaining({ seq: 0, action: 'audit-repair', reason: 'torn-bytes-17' })]);
    sink.close();
  });
});

describe('audit records: only the canonical fields, each once', () => {
  const build = () => {
    const sink = new MemoryAuditSink();
    const chain = new AuditChain({ sinks: sink });
    for (let i = 0; i < 3; i++) chain.append(ev(i));
    return sink.read();
  };

  it('a record with an extra field (even an unhashed phone number) fails verification', () => {
    const records: unknown[] = build();
    records[1] = { ...(records[1] as object), phone: '0901234567' };
    expect(AuditChain.verify(records)).toEqual({ ok: false, index: 1, seq: 1, problem: 'malformed' });
    const missing: unknown[] = build();
    const { reason: _drop, ...rest } = missing[2] as Record<string, unknown>;
    missing[2] = rest;
    expect(AuditChain.verify(missing)).toMatchObject({ ok: false, index: 2, problem: 'malformed' });
  });

  it('a duplicated key, an extra field or a re-spaced line read from a file is malformed', () => {
    const path = join(dir, 'canonical.jsonl');
    const sink = new JsonlAuditSink(path);
    const chain = new AuditChain({ sinks: sink });
    for (let i = 0; i < 3; i++) chain.append(ev(i));
    sink.close();
    const lines = readFileSync(path, 'utf8').trimEnd().split('\n');
    const variants = [
      lines[1]!.replace('"actor":"cs-17"', '"actor":"0901234567","actor":"cs-17"'),
      lines[1]!.replace('}', ',"phone":"0901234567"}'),
      lines[1]!.replace('"seq":1,', '"seq": 1,'),
    ];
    for (const v of variants) {
      // The altered line still parses to the same record: only the canonical check sees it.
      writeFileSync(path, [lines[0], v, lines[2]].join('\n') + '\n');
      const s = new JsonlAuditSink(path);
      expect(AuditChain.verify(s.read())).toEqual({ ok: false, index: 1, seq: 1, problem: 'malformed' });
      s.close();
    }
  });
});

describe('audit actor and purpose: opaque ids and codes, no phone number however it is punctuated', () => {
  const chain = () => new AuditChain();

  it('refuses a phone split by hyphens, spaces, dots or colons as actor or purpose', () => {
    for (const phone of ['0901-234-567', '0901.234.567', '0901:234:567', '0901_234_567', '090-1234-567']) {
      expect(() => chain().append(ev(1, { actor: phone })), phone).toThrow(expect.objectContaining({ code: 'AUDIT_FAILED' }));
      expect(() => chain().append(ev(1, { actor: `cs-${phone}` })), phone).toThrow(expect.objectContaining({ code: 'AUDIT_FAILED' }));
      expect(() => chain().append(ev(1, { purpose: `call-${phone.toLowerCase()}` })), phone).toThrow(expect.objectContaining({ code: 'AUDIT_FAILED' }));
    }
    expect(() => chain().append(ev(1, { actor: '0901 234 567' }))).toThrow(expect.objectContaining({ code: 'AUDIT_FAILED' }));
    expect(() => chain().append(ev(1, { purpose: 'pin-12-34' }))).toThrow(expect.objectContaining({ code: 'AUDIT_FAILED' }));
    expect(() => chain().append(ev(1, { actor: 'Nguyễn Văn A' }))).toThrow(expect.objectContaining({ code: 'AUDIT_FAILED' }));
    // Opaque ids with short numbers are what actors are.
    for (const actor of ['cs-17', 'courier-042', 'svc:intake', 'hub3.courier-77', 'cs-2024-11']) expect(chain().append(ev(1, { actor })).actor).toBe(actor);
  });

  it('property: any Vietnamese mobile, with any separators between its digits, is refused and never echoed', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('090', '091', '093', '096', '097', '098', '086', '088', '032', '035', '070', '079', '083'),
        fc.stringMatching(/^[0-9]{7}$/),
        fc.array(fc.constantFrom('-', '.', ' ', ':', '_', '', '--'), { minLength: 9, maxLength: 9 }),
        fc.constantFrom('', 'cs-', 'agent.'),
        (prefix, tail, seps, lead) => {
          const digits = prefix + tail;
          const spaced = [...digits].map((d, i) => (i < 9 ? d + seps[i]! : d)).join('');
          for (const event of [ev(1, { actor: lead + spaced }), ev(1, { purpose: `call-${spaced}`.replace(/ /g, '-') })]) {
            let err: unknown;
            try {
              chain().append(event);
            } catch (e) {
              err = e;
            }
            expect(err).toBeInstanceOf(WaybillShieldError);
            expect((err as WaybillShieldError).code).toBe('AUDIT_FAILED');
            expect(JSON.stringify({ m: (err as Error).message, i: (err as WaybillShieldError).issues })).not.toMatch(/\d{3}/);
          }
        },
      ),
    );
  });
});

describe('JsonlAuditSink constructor: no foreign error escapes', () => {
  mkdirSync(join(dir, 'prop'), { recursive: true });
  it('throwing option getters, proxies and bad modes become INVALID_INPUT without the foreign message', () => {
    const secret = 'Nguyen Van A 0901234567';
    const throwing = {
      get fsync(): boolean {
        throw new Error(secret);
      },
    };
    const proxy = new Proxy(
      {},
      {
        get() {
          throw new TypeError(secret);
        },
      },
    );
    for (const opts of [throwing, proxy, { mode: '0644' }, { mode: -1 }, { mode: 1e9 }]) {
      let err: unknown;
      try {
        new JsonlAuditSink(join(dir, 'guard.jsonl'), opts as never);
      } catch (e) {
        err = e;
      }
      expect(err).toBeInstanceOf(WaybillShieldError);
      expect((err as WaybillShieldError).code).toBe('INVALID_INPUT');
      expect(String((err as Error).message)).not.toContain('0901234567');
      expect((err as Error).cause).toBeUndefined();
    }
    // Failed opens leave no lock behind.
    expect(existsSync(join(dir, 'guard.jsonl.lock'))).toBe(false);
  });

  it('property: any path and options give a sink or a WaybillShieldError, never a foreign error', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.stringMatching(/^[a-z0-9][a-z0-9.-]{0,20}$/).map((n) => join(dir, 'prop', n)),
          fc.constant(join(dir, 'nope', 'x.jsonl')),
          fc.constant(dir),
          fc.constant(''),
          fc.constant('a\u0000b'),
          fc.integer(),
          fc.constant(null),
          fc.object(),
        ),
        fc.oneof(fc.anything(), fc.record({ fsync: fc.anything(), mode: fc.anything(), lock: fc.anything() })),
        (path, opts) => {
          try {
            const s = new JsonlAuditSink(path as string, opts as never);
            s.close();
          } catch (e) {
            expect(e).toBeInstanceOf(WaybillShieldError);
            if (typeof path === 'string' && path.length > 0) expect((e as Error).message).not.toContain(path);
          }
        },
      ),
      { numRuns: 200 },
    );
  });
});
