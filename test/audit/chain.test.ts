import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';
import { describe, expect, it } from 'vitest';
import { AuditChain, AUDIT_GENESIS, auditRecordHash, MemoryAuditSink } from '../../src/audit/index.js';
import type { AuditEvent, AuditRecord, AuditSink } from '../../src/audit/types.js';

const T0 = Date.parse('2026-11-29T08:00:00Z');

function event(i: number): AuditEvent {
  return { actor: `cs-${i % 3}`, action: i % 2 ? 'unseal' : 'reveal', waybillId: `GHN${1000 + i}`, fields: ['recipient.phone'], purpose: 'complaint-callback', outcome: 'ok' };
}

function chainOf(n: number): { chain: AuditChain; sink: MemoryAuditSink; records: AuditRecord[] } {
  let t = T0;
  const sink = new MemoryAuditSink();
  const chain = new AuditChain({ sinks: sink, clock: () => new Date((t += 1000)) });
  for (let i = 0; i < n; i++) chain.append(event(i));
  return { chain, sink, records: sink.read() };
}

describe('AuditChain', () => {
  it('numbers, links and hashes records', () => {
    const { chain, records } = chainOf(3);
    expect(records.map((r) => r.seq)).toEqual([0, 1, 2]);
    expect(records[0]!.prev).toBe(AUDIT_GENESIS);
    expect(records[1]!.prev).toBe(records[0]!.hash);
    expect(records[0]).toEqual({
      seq: 0,
      at: '2026-11-29T08:00:01.000Z',
      actor: 'cs-0',
      action: 'reveal',
      waybillId: 'GHN1000',
      fields: ['recipient.phone'],
      purpose: 'complaint-callback',
      outcome: 'ok',
      reason: null,
      prev: AUDIT_GENESIS,
      hash: records[0]!.hash,
    });
    const { hash, ...body } = records[2]!;
    expect(auditRecordHash(body)).toBe(hash);
    expect(Object.isFrozen(records[0])).toBe(true);
    expect(chain.head).toEqual({ seq: 2, hash: records[2]!.hash });
    expect(chain.verify()).toEqual({ ok: true, count: 3, head: { seq: 2, hash: records[2]!.hash } });
  });

  it('pins the canonical hash (format stability)', () => {
    const body = { seq: 0, at: '2026-11-29T08:00:00.000Z', actor: 'cs-1', action: 'unseal' as const, waybillId: 'GHN1', fields: ['recipient.phone' as const], purpose: 'complaint-callback', outcome: 'ok' as const, reason: null, prev: AUDIT_GENESIS };
    const canonical = 'waybill-shield/audit/v1\n[0,"2026-11-29T08:00:00.000Z","cs-1","unseal","GHN1",["recipient.phone"],"complaint-callback","ok",null,"' + AUDIT_GENESIS + '"]';
    expect(auditRecordHash(body)).toBe(bytesToHex(sha256(utf8ToBytes(canonical))));
  });

  it('finds the first altered record', () => {
    const { records } = chainOf(6);
    for (const [field, value] of [
      ['actor', 'cs-9'],
      ['fields', ['recipient.phone', 'recipient.address']],
      ['outcome', 'denied'],
      ['at', '2026-11-29T09:00:00.000Z'],
      ['reason', 'bad-tag'],
    ] as const) {
      const tampered = records.map((r) => ({ ...r }));
      (tampered[3] as Record<string, unknown>)[field] = value;
      expect(AuditChain.verify(tampered)).toEqual({ ok: false, index: 3, seq: 3, problem: 'broken' });
    }
    // Rehashing the altered record does not help: the next link breaks.
    const rehashed = records.map((r) => ({ ...r }));
    rehashed[2] = { ...rehashed[2]!, actor: 'cs-9' };
    const { hash: _h, ...body } = rehashed[2];
    rehashed[2].hash = auditRecordHash(body);
    expect(AuditChain.verify(rehashed)).toEqual({ ok: false, index: 3, seq: 3, problem: 'broken' });
  });

  it('finds missing, reordered, duplicated and malformed records, and truncation', () => {
    const { records } = chainOf(6);
    expect(AuditChain.verify([...records.slice(0, 2), ...records.slice(3)])).toEqual({ ok: false, index: 2, seq: 2, problem: 'missing' });
    expect(AuditChain.verify(records.slice(1))).toEqual({ ok: false, index: 0, seq: 0, problem: 'missing' });
    const swapped = [records[0]!, records[2]!, records[1]!, ...records.slice(3)];
    expect(AuditChain.verify(swapped)).toEqual({ ok: false, index: 1, seq: 1, problem: 'reordered' });
    expect(AuditChain.verify([...records.slice(0, 3), records[2]!, ...records.slice(3)])).toEqual({ ok: false, index: 3, seq: 3, problem: 'reordered' });
    expect(AuditChain.verify([...records.slice(0, 4), null, ...records.slice(4)])).toEqual({ ok: false, index: 4, seq: 4, problem: 'malformed' });
    expect(AuditChain.verify([...records.slice(0, 4), { ...records[4], seq: '4' }])).toMatchObject({ index: 4, problem: 'malformed' });
    // Dropping the tail is only visible against a head kept elsewhere.
    expect(AuditChain.verify(records.slice(0, 4)).ok).toBe(true);
    expect(AuditChain.verify(records.slice(0, 4), { head: records[5]!.hash })).toEqual({ ok: false, index: 4, seq: 4, problem: 'missing' });
    expect(AuditChain.verify(records, { head: records[5]!.hash }).ok).toBe(true);
    // A segment verifies from a known head.
    expect(AuditChain.verify(records.slice(3), { from: { seq: 2, hash: records[2]!.hash } })).toMatchObject({ ok: true, count: 3 });
    expect(AuditChain.verify(records.slice(3), { from: { seq: 2, hash: records[1]!.hash } })).toMatchObject({ ok: false, index: 0, problem: 'broken' });
  });

  it('refuses events that could carry values', () => {
    const chain = new AuditChain();
    const bad: Partial<AuditEvent>[] = [
      { actor: 'Nguyễn Văn A' },
      { actor: '0901234567 x' },
      { waybillId: 'GHN 1 +84901234567' },
      { fields: ['+84901234567' as never] },
      { purpose: 'call 0901234567' },
      { purpose: 'callback-0901234567' },
      { reason: 'phone was +84901234567' },
      { action: 'export' as never },
      { outcome: 'maybe' as never },
    ];
    for (const b of bad) expect(() => chain.append({ ...event(0), ...b })).toThrow(expect.objectContaining({ code: 'AUDIT_FAILED' }));
    expect(() => chain.append(null as unknown as AuditEvent)).toThrow(expect.objectContaining({ code: 'AUDIT_FAILED' }));
    expect(chain.head.seq).toBe(-1);
    // Extra properties are not copied into the record.
    const r = chain.append({ ...event(0), phone: '+84901234567' } as AuditEvent);
    expect(JSON.stringify(r)).not.toContain('901234567');
  });

  it('reports a failing sink as AUDIT_FAILED, and the gap shows on verify', () => {
    const good = new MemoryAuditSink();
    let fail = false;
    const flaky: AuditSink = {
      write(r) {
        if (fail) throw new Error('disk full');
        good.write(r);
      },
      read: () => good.read(),
    };
    const chain = new AuditChain({ sinks: flaky });
    chain.append(event(0));
    fail = true;
    expect(() => chain.append(event(1))).toThrow(expect.objectContaining({ code: 'AUDIT_FAILED' }));
    fail = false;
    chain.append(event(2));
    expect(chain.verify()).toEqual({ ok: false, index: 1, seq: 1, problem: 'missing' });
  });

  it('resumes after the last record of its first sink', () => {
    const { sink } = chainOf(3);
    const again = new AuditChain({ sinks: sink });
    expect(again.append(event(9)).seq).toBe(3);
    expect(again.verify()).toMatchObject({ ok: true, count: 4 });
    expect(() => new AuditChain({ resume: { seq: 1, hash: 'nothex' } })).toThrow(expect.objectContaining({ code: 'AUDIT_FAILED' }));
    expect(() => new AuditChain({ sinks: [] })).toThrow(expect.objectContaining({ code: 'AUDIT_FAILED' }));
    expect(() => new AuditChain({ sinks: { write() {} } }).verify()).toThrow(expect.objectContaining({ code: 'AUDIT_FAILED' }));
  });
});
