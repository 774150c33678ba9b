/**
 * SECURITY.md's guarantees, one describe block per adversary. Each test name is quoted in
 * SECURITY.md next to the statement it checks.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';
import * as api from '../../src/index.js';
import { renderLabel, parseLabelQr } from '../../src/label/index.js';
import { digitRuns, testKeyring } from '../helpers/fixtures.js';

const keyring = testKeyring();
const T0 = new Date('2026-11-29T09:00:00Z');
const inWindow = { notBefore: new Date('2026-11-29T08:00:00Z'), notAfter: new Date('2026-11-29T20:00:00Z') };

//#region generators

const FAMILY = ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Hoàng', 'Võ', 'Đặng', 'Bùi'];
const MIDDLE = ['Thị', 'Văn', 'Hữu', 'Ngọc', 'Thanh'];
const GIVEN = ['Khai', 'Lan', 'Hương', 'Tuấn', 'Thảo', 'Phúc', 'Quân', 'Yến'];
const STREETS = ['Nguyễn Trãi', 'Lê Lợi', 'Hai Bà Trưng', 'Trần Hưng Đạo', 'Lý Thường Kiệt'];
const WARDS = ['Phường Thượng Đình, Quận Thanh Xuân, Hà Nội', 'Phường Bến Nghé, Quận 1, TP.HCM', 'Phường Sài Gòn, TP Hồ Chí Minh', 'Xã Ea Tu, Đắk Lắk', 'Phường Hải Châu, Đà Nẵng'];
const GOODS = ['Ốp lưng iPhone 15 Pro Max', 'Kem chống nắng Anessa 60ml', 'Thuốc giảm đau Panadol', 'Đồng hồ Rolex Submariner', 'Sữa bột Meiji 800g'];

const arbWaybill = fc
  .record({
    n: fc.tuple(fc.constantFrom(...FAMILY), fc.constantFrom(...MIDDLE), fc.constantFrom(...GIVEN)),
    prefix: fc.constantFrom('090', '091', '093', '038', '070', '083', '056', '086'),
    rest: fc.stringMatching(/^[0-9]{7}$/),
    house: fc.integer({ min: 100, max: 9999 }),
    alley: fc.integer({ min: 10, max: 999 }),
    street: fc.constantFrom(...STREETS),
    ward: fc.constantFrom(...WARDS),
    goods: fc.constantFrom(...GOODS),
    seq: fc.integer({ min: 1, max: 99999 }),
  })
  .map((r) => ({
    national: r.prefix + r.rest,
    house: String(r.house),
    alley: String(r.alley),
    street: r.street,
    given: r.n[2],
    goods: r.goods,
    input: {
      id: `GHNT${String(r.seq).padStart(5, '0')}`,
      recipient: { name: r.n.join(' '), phone: r.prefix + r.rest, address: `Số ${r.house} ngõ ${r.alley} ${r.street}, ${r.ward}` },
      sender: { name: 'Cửa hàng Hoa Mai', phone: '02838123456', address: 'Phường Bến Nghé, Quận 1, TP.HCM' },
      goods: { description: r.goods },
      notes: `Gọi ${r.prefix + r.rest} trước khi giao`,
      assignment: { courierId: 'courier-042', number: 3 },
    },
  }));

//#endregion

/**
 * What a label prints, without layout commands: ZPL field data (^FD…^FS, ^FH hex decoded) and SVG
 * text nodes (entities decoded); the text format as is. Coordinates are not printed text.
 */
function printedText(format: 'text' | 'zpl' | 'svg', out: string): string {
  if (format === 'text') return out;
  if (format === 'zpl') {
    return [...out.matchAll(/\^FD([^^]*)\^FS/g)].map((m) => m[1]!.replace(/_([0-9A-F]{2})/g, (_, h: string) => String.fromCharCode(parseInt(h, 16)))).join('\n');
  }
  const decode = (t: string) => t.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;|&apos;/g, "'").replace(/&amp;/g, '&');
  return [...out.matchAll(/<text[^>]*>([^<]*)<\/text>|<tspan[^>]*>([^<]*)<\/tspan>/g)].map((m) => decode(m[1] ?? m[2] ?? '')).join('\n');
}

