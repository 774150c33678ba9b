/**
 * Reveal tokens: redemption with the in-memory ledger against one HMAC-SHA256 of 64 bytes, gated at
 * ≤ 4×. The unit HMAC is cloned from a pre-keyed state, as the library's own MACs are, so the key
 * schedule is paid on neither side. Also issue + redeem together, and
 * caller-code verification, for context.
 */
import { hmac } from '@noble/hashes/hmac.js';
import { sha256 } from '@noble/hashes/sha2.js';
import { Keyring } from '../../src/keys/keyring.js';
import { MemoryLedger } from '../../src/ledger/memory.js';
import { issueRevealToken, redeemRevealToken } from '../../src/reveal/index.js';
import { callerCode, verifyCallerCode } from '../../src/verify/index.js';
import { measure, paired, type HarnessOptions } from '../_harness.js';
import type { SuiteResult } from '../types.js';

export async function revealSuite(opts: HarnessOptions): Promise<SuiteResult[]> {
  const keyring = Keyring.generate();
  const keyed = hmac.create(sha256, new Uint8Array(32).fill(7));
  const msg = new Uint8Array(64).fill(9);
  const notBefore = new Date(Date.now() - 3_600_000);
  const notAfter = new Date(Date.now() + 6 * 3_600_000);
  // A pool of tokens for distinct waybills, so the ledger sees realistic keys rather than one hot entry.
  const pool = Array.from({ length: 2_000 }, (_, i) => {
    const waybillId = `GHN${26112900000 + i}`;
    return { waybillId, token: issueRevealToken({ keyring, waybillId, courierId: 'courier-042', assignment: 1, notBefore, notAfter }) };
  });
  const ledger = new MemoryLedger();
  let i = 0;
  const redeemOne = () => {
    const t = pool[i++ % pool.length]!;
    return redeemRevealToken(t.token, { keyring, waybillId: t.waybillId, courierId: 'courier-042', assignment: 1, ledger, maxUses: 1_000_000_000 });
  };
  let k = 0;
  const issueAndRedeem = async () => {
    const waybillId = `VTP${k++}`;
    const token = issueRevealToken({ keyring, waybillId, courierId: 'courier-7', assignment: 2, notBefore, notAfter });
    return redeemRevealToken(token, { keyring, waybillId, courierId: 'courier-7', assignment: 2, ledger: new MemoryLedger({ maxEntries: 16 }) });
  };
  const code = callerCode({ keyring, waybillId: 'GHN1', courierId: 'courier-042' }).code;
  const [hm, redeem, both, cc] = await measure(
    [
      { name: 'HMAC-SHA256 of 64 B (cloned keyed state)', fn: () => keyed.clone().update(msg).digest() },
      { name: 'redeemRevealToken (MemoryLedger)', fn: redeemOne },
      { name: 'issueRevealToken + redeemRevealToken', fn: issueAndRedeem },
      { name: 'verifyCallerCode', fn: () => verifyCallerCode(code, { keyring, waybillId: 'GHN1', courierId: 'courier-042' }) },
    ],
    opts,
  );
  return [
    { id: 'redeem-vs-hmac', title: 'redeem (MemoryLedger) time / one HMAC-SHA256 of 64 B', ours: redeem!, peer: hm!, ...paired(hm!, redeem!), bound: { max: 4 } },
    { id: 'issue-redeem-vs-hmac', title: 'issue + redeem time / one HMAC-SHA256 of 64 B (context)', ours: both!, peer: hm!, ...paired(hm!, both!) },
    { id: 'caller-code-vs-hmac', title: 'verifyCallerCode time / one HMAC-SHA256 of 64 B (context)', ours: cc!, peer: hm!, ...paired(hm!, cc!) },
  ];
}
