/**
 * The shared hostile-input table (test/helpers/hostile.ts) fed to every public function, in every
 * argument position: each call returns or throws a WaybillShieldError whose message and JSON carry
 * no part of the input. No raw TypeError, no hang (the suite's timeout bounds every call).
 */
import { describe, expect, it } from 'vitest';
import * as api from '../src/index.js';
import { HOSTILE_ALL } from './helpers/hostile.js';
import { sampleWaybill, testKeyring } from './helpers/fixtures.js';

const keyring = testKeyring();
const record = api.protect(sampleWaybill(), { keyring });
const who = { keyring, actor: 'cs-1', purpose: 'complaint-callback' };
const soon = new Date(Date.now() + 3_600_000);
const token = api.issueRevealToken({ keyring, waybillId: 'W1', courierId: 'c-1', notAfter: soon });

/** Public function → how to call it with one hostile value `x` in a given position. */
export const TARGETS: Record<string, ((x: unknown) => unknown)[]> = {
  parseWaybill: [(x) => api.parseWaybill(x)],
  safeParseWaybill: [(x) => api.safeParseWaybill(x)],
  isValidWaybill: [(x) => api.isValidWaybill(x)],
  protect: [(x) => api.protect(x, { keyring }), (x) => api.protect(sampleWaybill(), x as never), (x) => api.protect(sampleWaybill(), { keyring, policy: x as never }), (x) => api.protect(sampleWaybill(), { keyring, now: x as never })],
  protectFields: [
    (x) => api.protect(sampleWaybill({ recipient: { name: x as string, phone: '0901234567', address: 'Hà Nội' } }), { keyring }),
    (x) => api.protect(sampleWaybill({ recipient: { name: 'Lan', phone: x as string, address: 'Hà Nội' } }), { keyring }),
    (x) => api.protect(sampleWaybill({ recipient: { name: 'Lan', phone: '0901234567', address: x as string } }), { keyring }),
    (x) => api.protect(sampleWaybill({ goods: { description: x as string } }), { keyring }),
    (x) => api.protect(sampleWaybill({ notes: x as string }), { keyring }),
    (x) => api.protect(sampleWaybill({ id: x as string }), { keyring }),
  ],
  unseal: [(x) => api.unseal(x as never, 'recipient.phone', who), (x) => api.unseal(record, x as never, who), (x) => api.unseal(record, 'recipient.phone', x as never), (x) => api.unseal(record, 'recipient.phone', { ...who, actor: x as never }), (x) => api.unseal(record, 'recipient.phone', { ...who, purpose: x as never })],
  unsealEnvelope: [(x) => api.unseal({ ...record, sealed: { ...record.sealed, 'recipient.phone': x as string } }, 'recipient.phone', who)],
  reseal: [(x) => api.reseal(x as never, { keyring }), (x) => api.reseal(record, x as never)],
  phoneIndex: [(x) => api.phoneIndex(x as string, { keyring }), (x) => api.phoneIndex('0901234567', x as never)],
  phoneIndexes: [(x) => api.phoneIndexes(x as string, { keyring })],
  normalizePhone: [(x) => api.normalizePhone(x as string), (x) => api.normalizePhone('0901234567', x as never)],
  isValidPhone: [(x) => api.isValidPhone(x as string)],
  maskPhone: [(x) => api.maskPhone(x as string), (x) => api.maskPhone('0901234567', x as never)],
  maskName: [(x) => api.maskName(x as string), (x) => api.maskName('Lê Lan', x as never)],
  'Keyring.fromJSON': [(x) => api.Keyring.fromJSON(x as never)],
  'Keyring.generate': [(x) => api.Keyring.generate(x as never), (x) => api.Keyring.generate({ epochMonths: x as never }), (x) => api.Keyring.generate({ from: x as never })],
  'keyring.ensureEpochs': [(x) => api.Keyring.generate().ensureEpochs(x as never), (x) => api.Keyring.generate().ensureEpochs({ through: x as never })],
  'keyring.shred': [(x) => api.Keyring.generate().shred(x as never), (x) => api.Keyring.generate().shred({ before: x as never }), (x) => api.Keyring.generate().shred({ before: '2025-01', actor: x as never })],
  forget: [(x) => api.forget(x as never), (x) => api.forget(record, x as never), (x) => api.forget(record, { actor: x as never }), (x) => api.forget(record, { purpose: x as never })],
  retentionEpoch: [(x) => api.retentionEpoch(x as never), (x) => api.retentionEpoch({ keyring, now: x as never }), (x) => api.retentionEpoch({ keyring: api.Keyring.generate(), policy: { retention: x as never } })],
  epochOf: [(x) => api.epochOf(x as never), (x) => api.epochOf(new Date(), x as never)],
  phoneIndexEpoch: [(x) => api.phoneIndex('0901234567', { keyring: api.Keyring.generate(), epoch: x as never }), (x) => api.phoneIndex('0901234567', { keyring: api.Keyring.generate(), now: x as never })],
  resolvePolicy: [(x) => api.resolvePolicy(x as never)],
  parseAddress: [(x) => api.parseAddress(x as string), (x) => api.parseAddress('Hà Nội', x as never)],
  maskAddress: [(x) => api.maskAddress(x as string), (x) => api.maskAddress('Hà Nội', x as never), (x) => api.maskAddress(x as never, {})],
  addressRouting: [(x) => api.addressRouting(x as never), (x) => api.addressRouting(api.parseAddress('Hà Nội'), x as never)],
  createGazetteer: [(x) => api.createGazetteer(x as never)],
  classifyGoods: [(x) => api.classifyGoods(x as string)],
  goodsLabel: [(x) => api.goodsLabel(x as never), (x) => api.goodsLabel(api.classifyGoods('áo thun'), x as never)],
  scrubText: [(x) => api.scrubText(x as string), (x) => api.scrubText('gọi 0901234567', x as never)],
  issueRevealToken: [
    (x) => api.issueRevealToken(x as never),
    (x) => api.issueRevealToken({ keyring, waybillId: x as string, courierId: 'c-1', notAfter: soon }),
    (x) => api.issueRevealToken({ keyring, waybillId: 'W1', courierId: x as string, notAfter: soon }),
    (x) => api.issueRevealToken({ keyring, waybillId: 'W1', courierId: 'c-1', notAfter: x as Date }),
    (x) => api.issueRevealToken({ keyring, waybillId: 'W1', courierId: 'c-1', notAfter: soon, fields: x as never }),
    (x) => api.issueRevealToken({ keyring, waybillId: 'W1', courierId: 'c-1', notAfter: soon, assignment: x as number }),
  ],
  formatRevealToken: [(x) => api.formatRevealToken(x as string)],
  redeemRevealToken: [
    (x) => api.redeemRevealToken(x as string, { keyring, waybillId: 'W1', courierId: 'c-1', ledger: new api.MemoryLedger() }),
    (x) => api.redeemRevealToken(token, x as never),
    (x) => api.redeemRevealToken(token, { keyring, waybillId: x as string, courierId: 'c-1', ledger: new api.MemoryLedger() }),
    (x) => api.redeemRevealToken(token, { keyring, waybillId: 'W1', courierId: 'c-1', ledger: x as never }),
    (x) => api.redeemRevealToken(token, { keyring, waybillId: 'W1', courierId: 'c-1', ledger: new api.MemoryLedger(), record: x as never }),
  ],
  reveal: [(x) => api.reveal(record, x as never, { keyring }), (x) => api.reveal(x as never, undefined as never, { keyring })],
  revokeRevealToken: [(x) => api.revokeRevealToken(x as string, { keyring, waybillId: 'W1', courierId: 'c-1', ledger: new api.MemoryLedger() } as never)],
  revokeWaybillReveals: [(x) => api.revokeWaybillReveals(x as string, { ledger: new api.MemoryLedger() } as never)],
  callerCode: [(x) => api.callerCode(x as never), (x) => api.callerCode({ keyring, waybillId: x as string, courierId: 'c-1' }), (x) => api.callerCode({ keyring, waybillId: 'W1', courierId: 'c-1', at: x as Date })],
  verifyCallerCode: [(x) => api.verifyCallerCode(x as string, { keyring, waybillId: 'W1', courierId: 'c-1' }), (x) => api.verifyCallerCode('123456', x as never)],
  courierCallerKey: [(x) => api.courierCallerKey(x as never), (x) => api.courierCallerKey({ keyring, courierId: x as string }), (x) => api.courierCallerKey({ keyring, courierId: 'c-1', day: x as Date })],
  'CallerKey.fromJSON': [(x) => api.CallerKey.fromJSON(x as never), (x) => api.CallerKey.fromJSON({ ...api.courierCallerKey({ keyring, courierId: 'c-1' }).export(), key: x as string })],
  'CallerKey#code': [(x) => api.courierCallerKey({ keyring, courierId: 'c-1' }).code(x as never), (x) => api.courierCallerKey({ keyring, courierId: 'c-1' }).code({ waybillId: x as string }), (x) => api.callerCode({ callerKey: x as never, waybillId: 'W1' })],
  callerCheck: [
    (x) => api.callerCheck(x as never),
    (x) => api.callerCheck({ keyring, record: x as never, phoneLast4: '4567', code: '123456', ledger: new api.MemoryLedger() }),
    (x) => api.callerCheck({ keyring, record, phoneLast4: x as string, code: '123456', ledger: new api.MemoryLedger() }),
    (x) => api.callerCheck({ keyring, record, phoneLast4: '4567', code: x as string, ledger: new api.MemoryLedger() }),
    (x) => api.callerCheck({ keyring, record, phoneLast4: '4567', code: '123456', courierId: x as string, ledger: new api.MemoryLedger() }),
    (x) => api.callerCheck({ keyring, record, phoneLast4: '4567', code: '123456', ledger: x as never }),
  ],
  deliveryPin: [(x) => api.deliveryPin(x as never), (x) => api.deliveryPin({ keyring, waybillId: x as string })],
  verifyDeliveryPin: [(x) => api.verifyDeliveryPin(x as string, { keyring, waybillId: 'W1', ledger: new api.MemoryLedger() }), (x) => api.verifyDeliveryPin('123456', x as never)],
  MemoryLedger: [(x) => new api.MemoryLedger(x as never)],
  AuditChain: [(x) => new api.AuditChain(x as never), (x) => new api.AuditChain().append(x as never), (x) => api.AuditChain.verify(x as never)],
};