describe('adversary: someone who photographs a label', () => {
  it('label (text, ZPL, SVG) shows no phone fragment, door-level address, given name, goods description or notes', () => {
    fc.assert(
      fc.property(arbWaybill, (w) => {
        const p = api.protect(w.input, { keyring, now: T0 });
        // The same waybill with another number: digit runs printed on both labels (id, COD, weight)
        // did not come from the phone.
        const other = api.protect({ ...w.input, recipient: { ...w.input.recipient, phone: '0912121212' } }, { keyring, now: T0 });
        // And with another house number: digits printed on both (unit codes) are not the house number.
        const otherHouse = api.protect({ ...w.input, recipient: { ...w.input.recipient, address: w.input.recipient.address.replace(`Số ${w.house} `, 'Số 7 ') } }, { keyring, now: T0 });
        const show = (format: 'text' | 'zpl' | 'svg', rec: api.ProtectedWaybill) => printedText(format, renderLabel(rec, { format }));
        for (const format of ['text', 'zpl', 'svg'] as const) {
          const text = show(format, p);
          const baseline = show(format, other);
          for (const run of digitRuns(w.national)) expect(text.includes(run) && !baseline.includes(run), `${format}: phone run ${run}`).toBe(false);
          expect(text.includes(w.house) && !show(format, otherHouse).includes(w.house), `${format}: house number`).toBe(false);
          expect(text.includes(w.street), `${format}: street`).toBe(false);
          expect(text.includes(w.given), `${format}: given name`).toBe(false);
          expect(text.includes(w.goods), `${format}: goods description`).toBe(false);
          expect(text.includes('trước khi giao'), `${format}: notes`).toBe(false);
        }
      }),
      { numRuns: 40 },
    );
  });

  it('the QR code holds only the waybill id and the reveal token', () => {
    const w = fc.sample(arbWaybill, 1)[0]!;
    const p = api.protect(w.input, { keyring, now: T0 });
    const token = api.issueRevealToken({ keyring, waybillId: p.id, courierId: 'courier-042', assignment: 3, ...inWindow });
    const svg = renderLabel(p, { format: 'svg', token });
    expect(svg).not.toContain(w.national.slice(-7));
    // ^BQ field data is `<error correction><input mode>,<data>`; the data is all the QR holds.
    const fd = renderLabel(p, { format: 'zpl', token }).match(/\^BQ[^\n]*?\^FD([^^]*)\^FS/)?.[1] ?? '';
    const data = fd.replace(/_([0-9A-F]{2})/g, (_, h: string) => String.fromCharCode(parseInt(h, 16))).replace(/^[HQML][AM],/, '');
    expect(parseLabelQr(data)).toEqual({ waybillId: p.id, token });
    expect(data).toBe(`WS1/${p.id}/${token}`);
  });

  it('cannot produce the caller code from anything printed on the label', () => {
    const w = fc.sample(arbWaybill, 1)[0]!;
    const p = api.protect(w.input, { keyring, now: T0 });
    const label = renderLabel(p, { format: 'text' });
    // Every 6-digit string a label reader could form from printed digits.
    const digits = label.replace(/\D/g, '');
    const guesses = new Set<string>(['000000', '123456', digits.slice(-6), p.id.replace(/\D/g, '').slice(-6)]);
    for (let i = 0; i + 6 <= digits.length; i++) guesses.add(digits.slice(i, i + 6));
    for (const g of guesses) expect(api.verifyCallerCode(g, { keyring, waybillId: p.id, courierId: 'courier-042', at: T0 })).toBe(false);
  });
});

describe('adversary: another courier', () => {
  it('a token issued to one courier is refused for another courier', async () => {
    const token = api.issueRevealToken({ keyring, waybillId: 'GHNT00001', courierId: 'courier-042', assignment: 3, ...inWindow });
    await expect(api.redeemRevealToken(token, { keyring, waybillId: 'GHNT00001', courierId: 'courier-777', assignment: 3, now: T0, ledger: new api.MemoryLedger() })).rejects.toMatchObject({ code: 'TOKEN_REJECTED' });
  });

  it("a grant for one waybill opens nothing on another, and another courier's caller code does not verify", async () => {
    const a = api.protect(fc.sample(arbWaybill, 1)[0]!.input, { keyring, now: T0 });
    const b = api.protect({ ...fc.sample(arbWaybill, 1)[0]!.input, id: 'GHNT99999' }, { keyring, now: T0 });
    const token = api.issueRevealToken({ keyring, waybillId: a.id, courierId: 'courier-042', assignment: 3, ...inWindow });
    const grant = await api.redeemRevealToken(token, { keyring, waybillId: a.id, courierId: 'courier-042', assignment: 3, now: T0, ledger: new api.MemoryLedger() });
    expect(() => api.reveal(b, grant, { keyring, now: T0 } as never)).toThrow(/INVALID_GRANT/);
    const theirs = api.callerCode({ keyring, waybillId: a.id, courierId: 'courier-777', at: T0 }).code;
    expect(api.verifyCallerCode(theirs, { keyring, waybillId: a.id, courierId: 'courier-042', at: T0 })).toBe(false);
  });
});

