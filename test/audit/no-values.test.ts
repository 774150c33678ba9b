import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AuditChain, MemoryAuditSink } from '../../src/audit/index.js';
import type { AuditRecord } from '../../src/audit/types.js';
import { protect, unseal } from '../../src/protect.js';
import { MemoryLedger } from '../../src/ledger/memory.js';
import { formatRevealToken, issueRevealToken, redeemRevealToken, reveal, revokeRevealToken } from '../../src/reveal/index.js';
import { callerCode, deliveryPin, verifyCallerCode, verifyDeliveryPin } from '../../src/verify/index.js';
import { SEALED_FIELDS } from '../../src/schema.js';
import { sampleWaybill, TEST_KEYRING_JSON, testKeyring } from '../helpers/fixtures.js';

const keyring = testKeyring();
const T0 = Date.parse('2026-11-29T08:00:00Z');
const ID = /^[A-Za-z0-9][A-Za-z0-9._:-]{0,63}$/;
const CODE = /^[a-z][a-z0-9._:-]{1,63}$/;

/** Every string in a record is an identifier, a code, a field path, a timestamp or a hash. */
function assertShape(r: AuditRecord): void {
  expect(Object.keys(r).sort()).toEqual(['action', 'actor', 'at', 'fields', 'hash', 'outcome', 'prev', 'purpose', 'reason', 'seq', 'waybillId']);
  expect(r.actor).toMatch(ID);
  expect(r.waybillId).toMatch(ID);
  for (const f of r.fields) expect(SEALED_FIELDS).toContain(f);
  if (r.purpose !== null) expect(r.purpose).toMatch(CODE);
  if (r.reason !== null) expect(r.reason).toMatch(CODE);
  expect(r.at).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
  expect(r.hash).toMatch(/^[0-9a-f]{64}$/);
  expect(r.prev).toMatch(/^[0-9a-f]{64}$/);
}

describe('audit records never contain a value, a token or a key', () => {
  it('holds over whole reveal flows with random customers', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom('090', '091', '093', '096', '097', '098', '086', '088', '032', '035', '070', '079', '083'),
        fc.stringMatching(/^[0-9]{7}$/),
        fc.constantFrom('Nguyễn Thị Minh Khai', 'Trần Văn Bình', 'Lê Hoàng Yến Nhi', 'Phạm Quốc Đạt'),
        fc.stringMatching(/^[A-Z]{3}[0-9]{4,10}$/),
        fc.constantFrom('courier-042', 'c9', 'hub3.courier-77'),
        async (prefix, tail, name, waybillId, courierId) => {
          const phone = `${prefix}${tail}`;
          const digits = phone.slice(2);
          const sink = new MemoryAuditSink();
          const audit = new AuditChain({ sinks: sink });
          const ledger = new MemoryLedger();
          const record = protect(sampleWaybill({ id: waybillId, recipient: { name, phone, address: `Số ${digits.slice(0, 2)} ngõ 4 Nguyễn Trãi, Hà Nội` }, assignment: { courierId, number: 3 } }), { keyring });
          const now = new Date(T0 + 60_000);
          const token = issueRevealToken({ keyring, waybillId, courierId, assignment: 3, fields: ['recipient.phone', 'recipient.name', 'recipient.address'], notBefore: new Date(T0), notAfter: new Date(T0 + 3_600_000), audit });
          const o = { keyring, waybillId, courierId, assignment: 3, now, ledger, audit };
          for (const bad of [token.slice(0, 19) + (token[19] === 'A' ? 'B' : 'A'), `${phone}0000000000`, token.toLowerCase().slice(2)]) await redeemRevealToken(bad, o).catch(() => undefined);
          await redeemRevealToken(token, { ...o, assignment: 4 }).catch(() => undefined);
          await redeemRevealToken(token, { ...o, now: new Date(T0 + 7_200_000) }).catch(() => undefined);
          const grant = await redeemRevealToken(formatRevealToken(token), o);
          const shown = reveal(record, grant, { keyring, audit, now });
          expect(shown['recipient.phone']).toBe(`+84${phone.slice(1)}`);
          expect(() => reveal(record, grant, { keyring, audit, now })).toThrow();
          unseal(record, 'recipient.name', { keyring, actor: 'cs-agent-17', purpose: 'complaint-callback', audit });
          await revokeRevealToken(token, { keyring, waybillId, courierId, assignment: 3, ledger, audit, now });
          const { code } = callerCode({ keyring, waybillId, courierId, at: now });
          verifyCallerCode(code, { keyring, waybillId, courierId, at: now, audit });
          const pin = deliveryPin({ keyring, waybillId, at: now });
          await verifyDeliveryPin(pin, { keyring, waybillId, at: now, ledger, audit, actor: courierId });
          await verifyDeliveryPin('000000', { keyring, waybillId, at: now, ledger, audit, actor: courierId });

          const records = sink.read();
          expect(records.length).toBeGreaterThanOrEqual(12);
          expect(audit.verify().ok).toBe(true);
          for (const r of records) assertShape(r);
          // Hashes are checked by shape above; leave them out of the search so a 6-digit code
          // cannot match a run of hex digits by chance.
          const text = JSON.stringify(records.map(({ hash: _h, prev: _p, ...rest }) => rest)).toLowerCase();
          const secrets = [
            phone,
            phone.slice(1),
            digits,
            name.toLowerCase(),
            name.split(' ').at(-1)!.toLowerCase(),
            'nguyễn trãi',
            token.toLowerCase(),
            formatRevealToken(token).toLowerCase(),
            TEST_KEYRING_JSON.keys[0]!.key.toLowerCase(),
            code,
            pin,
          ];
          for (const s of secrets) expect(text).not.toContain(s);
        },
      ),
      { numRuns: 40 },
    );
  });
});
