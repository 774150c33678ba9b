/**
 * issueRevealToken reads only `revealFields` from a policy (so token code does not bundle the
 * policy schema). Its check must agree with MaskPolicySchema's on that field, for any input.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { issueRevealToken } from '../../src/reveal/index.js';
import { resolvePolicy } from '../../src/policy.js';
import { SEALED_FIELDS } from '../../src/_fields.js';
import { Keyring } from '../../src/keys/keyring.js';
import { WaybillShieldError } from '../../src/errors.js';

const keyring = Keyring.generate();
const T0 = Date.UTC(2026, 10, 30, 8);
const code = (fn: () => unknown): string | undefined => {
  try {
    fn();
    return undefined;
  } catch (e) {
    return e instanceof WaybillShieldError ? e.code : 'foreign';
  }
};

describe('issueRevealToken policy.revealFields', () => {
  it('accepts and refuses exactly what MaskPolicySchema does, and grants the same fields (property)', () => {
    const field = fc.oneof(fc.constantFrom(...SEALED_FIELDS), fc.string({ maxLength: 12 }), fc.integer());
    const rf = fc.oneof(fc.constant(undefined), fc.array(field, { maxLength: 10 }), fc.string(), fc.constant(null));
    fc.assert(
      fc.property(rf, (revealFields) => {
        const policy = revealFields === undefined ? {} : { revealFields };
        const window = { notBefore: new Date(T0), notAfter: new Date(T0 + 3_600_000) };
        // What issuing did with the full schema: resolve the policy, then issue for its revealFields.
        let want: string | undefined;
        const viaSchema = code(() => {
          want = issueRevealToken({ keyring, waybillId: 'GHN1', courierId: 'c1', fields: resolvePolicy(policy as never).revealFields, ...window });
        });
        let token: string | undefined;
        const viaIssue = code(() => {
          token = issueRevealToken({ keyring, waybillId: 'GHN1', courierId: 'c1', policy: policy as never, ...window });
        });
        expect(viaIssue).toBe(viaSchema);
        expect(token).toBe(want);
      }),
      { numRuns: 300 },
    );
  });

  it('refuses a policy that is not an object with INVALID_POLICY', () => {
    for (const p of [null, 3, 'x', []]) {
      expect(code(() => issueRevealToken({ keyring, waybillId: 'GHN1', courierId: 'c1', policy: p as never, notAfter: new Date(Date.now() + 3_600_000) }))).toBe('INVALID_POLICY');
    }
  });
});