describe('adversary: a hub insider (sorting view)', () => {
  it('routing data holds administrative units only, never door-level parts', () => {
    fc.assert(
      fc.property(arbWaybill, (w) => {
        const p = api.protect(w.input, { keyring, now: T0 });
        const routing = JSON.stringify(p.routing);
        // Unit codes are digits too: only a house number that is not also in the routing of the same
        // address with another house number would have come from the input.
        const baseline = JSON.stringify(api.protect({ ...w.input, recipient: { ...w.input.recipient, address: w.input.recipient.address.replace(`Số ${w.house} `, 'Số 7 ') } }, { keyring, now: T0 }).routing);
        expect(routing).toBe(baseline);
        expect(routing.includes(w.house) && !baseline.includes(w.house)).toBe(false);
        expect(routing.includes(w.street)).toBe(false);
        expect(routing).not.toMatch(/houseNumber|alley|street|room|subWard/);
      }),
      { numRuns: 40 },
    );
  });

  it('knowing (sequential) waybill ids unlocks nothing: forged tokens fail and lock the waybill', async () => {
    const ledger = new api.MemoryLedger();
    let locked = false;
    for (let i = 0; i < 8; i++) {
      const forged = api.issueRevealToken({ keyring: api.Keyring.generate(), waybillId: 'GHNT00002', courierId: 'courier-042', assignment: 3, ...inWindow });
      try {
        await api.redeemRevealToken(forged, { keyring, waybillId: 'GHNT00002', courierId: 'courier-042', assignment: 3, now: T0, ledger });
        throw new Error('a forged token was accepted');
      } catch (e) {
        expect(['TOKEN_REJECTED', 'TOKEN_LOCKED']).toContain((e as api.WaybillShieldError).code);
        if ((e as api.WaybillShieldError).code === 'TOKEN_LOCKED') locked = true;
      }
    }
    expect(locked).toBe(true);
    // The delivery PIN is keyed: another key gives another PIN.
    expect(api.deliveryPin({ keyring: api.Keyring.generate(), waybillId: 'GHNT00002', at: T0 })).not.toBe(api.deliveryPin({ keyring, waybillId: 'GHNT00002', at: T0 }));
  });
});

describe('adversary: a support agent', () => {
  it('every unseal needs an actor and a purpose, and leaves an audit record without the value', () => {
    const w = fc.sample(arbWaybill, 1)[0]!;
    const p = api.protect(w.input, { keyring, now: T0 });
    const chain = new api.AuditChain();
    expect(() => api.unseal(p, 'recipient.phone', { keyring, actor: 'cs-17', purpose: '' } as never)).toThrow(/INVALID_INPUT/);
    const phone = api.unseal(p, 'recipient.phone', { keyring, actor: 'cs-17', purpose: 'complaint-callback', audit: chain });
    expect(phone).toBe(`+84${w.national.slice(1)}`);
    const records = [...new api.MemoryAuditSink().read?.() ?? []];
    void records;
    const log = JSON.stringify(chain.verify());
    expect(chain.verify().ok).toBe(true);
    expect(log).not.toContain(w.national.slice(1));
    expect(chain.head.seq).toBe(0);
  });

  it('editing or dropping an audit record is found by verify', () => {
    const sink = new api.MemoryAuditSink();
    const chain = new api.AuditChain({ sinks: [sink] });
    for (let i = 0; i < 5; i++) chain.append({ actor: 'cs-17', action: 'unseal', waybillId: `W${i}`, fields: ['recipient.phone'], purpose: 'complaint-callback', outcome: 'ok' });
    const records = [...sink.records];
    const edited = records.map((r, i) => (i === 2 ? { ...r, actor: 'cs-99' } : r));
    expect(api.AuditChain.verify(edited)).toMatchObject({ ok: false, index: 2 });
    const dropped = records.filter((_, i) => i !== 1);
    expect(api.AuditChain.verify(dropped)).toMatchObject({ ok: false, index: 1 });
  });
});

describe('adversary: someone who steals the database without the keys', () => {
  it('a stored ProtectedWaybill holds no name, phone fragment, door-level address, goods description or notes', () => {
    fc.assert(
      fc.property(arbWaybill, (w) => {
        const p = api.protect(w.input, { keyring, now: T0 });
        const { sealed: _s, index: _i, protectedAt: _t, ...plain } = p;
        const json = JSON.stringify(plain);
        // Digit runs also in the record of the same waybill with another number (id, codes) are not the phone's.
        const { sealed: _s3, index: _i3, protectedAt: _t3, ...otherPlain } = api.protect({ ...w.input, recipient: { ...w.input.recipient, phone: '0912121212' } }, { keyring, now: T0 });
        const otherJson = JSON.stringify(otherPlain);
        for (const run of digitRuns(w.national)) expect(json.includes(run) && !otherJson.includes(run)).toBe(false);
        for (const s of [w.street, w.given, w.goods, w.input.recipient.name]) expect(json.includes(s)).toBe(false);
        const { sealed: _s2, index: _i2, protectedAt: _t2, ...baseline } = api.protect({ ...w.input, recipient: { ...w.input.recipient, address: w.input.recipient.address.replace(`Số ${w.house} `, 'Số 7 ') } }, { keyring, now: T0 });
        expect(json.includes(w.house) && !JSON.stringify(baseline).includes(w.house)).toBe(false);
        // The sealed part is ciphertext: it opens under the right key only.
        expect(() => api.unseal(p, 'recipient.phone', { keyring: api.Keyring.generate(), actor: 'thief', purpose: 'stolen-db' })).toThrow(/DECRYPT_FAILED/);
      }),
      { numRuns: 40 },
    );
  });

  it('the phone index is keyed: it is not an unkeyed hash of the number and differs under another key', () => {
    const idx = api.phoneIndex('0901234567', { keyring });
    const hex = idx.split('.')[1]!;
    for (const candidate of ['+84901234567', '0901234567', '84901234567', '901234567']) {
      expect(bytesToHex(sha256(utf8ToBytes(candidate))).slice(0, 8)).not.toBe(hex);
      expect(bytesToHex(sha256(utf8ToBytes(`phone\u0000${candidate}`))).slice(0, 8)).not.toBe(hex);
    }
    expect(api.phoneIndex('0901234567', { keyring: api.Keyring.generate() })).not.toBe(idx);
  });
});

