/**
 * The address step of protect() (parseAddress, then maskAddress and addressRouting of the parse, as
 * `src/_protect-address.ts` runs them) against one XChaCha20-Poly1305 seal of the same text
 * (`sealField` in the record's epoch, as protect() runs it on every sealed field). The ratio reads
 * "our time / one seal's time", so it shows what the address step adds to protect() in units of
 * its crypto; protect() runs it twice per waybill (recipient and sender). Two seals:
 * - the portable noble seal (browsers, React Native, and every platform when issue #10 set the
 *   address step's budget at 0.3 of one seal): gated at that budget;
 * - the seal protect() uses on this platform (on Node the native backend, about twice as fast):
 *   context, so the step's share of a Node protect() is visible too.
 * Inputs are the recipient and sender addresses of `SAMPLE_ROWS`.
 */
import { parseAddress } from '../../src/address/parse.js';
import { maskAddress } from '../../src/address/mask.js';
import { addressRouting } from '../../src/address/routing.js';
import { sealField } from '../../src/crypto/envelope.js';
import { aead, useAeadBackend } from '../../src/crypto/_aead.js';
import { nobleAead } from '../../src/crypto/_aead-noble.js';
import { Keyring } from '../../src/keys/keyring.js';
import { recordEpoch } from '../../src/retention.js';
import { resolvePolicy } from '../../src/policy.js';
import { measure, paired, type HarnessOptions } from '../_harness.js';
import { SAMPLE_ROWS } from '../samples.js';
import type { SuiteResult } from '../types.js';

export async function addressSuite(opts: HarnessOptions): Promise<SuiteResult[]> {
  const keyring = Keyring.generate();
  const addresses = SAMPLE_ROWS.flatMap((r) => [
    { id: r.id, field: 'recipient.address', text: r.recipient.address },
    { id: r.id, field: 'sender.address', text: r.sender.address },
  ]);
  const cycle = <T>(xs: readonly T[]): (() => T) => {
    let i = 0;
    return () => xs[i++ % xs.length]!;
  };
  // The default mask policy, as protect() passes it.
  const keep = { ward: true, district: true, province: true };

  const nextAddress = cycle(addresses);
  const nextSealed = cycle(addresses);
  const nextNoble = cycle(addresses);
  const selected = aead;
  const epoch = recordEpoch(keyring, resolvePolicy(undefined), new Date());
  const [step, seal, noble] = await measure(
    [
      {
        name: 'parseAddress + maskAddress + addressRouting',
        fn: () => {
          const parsed = parseAddress(nextAddress().text);
          return [maskAddress(parsed, { keep, convertTo2025: false }), addressRouting(parsed)];
        },
      },
      {
        name: `sealField (address, ${selected.name})`,
        fn: () => {
          const a = nextSealed();
          return sealField(keyring, a.id, a.field, a.text, epoch);
        },
      },
      {
        name: 'sealField (address, noble)',
        fn: () => {
          const a = nextNoble();
          // The switch is a variable assignment, as in the protect suite's noble row.
          useAeadBackend(nobleAead);
          try {
            return sealField(keyring, a.id, a.field, a.text, epoch);
          } finally {
            useAeadBackend(selected);
          }
        },
      },
    ],
    opts,
  );

  return [
    {
      id: 'address-vs-noble-seal',
      title: 'parse + mask + routing of one address / one noble XChaCha20-Poly1305 seal of it (issue #10 budget)',
      ours: step!,
      peer: noble!,
      ...paired(noble!, step!),
      bound: { max: 0.3 },
    },
    {
      id: 'address-vs-seal',
      title: `parse + mask + routing of one address / one ${selected.name} XChaCha20-Poly1305 seal of it (context)`,
      ours: step!,
      peer: seal!,
      ...paired(seal!, step!),
    },
  ];
}
