/**
 * protect() against peers doing the same work:
 * - a node:crypto pipeline (same parsing and masking, AES-256-GCM per field with batched IVs): gated;
 * - its crypto floor (only the primitive calls, on pre-encoded bytes): protect()'s sealing steps are
 *   gated against it, and protect() as a whole is shown against it for context;
 * - the portable noble backend against the native one, for the speedup native seals bring;
 * - ciphersweet-js (same fields and index) and maskdata (masks only).
 */
import { base64urlnopad } from '@scure/base';
import { bytesToHex } from '@noble/hashes/utils.js';
import { aead, useAeadBackend } from '../../src/crypto/_aead.js';
import { nobleAead } from '../../src/crypto/_aead-noble.js';
import { protect, sealedValues } from '../../src/protect.js';
import { sealField } from '../../src/crypto/envelope.js';
import { phoneIndexOfE164 } from '../../src/crypto/blind-index.js';
import { maskName } from '../../src/mask/name.js';
import { maskPhone } from '../../src/mask/phone.js';
import { parseWaybill } from '../../src/schema.js';
import { Keyring } from '../../src/keys/keyring.js';
import { recordEpoch } from '../../src/retention.js';
import { resolvePolicy } from '../../src/policy.js';
import { measure, paired, type HarnessOptions } from '../_harness.js';
import { createNativeProtect } from '../peers/native.js';
import { createFloor, encodeForFloor } from '../peers/floor.js';
import { createCipherSweetRow, hasSodiumNative } from '../peers/ciphersweet.js';
import { maskdataParty } from '../peers/maskdata.js';
import { SAMPLE_ROWS } from '../samples.js';
import type { SuiteResult } from '../types.js';