describe("adversary: someone who steals one courier's phone", () => {
  it('tokens on it die at the end of their window, after their use limit, on revocation and on reassignment', async () => {
    const ledger = new api.MemoryLedger();
    const opts = { keyring, waybillId: 'GHNT00003', courierId: 'courier-042', assignment: 3, ledger };
    const token = api.issueRevealToken({ ...opts, ...inWindow });
    await expect(api.redeemRevealToken(token, { ...opts, now: new Date('2026-11-29T21:00:00Z') })).rejects.toMatchObject({ code: 'TOKEN_REJECTED' });
    await expect(api.redeemRevealToken(token, { ...opts, assignment: 4, now: T0 })).rejects.toMatchObject({ code: 'TOKEN_REJECTED' });
    const limited = api.issueRevealToken({ ...opts, waybillId: 'GHNT00004', ...inWindow });
    for (let i = 0; i < 2; i++) await api.redeemRevealToken(limited, { ...opts, waybillId: 'GHNT00004', now: T0, maxUses: 2 });
    await expect(api.redeemRevealToken(limited, { ...opts, waybillId: 'GHNT00004', now: T0, maxUses: 2 })).rejects.toMatchObject({ code: 'TOKEN_REJECTED' });
    const revoked = api.issueRevealToken({ ...opts, waybillId: 'GHNT00005', ...inWindow });
    await api.revokeRevealToken(revoked, { ...opts, waybillId: 'GHNT00005' } as never);
    await expect(api.redeemRevealToken(revoked, { ...opts, waybillId: 'GHNT00005', now: T0 })).rejects.toMatchObject({ code: 'TOKEN_REJECTED' });
  });
});

describe('adversary: an attacker guessing tokens online', () => {
  it('random guesses against one waybill: no success, and the waybill locks after 5 failures', async () => {
    const ledger = new api.MemoryLedger();
    const codes: string[] = [];
    for (let i = 0; i < 300; i++) {
      // Only well-formed tokens are guesses (malformed strings are refused uncounted): the
      // strongest guess is a real token made under a key the attacker invents.
      const guess = api.issueRevealToken({ keyring: api.Keyring.generate(), waybillId: 'GHNT00006', courierId: 'courier-042', assignment: 3, ...inWindow });
      try {
        await api.redeemRevealToken(guess, { keyring, waybillId: 'GHNT00006', courierId: 'courier-042', assignment: 3, now: T0, ledger });
        codes.push('OK');
      } catch (e) {
        codes.push((e as api.WaybillShieldError).code);
      }
    }
    expect(codes).not.toContain('OK');
    expect(codes.slice(0, 5).every((c) => c === 'TOKEN_REJECTED')).toBe(true);
    expect(codes.slice(5).every((c) => c === 'TOKEN_LOCKED')).toBe(true);
  });
});

//#region issue #13: caller identification, label checks, policy cache, token spelling

