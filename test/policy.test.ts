import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MaskPolicySchema, resolvePolicy, type MaskPolicy } from '../src/policy.js';
import { protect } from '../src/protect.js';
import { sampleWaybill, testKeyring } from './helpers/fixtures.js';

const keyring = testKeyring();

/** What a fresh object with the same content resolves to (or the error code it gets). */
function fresh(policy: unknown): unknown {
  try {
    return resolvePolicy(structuredClone(policy) as MaskPolicy);
  } catch (e) {
    return (e as { code?: string }).code;
  }
}

function viaCache(policy: unknown): unknown {
  try {
    return resolvePolicy(policy as MaskPolicy);
  } catch (e) {
    return (e as { code?: string }).code;
  }
}

describe('resolvePolicy cache', () => {
  it('returns the same frozen object while the policy object is unchanged', () => {
    const policy: MaskPolicy = { recipientName: { style: 'given-name' } };
    const a = resolvePolicy(policy);
    expect(resolvePolicy(policy)).toBe(a);
    expect(Object.isFrozen(a)).toBe(true);
    expect(Object.isFrozen(a.recipientName)).toBe(true);
    expect(() => {
      (a.recipientName as { style: string }).style = 'full-mask';
    }).toThrow(TypeError);
  });

  it('a nested field changed after first use takes effect in protect()', () => {
    const policy: MaskPolicy = { recipientName: { style: 'given-name' }, recipientPhone: { style: 'first3-last3' } };
    expect(protect(sampleWaybill(), { keyring, policy }).label.recipient.name).toBe('N** T** M** Khai');
    policy.recipientName!.style = 'initials';
    policy.recipientPhone!.style = 'last3';
    const p = protect(sampleWaybill(), { keyring, policy });
    expect(p.label.recipient.name).toBe('N** T** M** K**');
    expect(p.label.recipient.phone).toBe('*******567');
  });

  it('a top-level field replaced, added or deleted after first use takes effect', () => {
    const policy: MaskPolicy = { showCod: true };
    expect(protect(sampleWaybill(), { keyring, policy }).label.codAmount).toBe(32_000_000);
    policy.showCod = false;
    expect(protect(sampleWaybill(), { keyring, policy }).label.codAmount).toBeUndefined();
    delete policy.showCod;
    expect(protect(sampleWaybill(), { keyring, policy }).label.codAmount).toBe(32_000_000);
    policy.goods = { show: 'none' };
    expect(resolvePolicy(policy).goods.show).toBe('none');
    policy.revealFields = ['recipient.phone'];
    expect(resolvePolicy(policy).revealFields).toEqual(['recipient.phone']);
    policy.revealFields.push('recipient.address');
    expect(resolvePolicy(policy).revealFields).toEqual(['recipient.phone', 'recipient.address']);
  });

  it('a policy made invalid after first use is refused, and valid again once fixed', () => {
    const policy: Record<string, unknown> = { recipientName: { style: 'initials' } };
    expect(resolvePolicy(policy as MaskPolicy).recipientName.style).toBe('initials');
    (policy.recipientName as Record<string, unknown>).style = 'loud';
    expect(() => resolvePolicy(policy as MaskPolicy)).toThrow(expect.objectContaining({ code: 'INVALID_POLICY' }));
    (policy.recipientName as Record<string, unknown>).style = 'full-mask';
    expect(resolvePolicy(policy as MaskPolicy).recipientName.style).toBe('full-mask');
    policy.bogus = 1;
    expect(() => resolvePolicy(policy as MaskPolicy)).toThrow(expect.objectContaining({ code: 'INVALID_POLICY' }));
  });

  it('a getter is read once per resolution: what is cached is what was validated', () => {
    let reads = 0;
    const policy = {
      get showCod() {
        reads++;
        // Valid on the first read, invalid on any later read of the same resolution.
        return reads === 1 ? false : ('yes' as unknown as boolean);
      },
    };
    expect(resolvePolicy(policy).showCod).toBe(false);
    expect(reads).toBe(1);
    // The next call sees a changed value (the getter now answers 'yes'), so it re-validates and refuses.
    expect(() => resolvePolicy(policy)).toThrow(expect.objectContaining({ code: 'INVALID_POLICY' }));
  });

  it('property: after any sequence of mutations, the cached answer equals a fresh object’s answer', () => {
    const styles = ['initials', 'given-name', 'full-mask', 'loud'] as const;
    const mutation = fc.oneof(
      fc.record({ k: fc.constant('recipientName' as const), v: fc.constantFrom(...styles) }),
      fc.record({ k: fc.constant('senderName' as const), v: fc.constantFrom(...styles) }),
      fc.record({ k: fc.constant('recipientPhone' as const), v: fc.constantFrom('last3', 'first3-last3', 'full', 'none') }),
      fc.record({ k: fc.constant('keepEnd' as const), v: fc.integer({ min: -1, max: 4 }) }),
      fc.record({ k: fc.constant('showCod' as const), v: fc.oneof(fc.boolean(), fc.constant(undefined), fc.constant('no')) }),
      fc.record({ k: fc.constant('ward' as const), v: fc.boolean() }),
      fc.record({ k: fc.constant('revealFields' as const), v: fc.subarray(['recipient.phone', 'recipient.address', 'notes', 'nope']) }),
      fc.record({ k: fc.constant('delete' as const), v: fc.constantFrom('recipientName', 'address', 'showCod', 'revealFields') }),
      fc.record({ k: fc.constant('extra' as const), v: fc.constant(1) }),
    );
    fc.assert(
      fc.property(fc.array(mutation, { maxLength: 12 }), (muts) => {
        const policy: Record<string, any> = {};
        expect(viaCache(policy)).toEqual(fresh(policy));
        for (const m of muts) {
          switch (m.k) {
            case 'recipientName':
            case 'senderName':
              if (policy[m.k]) policy[m.k].style = m.v;
              else policy[m.k] = { style: m.v };
              break;
            case 'recipientPhone':
              policy.recipientPhone = { ...(policy.recipientPhone ?? {}), style: m.v };
              break;
            case 'keepEnd':
              (policy.senderPhone ??= {}).keepEnd = m.v;
              break;
            case 'showCod':
              policy.showCod = m.v;
              break;
            case 'ward':
              (policy.address ??= {}).ward = m.v;
              break;
            case 'revealFields':
              if (Array.isArray(policy.revealFields)) policy.revealFields.splice(0, policy.revealFields.length, ...m.v);
              else policy.revealFields = [...m.v];
              break;
            case 'delete':
              delete policy[m.v];
              break;
            case 'extra':
              if ('extra' in policy) delete policy.extra;
              else policy.extra = m.v;
              break;
          }
          expect(viaCache(policy)).toEqual(fresh(policy));
        }
      }),
      { numRuns: 300 },
    );
  });

  it('input that is not plain data (class instances, huge or deep objects) is validated every time, never cached', () => {
    const wide = Object.fromEntries(Array.from({ length: 100 }, (_, i) => [`k${i}`, i]));
    expect(() => resolvePolicy(wide as MaskPolicy)).toThrow(expect.objectContaining({ code: 'INVALID_POLICY' }));
    const withDate = { showCod: new Date() as unknown as boolean };
    expect(() => resolvePolicy(withDate)).toThrow(expect.objectContaining({ code: 'INVALID_POLICY' }));
    let deep: Record<string, unknown> = { style: 'initials' };
    for (let i = 0; i < 10; i++) deep = { inner: deep };
    expect(() => resolvePolicy({ recipientName: deep } as never)).toThrow(expect.objectContaining({ code: 'INVALID_POLICY' }));
    // A class-instance policy that happens to be valid still resolves, and changes still count.
    class P {
      showCod = false;
    }
    const p = new P();
    expect(resolvePolicy(p as MaskPolicy).showCod).toBe(false);
    p.showCod = true;
    expect(resolvePolicy(p as MaskPolicy).showCod).toBe(true);
  });

  it('the default policy is the schema default', () => {
    expect(resolvePolicy()).toEqual(MaskPolicySchema.parse({}));
    expect(resolvePolicy({})).toEqual(MaskPolicySchema.parse({}));
  });
});