function leakFree(e: unknown, x: unknown): void {
  expect(e, 'threw something other than WaybillShieldError').toBeInstanceOf(api.WaybillShieldError);
  const text = `${(e as Error).message}\n${JSON.stringify(e)}`;
  if (typeof x === 'string' && x.length >= 4) {
    for (const probe of [x.slice(0, 8), x.slice(-8)]) if (probe.trim().length >= 4 && !/^[a-z_ ]+$/i.test(probe)) expect(text).not.toContain(probe);
  }
  expect(text).not.toContain('0901234567');
  expect(text).not.toContain('exploded');
  expect(text).not.toContain('trap');
}

describe('hostile inputs reach every public function', () => {
  for (const [name, calls] of Object.entries(TARGETS)) {
    it(`${name}: returns or throws WaybillShieldError, leaking nothing`, async () => {
      for (const call of calls) {
        for (const [label, x] of HOSTILE_ALL) {
          try {
            await call(x);
          } catch (e) {
            try {
              leakFree(e, x);
            } catch (assertion) {
              throw new Error(`${name} with ${label}: ${(assertion as Error).message}`);
            }
          }
        }
      }
    });
  }

  it('no hostile value pollutes Object.prototype', () => {
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(({} as Record<string, unknown>).admin).toBeUndefined();
  });
});