describe('adversary: a scammer who calls the recipient (caller identification)', () => {
  it('the tracking page never hands out a caller code: it answers yes/no to a code read out, and 5 wrong answers lock it', async () => {
    const w = fc.sample(arbWaybill, 1)[0]!;
    const p = api.protect(w.input, { keyring, now: T0 });
    const ledger = new api.MemoryLedger();
    const real = api.callerCode({ keyring, waybillId: p.id, courierId: 'courier-042', at: T0 }).code;
    // The scammer holds the label and the victim's whole number, so the phone gate is no obstacle.
    const last4 = w.national.slice(-4);
    const page = (code: string) => api.callerCheck({ keyring, record: p, phoneLast4: last4, code, at: T0, ledger });
    const answers: unknown[] = [];
    // Everything 6-digit a label reader could form, minus (by a 10⁻⁶ chance) the real code.
    const guesses = ['000000', '123456', w.national.slice(-6), p.id.replace(/\D/g, '').padStart(6, '0').slice(-6), '999999', '111111', '654321'].filter((g) => g !== real).slice(0, 6);
    for (const guess of guesses) answers.push(await page(guess).catch((e: api.WaybillShieldError) => e.code));
    // Only booleans come back (never a code), then the lock.
    expect(answers.slice(0, 5)).toEqual([false, false, false, false, false]);
    expect(answers[5]).toBe('TOKEN_LOCKED');
    await expect(page(real)).rejects.toMatchObject({ code: 'TOKEN_LOCKED' });
    // The genuine courier's code, read out to the genuine recipient, is confirmed on a fresh counter.
    expect(await api.callerCheck({ keyring, record: p, phoneLast4: last4, code: real, at: T0, ledger: new api.MemoryLedger() })).toBe(true);
  });

  it('the root keyring never reaches a courier app: a CallerKey computes one courier’s codes for one day only', () => {
    const key = api.courierCallerKey({ keyring, courierId: 'courier-777', day: T0 });
    const exported = JSON.stringify(key.export());
    for (const k of keyring.export().keys) expect(exported).not.toContain(k.key);
    expect(JSON.stringify(key)).not.toContain(key.export().key);
    // That courier's code today is genuine for that courier…
    const own = key.code({ waybillId: 'GHNT00001', at: T0 }).code;
    expect(api.verifyCallerCode(own, { keyring, waybillId: 'GHNT00001', courierId: 'courier-777', at: T0 })).toBe(true);
    // …but not for the courier actually assigned, and the key computes nothing for tomorrow.
    expect(api.verifyCallerCode(own, { keyring, waybillId: 'GHNT00001', courierId: 'courier-042', at: T0 })).toBe(false);
    expect(() => key.code({ waybillId: 'GHNT00001', at: new Date(T0.getTime() + 86_400_000) })).toThrow(expect.objectContaining({ code: 'INVALID_INPUT' }));
  });
});

describe('adversary: someone who builds or edits a stored record before printing', () => {
  it('renderLabel refuses a record whose label shows a name beyond initials or a phone beyond 3 digits, naming the field only', () => {
    fc.assert(
      fc.property(arbWaybill, fc.constantFrom('text', 'zpl', 'svg') as fc.Arbitrary<'text' | 'zpl' | 'svg'>, fc.constantFrom(' ', '-', '.', '_', ''), (w, format, sep) => {
        const p = api.protect(w.input, { keyring, now: T0 });
        const n = w.national;
        const written = `${n.slice(0, 4)}${sep}${n.slice(4, 7)}${sep}${n.slice(7)}`;
        const cases: [(r: api.ProtectedWaybill) => void, string, string][] = [
          [(r) => (r.label.recipient.name = w.input.recipient.name), 'label.recipient.name', 'name_mask'],
          [(r) => (r.label.recipient.phone = written), 'label.recipient.phone', 'phone_mask'],
          [(r) => (r.label.recipient.phone = `${n.slice(0, 3)}****${n.slice(-4)}`), 'label.recipient.phone', 'phone_mask'],
          [(r) => (r.label.sender.address = `Gọi ${written}`), 'label.sender.address', 'digit_run'],
        ];
        for (const [edit, path, rule] of cases) {
          const r = structuredClone(p);
          edit(r);
          let err: api.WaybillShieldError | undefined;
          try {
            renderLabel(r, { format });
          } catch (e) {
            err = e as api.WaybillShieldError;
          }
          expect(err?.code).toBe('INVALID_INPUT');
          expect(err?.issues).toEqual([{ path, rule }]);
          for (const run of digitRuns(n)) expect(JSON.stringify(err) + err!.message).not.toContain(run);
          expect(err!.message).not.toContain(w.given);
        }
        // The record as protect() made it still prints.
        expect(renderLabel(p, { format }).length).toBeGreaterThan(0);
      }),
      { numRuns: 30 },
    );
  });
});