export async function protectSuite(opts: HarnessOptions): Promise<SuiteResult[]> {
  const keyring = Keyring.generate();
  const root = base64urlnopad.decode(keyring.export().keys[0]!.key);
  const rows = SAMPLE_ROWS;
  const parsed = rows.map((r) => parseWaybill(r));
  const encoded = parsed.map(encodeForFloor);
  let i = 0;
  const next = () => rows[i++ % rows.length]!;
  let j = 0;
  const nextParsed = () => parsed[j++ % parsed.length]!;
  let e = 0;
  const nextEncoded = () => encoded[e++ % encoded.length]!;
  const selected = aead;

  const native = createNativeProtect(root);
  const floor = createFloor(root, selected);
  // protect() takes the goods category from its view; classify outside the timed steps likewise.
  const values = parsed.map((wb) => sealedValues(wb));
  let v = 0;
  // As protect() does: the record's retention epoch once per record, then every seal and the index in it.
  const policy = resolvePolicy(undefined);
  const sealSteps = () => {
    const k = v++ % parsed.length;
    const wb = parsed[k]!;
    const epoch = recordEpoch(keyring, policy, new Date());
    const out: string[] = [];
    for (const [field, value] of values[k]!) out.push(sealField(keyring, wb.id, field, value, epoch));
    out.push(phoneIndexOfE164(keyring, wb.recipient.phone, undefined, epoch));
    return out;
  };
  const m1 = await measure(
    [
      { name: 'protect()', fn: () => protect(next(), { keyring }) },
      { name: 'node:crypto pipeline', fn: () => native(next()) },
      { name: `crypto floor (${selected.name})`, fn: () => floor(nextEncoded()) },
      { name: 'protect() seal + index steps', fn: sealSteps },
    ],
    opts,
  );
  const [ours, nat, flo, steps] = m1 as [(typeof m1)[0], (typeof m1)[0], (typeof m1)[0], (typeof m1)[0]];

  // The same protect() on each backend, interleaved; the switch is a variable assignment.
  const m2 = await measure(
    [
      { name: `protect() (${selected.name} seals)`, fn: () => protect(next(), { keyring }) },
      {
        name: 'protect() (noble seals)',
        fn: () => {
          useAeadBackend(nobleAead);
          try {
            return protect(next(), { keyring });
          } finally {
            useAeadBackend(selected);
          }
        },
      },
    ],
    opts,
  );
  const [onSelected, onNoble] = m2 as [(typeof m2)[0], (typeof m2)[0]];

  // Same work as a ciphersweet EncryptedRow: 4 sealed fields + 1 phone blind index, on clean values.
  const csKey = bytesToHex(root);
  const csFast = createCipherSweetRow(csKey, true);
  const csSlow = createCipherSweetRow(csKey, false);
  const csRow = (wb: (typeof parsed)[0]) => ({ name: wb.recipient.name, phone: wb.recipient.phone, address: wb.recipient.address, goods: wb.goods.description });
  const m3 = await measure(
    [
      {
        name: 'waybill-shield 4 fields + index',
        fn: () => {
          const wb = nextParsed();
          return [
            sealField(keyring, wb.id, 'recipient.name', wb.recipient.name),
            sealField(keyring, wb.id, 'recipient.phone', wb.recipient.phone),
            sealField(keyring, wb.id, 'recipient.address', wb.recipient.address),
            sealField(keyring, wb.id, 'goods.description', wb.goods.description),
            phoneIndexOfE164(keyring, wb.recipient.phone),
          ];
        },
      },
      { name: 'ciphersweet-js EncryptedRow (fastHash)', fn: () => csFast(csRow(nextParsed())) },
    ],
    opts,
  );
  const [sameOurs, csF] = m3 as [(typeof m3)[0], (typeof m3)[0]];
  // The Argon2id index costs tens of milliseconds per row: measure it briefly, for context only.
  const [csS] = await measure([{ name: 'ciphersweet-js EncryptedRow (default Argon2 index)', fn: () => csSlow(csRow(nextParsed())) }], {
    rounds: 1,
    sliceMs: Math.min(opts.sliceMs ?? 300, 1500),
    warmupMs: 0,
  });

  const m4 = await measure(
    [
      { name: 'maskName + maskPhone', fn: () => { const r = next(); return [maskName(r.recipient.name), maskPhone(r.recipient.phone)]; } },
      { name: 'maskdata', fn: () => { const r = next(); return maskdataParty(r.recipient.name, r.recipient.phone); } },
    ],
    opts,
  );
  const [mOurs, mPeer] = m4 as [(typeof m4)[0], (typeof m4)[0]];

  return [
    { id: 'protect-vs-native', title: 'protect() time / node:crypto pipeline time (same parsing and masks, AES-GCM per field, batched IVs)', ours, peer: nat, ...paired(nat, ours), bound: { max: 1.15 } },
    { id: 'steps-vs-floor', title: `protect()'s seal + index steps time / their primitive calls on pre-encoded bytes (${selected.name})`, ours: steps, peer: flo, ...paired(flo, steps), bound: { max: 1.5 } },
    { id: 'protect-vs-floor', title: `protect() time / crypto floor time (${selected.name}; context: the floor skips parsing, masks, address and goods)`, ours, peer: flo, ...paired(flo, ours) },
    { id: 'noble-vs-native', title: `protect() on noble seals time / on ${selected.name} seals time (the native speedup)`, ours: onSelected, peer: onNoble, ...paired(onSelected, onNoble) },
    {
      id: 'same-work-vs-ciphersweet',
      title: `4 fields + index vs ciphersweet-js fastHash (throughput ratio; sodium-native ${hasSodiumNative() ? 'loaded' : 'NOT loaded'})`,
      ours: sameOurs,
      peer: csF,
      ...paired(sameOurs, csF),
      bound: { min: 1.5 },
    },
    { id: 'same-work-vs-ciphersweet-argon2', title: 'same work vs ciphersweet-js default Argon2 index (context only)', ours: sameOurs, peer: csS!, ratio: sameOurs.perSec / csS!.perSec },
    { id: 'mask-vs-maskdata', title: 'name + phone masks vs maskdata (throughput ratio; ours parses the phone)', ours: mOurs, peer: mPeer, ...paired(mOurs, mPeer) },
  ];
}
