import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { Keyring } from '../../src/keys/keyring.js';
import { protect, reseal, unseal, type ProtectedWaybill } from '../../src/protect.js';
import { parseWaybill, type SealedField } from '../../src/schema.js';
import { phoneIndexes } from '../../src/crypto/blind-index.js';
import { envelopeHeader } from '../../src/crypto/envelope.js';

/** Made by the ws1 code before format ws2 existed (see the fixture's `note`). */
const fixture = JSON.parse(readFileSync(new URL('./fixtures/ws1.json', import.meta.url), 'utf8')) as {
  keyring: object;
  waybill: unknown;
  records: ProtectedWaybill[];
};
const who = { actor: 'cs-17', purpose: 'complaint-callback' };
const expected = parseWaybill(fixture.waybill);
/** The fields a ws1 record had: the sealed-field list has grown since (alt phones, goods category). */
const WS1_FIELDS = ['recipient.name', 'recipient.phone', 'recipient.address', 'sender.name', 'sender.phone', 'sender.address', 'goods.description', 'notes'] as const satisfies readonly SealedField[];
const valueOf = (f: (typeof WS1_FIELDS)[number]): string | undefined =>
  ({
    'recipient.name': expected.recipient.name,
    'recipient.phone': expected.recipient.phone,
    'recipient.address': expected.recipient.address,
    'sender.name': expected.sender.name,
    'sender.phone': expected.sender.phone,
    'sender.address': expected.sender.address,
    'goods.description': expected.goods.description,
    notes: expected.notes,
  })[f];

describe('envelope format ws1 (written before retention epochs)', () => {
  const v1 = Keyring.fromJSON(fixture.keyring);

  it('the fixture really is ws1 under a version 1 keyring', () => {
    expect((fixture.keyring as { v: number }).v).toBe(1);
    for (const r of fixture.records) for (const f of WS1_FIELDS) expect(r.sealed[f]).toMatch(/^ws1\.[12]\./);
  });

  it('old envelopes open with the old keyring, and with it after epochs are added', () => {
    const upgraded = v1.ensureEpochs({ now: new Date('2026-11-15T00:00:00Z') });
    for (const keyring of [v1, upgraded, Keyring.fromJSON(JSON.stringify(upgraded.export()))]) {
      for (const r of fixture.records) for (const f of WS1_FIELDS) expect(unseal(r, f, { keyring, ...who })).toBe(valueOf(f));
    }
  });

  it('old indexes are still found by phoneIndexes until the record is resealed', () => {
    const upgraded = v1.ensureEpochs({ now: new Date('2026-11-15T00:00:00Z') });
    const all = phoneIndexes('0901 234 567', { keyring: upgraded });
    for (const r of fixture.records) expect(all).toContain(r.index['recipient.phone']);
  });

  it('reseal upgrades to ws2, the primary key and the current epoch, with the same values', () => {
    const keyring = v1.ensureEpochs({ now: new Date('2026-11-15T00:00:00Z') });
    for (const r of fixture.records) {
      const up = reseal(r, { keyring, now: new Date('2026-11-20T00:00:00Z') });
      for (const f of WS1_FIELDS) {
        expect(envelopeHeader(up.sealed[f])).toEqual({ version: 2, keyId: 2, epoch: '2026-11' });
        expect(unseal(up, f, { keyring, ...who })).toBe(valueOf(f));
      }
      expect(up.index['recipient.phone']).toMatch(/^k2\.2026-11\.[0-9a-f]{8}$/);
      // Label, routing and goods summary are carried over untouched.
      expect(up.label).toEqual(r.label);
      expect(up.routing).toEqual(r.routing);
      // Resealing again changes nothing: every field is already current.
      expect(reseal(up, { keyring }).sealed).toEqual(up.sealed);
    }
  });

  it('reseal with a keyring still without epochs upgrades the format only (ws2, epoch 0)', () => {
    const up = reseal(fixture.records[0]!, { keyring: v1 });
    for (const f of WS1_FIELDS) expect(up.sealed[f]).toMatch(/^ws2\.2\.0\./);
    expect(unseal(up, 'notes', { keyring: v1, ...who })).toBe(expected.notes);
    expect(protect(fixture.waybill, { keyring: v1 }).sealed['notes']).toMatch(/^ws2\.2\.0\./);
  });
});