describe('misuse: a mutated policy and look-alike token spellings', () => {
  it('a policy object changed after first use takes effect: no stale cached meaning', () => {
    const w = fc.sample(arbWaybill, 1)[0]!;
    const policy: api.MaskPolicy = { recipientPhone: { style: 'first3-last3' }, showCod: true };
    expect(api.protect(w.input, { keyring, policy, now: T0 }).label.recipient.phone).toBe(`${w.national.slice(0, 3)}****${w.national.slice(-3)}`);
    policy.recipientPhone!.style = 'full';
    policy.showCod = false;
    const after = api.protect({ ...w.input, codAmount: 100_000 }, { keyring, policy, now: T0 });
    expect(after.label.recipient.phone).toBe('*'.repeat(10));
    expect(after.label.codAmount).toBeUndefined();
  });

  it('a reveal token spelled with ſ, ı, K (Kelvin sign) or a ligature is refused', async () => {
    const token = api.issueRevealToken({ keyring, waybillId: 'GHNT00007', courierId: 'courier-042', assignment: 3, ...inWindow });
    const spellings: string[] = [];
    const swap: Record<string, string[]> = { S: ['\u017f'], '1': ['\u0131'], K: ['\u212a'] };
    for (let i = 0; i < token.length; i++) for (const c of swap[token[i]!] ?? []) spellings.push(token.slice(0, i) + c + token.slice(i + 1));
    // The ligature ﬁ upper-cases to "FI", i.e. "F1" under the alias rule.
    const fi = token.indexOf('F1');
    if (fi >= 0) spellings.push(`${token.slice(0, fi)}\ufb01${token.slice(fi + 2)}`);
    expect(spellings.length).toBeGreaterThan(0);
    for (const s of spellings) {
      await expect(api.redeemRevealToken(s, { keyring, waybillId: 'GHNT00007', courierId: 'courier-042', assignment: 3, now: T0, ledger: new api.MemoryLedger() })).rejects.toMatchObject({ code: 'TOKEN_REJECTED' });
    }
    // The documented spellings still redeem.
    const grant = await api.redeemRevealToken(api.formatRevealToken(token).toLowerCase().replace(/1/g, 'l'), { keyring, waybillId: 'GHNT00007', courierId: 'courier-042', assignment: 3, now: T0, ledger: new api.MemoryLedger() });
    expect(grant.fields).toEqual(['recipient.phone']);
  });
});

//#endregion

describe('adversary: someone who steals the database and links records by phone (sensitive goods)', () => {
  const SENSITIVE = ['Bao cao su Durex Invisible', 'Que thử thai Quickstick', 'Test nhanh HIV OraQuick', 'Thực phẩm chức năng bổ gan', 'Váy ngủ sexy ren', 'Panadol Extra'];
  const PLAIN = ['Áo thun nam', 'Ốp lưng iPhone 15', 'Nồi chiên không dầu', 'Sách Đắc Nhân Tâm'];

  it('a sensitive record shows the neutral category and handling flags only, and unseal with a purpose returns the true category', () => {
    for (const description of SENSITIVE) {
      const p = api.protect({ ...baseInput(), goods: { description } }, { keyring, now: T0 });
      const { sealed: _s, ...plain } = p;
      expect(JSON.stringify(plain)).not.toMatch(/intimate|medicine|sensitive/);
      expect(p.goods.category).toBe('other');
      expect(['intimate', 'medicine']).toContain(api.unseal(p, 'goods.category', { keyring, actor: 'cs-17', purpose: 'complaint-review' }));
    }
  });

  it('every record has the same sealed field names whatever its goods', () => {
    const names = (d: string) => Object.keys(api.protect({ ...baseInput(), goods: { description: d } }, { keyring, now: T0 }).sealed).sort().join();
    const expected = names(PLAIN[0]!);
    for (const d of [...SENSITIVE, ...PLAIN]) expect(names(d)).toBe(expected);
    const categoryLength = (d: string) => api.protect({ ...baseInput(), goods: { description: d } }, { keyring, now: T0 }).sealed['goods.category']!.length;
    const length = categoryLength(PLAIN[0]!);
    for (const d of [...SENSITIVE, ...PLAIN, 'Đồng hồ Rolex', 'hàng hóa linh tinh']) expect(categoryLength(d)).toBe(length);
  });

  it('the stored acceptance decision of sensitive goods names no sensitive category', () => {
    fc.assert(
      fc.property(fc.constantFrom(...SENSITIVE), fc.constantFrom('accept', 'inspect', 'road-only', 'refuse'), (description, d) => {
        const p = api.protect({ ...baseInput(), goods: { description } }, { keyring, now: T0, acceptance: { categories: { other: d } } });
        expect(JSON.stringify(p.goods.acceptance)).not.toMatch(/intimate|medicine|sensitive/);
      }),
      { numRuns: 24 },
    );
  });

  it("a phone field's second number and extra text are sealed, never in the clear", () => {
    fc.assert(
      fc.property(fc.constantFrom('090', '091', '038', '070'), fc.stringMatching(/^[0-9]{7}$/), fc.constantFrom('chị Hoa', 'anh Tuấn', 'zalo'), (prefix, rest, who) => {
        const alt = `${prefix}${rest}`;
        const input = { ...baseInput(), recipient: { ...baseInput().recipient, phone: `0935 111 222 hoặc ${alt} (${who})` } };
        const p = api.protect(input, { keyring, now: T0 });
        const { sealed: _s, index: _i, ...plain } = p;
        const json = JSON.stringify(plain);
        // A run that the same record shows without the second number (id, timestamps, routing codes) is no leak.
        const without = api.protect({ ...input, recipient: { ...input.recipient, phone: '0935 111 222' } }, { keyring, now: T0 });
        const { sealed: _s2, index: _i2, ...plainWithout } = without;
        const baseline = JSON.stringify(plainWithout);
        for (const run of digitRuns(alt.slice(3))) if (!baseline.includes(run)) expect(json).not.toContain(run);
        expect(json).not.toContain(who);
        expect(api.unseal(p, 'recipient.altPhone', { keyring, actor: 'cs-17', purpose: 'complaint-callback' })).toBe(`+84${alt.slice(1)}`);
      }),
      { numRuns: 30 },
    );
  });

  it('scrubText masks phones split by punctuation or written in full-width digits', () => {
    const wide = (s: string) => s.replace(/[0-9]/g, (c) => String.fromCharCode(0xff10 + Number(c)));
    for (const t of ['0901_234_567', '0901,234,567', '0901·234·567', wide('0901234567'), wide('0901-234-567')]) {
      const out = api.scrubText(`Gọi ${t} nhé`);
      expect(out).toBe('Gọi [SĐT] nhé');
    }
  });
});

