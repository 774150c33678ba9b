// One actor and purpose rule for every entry point, audited or not: a phone number typed as an
// actor or purpose is refused whatever separators it has (issue 13, audit actor and purpose).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as api from '../../src/index.js';
import { sampleWaybill, testKeyring } from '../helpers/fixtures.js';

const keyring = testKeyring();
const T0 = new Date('2026-11-29T10:00:00Z');
const record = api.protect(sampleWaybill(), { keyring, now: T0 });
const window = { notBefore: new Date('2026-11-29T08:00:00Z'), notAfter: new Date('2026-11-29T20:00:00Z') };

/** A Vietnamese mobile number written with one kind of separator between its groups. */
const phoneActor = fc
  .tuple(fc.constantFrom('090', '091', '038', '070'), fc.stringMatching(/^[0-9]{7}$/), fc.constantFrom('-', '.', '_', ':', ''))
  .map(([p, rest, sep]) => `${p}${rest.slice(0, 1)}${sep}${rest.slice(1, 4)}${sep}${rest.slice(4)}`);

function codeOf(fn: () => unknown): string {
  try {
    fn();
    return 'ok';
  } catch (e) {
    return e instanceof api.WaybillShieldError ? e.code : 'foreign';
  }
}

describe('actor and purpose rule, on every entry point', () => {
  it('a phone written as an actor is refused by unseal (without an audit), issueRevealToken and forget', () => {
    fc.assert(
      fc.property(phoneActor, (actor) => {
        expect(codeOf(() => api.unseal(record, 'recipient.name', { keyring, actor, purpose: 'complaint-callback' }))).toBe('INVALID_INPUT');
        expect(codeOf(() => api.issueRevealToken({ keyring, waybillId: record.id, courierId: 'courier-042', actor, ...window }))).toBe('INVALID_INPUT');
        expect(codeOf(() => api.forget(record, { actor, purpose: 'erasure-request' }))).toBe('INVALID_INPUT');
      }),
      { numRuns: 50 },
    );
  });

  it('a purpose with a run of 4 digits across separators is refused by unseal', () => {
    for (const purpose of ['call-0901', 'call-09.01', 'call-0-9-0-1', 'year-2026']) {
      expect(codeOf(() => api.unseal(record, 'recipient.name', { keyring, actor: 'cs-17', purpose }))).toBe('INVALID_INPUT');
    }
    expect(api.unseal(record, 'recipient.name', { keyring, actor: 'cs-17', purpose: 'complaint-callback' })).toBe(api.parseWaybill(sampleWaybill()).recipient.name);
  });

  it('opaque staff and service ids stay valid', () => {
    for (const actor of ['cs-17', 'courier-042', 'svc:intake', 'agent.204816']) {
      expect(codeOf(() => api.unseal(record, 'recipient.name', { keyring, actor, purpose: 'complaint-callback' }))).toBe('ok');
    }
  });
});