function baseInput() {
  return {
    id: 'GHN2611290777',
    recipient: { name: 'Trần Thị Lan', phone: '0935 111 222', address: 'Số 5 ngõ 2 Lê Lợi, Phường Bến Nghé, Quận 1, TP.HCM' },
    sender: { name: 'Shop ABC', phone: '028 3812 3456', address: '47 Lê Lợi, Phường Bến Nghé, Quận 1, TP.HCM' },
    goods: { description: 'Áo thun' },
  };
}

describe('adversary: a thief holding a backup made before the shred, and the current keyring', () => {
  const who = { actor: 'cs-17', purpose: 'complaint-callback' };
  const codeOf = (fn: () => unknown): string => {
    try {
      fn();
    } catch (e) {
      return e instanceof api.WaybillShieldError ? e.code : 'foreign';
    }
    return 'OK';
  };

  it('a thief holding a backup made before the shred and the current keyring learns nothing of shredded epochs', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(arbWaybill, fc.constantFrom('2026-01', '2026-02', '2026-03', '2026-04')), { minLength: 1, maxLength: 4 }), (rows) => {
        const before = api.Keyring.generate({ now: T0 });
        const backup = JSON.parse(JSON.stringify(rows.map(([w, m]) => ({ w, m, p: api.protect(w.input, { keyring: before, now: new Date(`${m}-20T10:00:00Z`) }) })))) as {
          w: typeof rows[0][0];
          m: string;
          p: api.ProtectedWaybill;
        }[];
        const current = api.Keyring.fromJSON(JSON.stringify(before.shred({ before: '2026-03' }).export()));
        // The keyring the thief holds carries no secret of a destroyed epoch.
        const text = JSON.stringify(current.export());
        for (const ep of before.export().epochs!.live) if (ep.id < '2026-03') expect(text).not.toContain(ep.secret);
        for (const { w, m, p } of backup) {
          if (m >= '2026-03') {
            expect(api.unseal(p, 'recipient.phone', { keyring: current, ...who })).toBe(api.normalizePhone(w.national).e164);
            continue;
          }
          for (const f of api.SEALED_FIELDS) {
            if (!(f in p.sealed)) continue;
            expect(codeOf(() => api.unseal(p, f, { keyring: current, ...who }))).toBe('DATA_SHREDDED');
            // Relabelling the envelope to any epoch or format the keyring can open does not open it.
            const body = p.sealed[f]!.split('.').at(-1)!;
            for (const alt of [...current.epochs!.live.map((e) => `ws2.1.${e}.${body}`), `ws2.1.0.${body}`, `ws1.1.${body}`]) {
              expect(codeOf(() => api.unseal({ ...p, sealed: { ...p.sealed, [f]: alt } }, f, { keyring: current, ...who }))).toBe('DECRYPT_FAILED');
            }
          }
          expect(codeOf(() => api.reseal(p, { keyring: current }))).toBe('DATA_SHREDDED');
          // Knowing the phone does not link the record: no index the thief can compute matches.
          expect(api.phoneIndexes(w.national, { keyring: current })).not.toContain(p.index['recipient.phone']);
          for (const e of current.epochs!.live) expect(api.phoneIndex(w.national, { keyring: current, epoch: e })).not.toBe(p.index['recipient.phone']);
          // What stays is what the label already shows: masked view, routing, goods summary.
          expect(JSON.stringify(p.label)).not.toContain(w.given);
        }
      }),
      { numRuns: 25 },
    );
  });

  it('the envelope length reveals the padding bucket, not the length of a name, phone or short address', () => {
    fc.assert(
      fc.property(arbWaybill, arbWaybill, (a, b) => {
        const pa = api.protect(a.input, { keyring, now: T0 });
        const pb = api.protect(b.input, { keyring, now: T0 });
        for (const f of ['recipient.name', 'recipient.phone', 'sender.name', 'sender.phone', 'goods.description'] as const) {
          expect(pa.sealed[f]!.length).toBe(pb.sealed[f]!.length);
        }
        // Addresses: equal when in the same power-of-two bucket (64, 128, …), whatever their lengths.
        const bucket = (s: string) => Math.max(64, 2 ** Math.ceil(Math.log2(new TextEncoder().encode(s).length + 1)));
        const [ra, rb] = [api.parseWaybill(a.input).recipient.address, api.parseWaybill(b.input).recipient.address];
        expect(pa.sealed['recipient.address']!.length === pb.sealed['recipient.address']!.length).toBe(bucket(ra) === bucket(rb));
      }),
      { numRuns: 50 },
    );
  });
});

describe('adversary: someone who reads or edits the audit log', () => {
  const event = (over: Record<string, unknown> = {}) => ({ actor: 'cs-17', action: 'unseal' as const, waybillId: 'GHN1', fields: ['recipient.phone' as const], purpose: 'complaint-callback', outcome: 'ok' as const, ...over });

  it('an audit record with a field outside the canonical set, or a duplicated key, fails verification', async () => {
    const { JsonlAuditSink } = await import('../../src/node.js');
    const { mkdtempSync, readFileSync, writeFileSync } = await import('node:fs');
    const { join } = await import('node:path');
    const { tmpdir } = await import('node:os');
    const sink = new api.MemoryAuditSink();
    const chain = new api.AuditChain({ sinks: sink });
    chain.append(event());
    chain.append(event());
    const withPhone = [sink.read()[0], { ...sink.read()[1], phone: '0901234567' }];
    expect(api.AuditChain.verify(withPhone)).toMatchObject({ ok: false, index: 1, problem: 'malformed' });
    const path = join(mkdtempSync(join(tmpdir(), 'adv-audit-')), 'a.jsonl');
    const file = new JsonlAuditSink(path);
    const fileChain = new api.AuditChain({ sinks: file });
    fileChain.append(event());
    fileChain.append(event());
    file.close();
    const [l0, l1] = readFileSync(path, 'utf8').trimEnd().split('\n');
    writeFileSync(path, `${l0}\n${l1!.replace('"actor":"cs-17"', '"actor":"0901234567","actor":"cs-17"')}\n`);
    const reread = new JsonlAuditSink(path);
    expect(api.AuditChain.verify(reread.read())).toMatchObject({ ok: false, index: 1, problem: 'malformed' });
    reread.close();
  });

  it('an audit actor or purpose that is a phone number split by hyphens, spaces or dots is refused', () => {
    for (const phone of ['0901-234-567', '0901 234 567', '0901.234.567']) {
      expect(() => new api.AuditChain().append(event({ actor: phone }))).toThrow(expect.objectContaining({ code: 'AUDIT_FAILED' }));
      expect(() => new api.AuditChain().append(event({ purpose: `call-${phone.replace(/ /g, '-')}` }))).toThrow(expect.objectContaining({ code: 'AUDIT_FAILED' }));
    }
  });

  it("JsonlAuditSink's constructor lets no foreign error or message escape", async () => {
    const { JsonlAuditSink } = await import('../../src/node.js');
    const hostile = [
      Object.defineProperty({}, 'fsync', { get: () => { throw new Error('boom 0901234567'); } }),
      new Proxy({}, { get: () => { throw new Error('trap 0901234567'); } }),
    ];
    for (const opts of hostile) {
      let err: unknown;
      try {
        new JsonlAuditSink('/tmp/never-written.jsonl', opts as never);
      } catch (e) {
        err = e;
      }
      expect(err).toBeInstanceOf(api.WaybillShieldError);
      expect(String((err as Error).message)).not.toMatch(/\d{4}|boom|trap/);
      expect((err as Error).cause).toBeUndefined();
    }
    expect(() => new JsonlAuditSink('/proc/definitely/not/here.jsonl')).toThrow(expect.objectContaining({ code: 'IO_ERROR', message: expect.not.stringContaining('/proc') }));
  });

  it('two writers on one audit file: the second gets AUDIT_LOCKED; a torn last line is moved aside and recorded; the chain goes on', async () => {
    const { JsonlAuditSink } = await import('../../src/node.js');
    const { appendFileSync, mkdtempSync, readdirSync } = await import('node:fs');
    const { join } = await import('node:path');
    const { tmpdir } = await import('node:os');
    const dir = mkdtempSync(join(tmpdir(), 'adv-audit-'));
    const path = join(dir, 'a.jsonl');
    const first = new JsonlAuditSink(path);
    expect(() => new JsonlAuditSink(path)).toThrow(expect.objectContaining({ code: 'AUDIT_LOCKED' }));
    new api.AuditChain({ sinks: first }).append(event());
    first.close();
    appendFileSync(path, '{"seq":1,"at":"2026');
    const second = new JsonlAuditSink(path);
    const chain = new api.AuditChain({ sinks: second });
    expect(chain.append(event()).seq).toBe(2);
    expect(chain.verify()).toMatchObject({ ok: true, count: 3 });
    expect(readdirSync(dir).some((f) => f.startsWith('a.jsonl.torn-'))).toBe(true);
    second.close();
  });
});
