/**
 * Caller identification without handing out keys, end to end:
 *
 *   backend  ── code only ──▶ signed-in courier app   (or a CallerKey: one courier, one day)
 *   backend  ── code ───────▶ recipient's own channel (SMS/Zalo to their number, their app)
 *   tracking page: waybill no. + last 4 phone digits + the code the caller read out ──▶ yes / no
 *
 * The root keyring stays in the backend. The tracking page never shows a code, so a scammer with
 * a photographed label (and even the victim's number) gets nothing to read out.
 *
 * Run: npx tsx examples/caller-check.ts
 * (In an application, import from 'waybill-shield'; this example imports the sources directly.)
 */
import '../src/index.node.js'; // what `import 'waybill-shield'` runs on Node: the bundled gazetteer and native seals
import { Keyring } from '../src/keys/keyring.js';
import { protect, unseal } from '../src/protect.js';
import { WaybillShieldError } from '../src/errors.js';
import { AuditChain, MemoryAuditSink } from '../src/audit/index.js';
import { MemoryLedger } from '../src/ledger/index.js';
import { CallerKey, callerCheck, callerCode, courierCallerKey } from '../src/verify/index.js';

function expect(ok: boolean, what: string): void {
  if (!ok) {
    console.error(`UNEXPECTED: ${what}`);
    process.exit(1);
  }
}

// ── Backend state: keyring from the secret store, a shared ledger (RedisLedger in production), an audit log.
const keyring = Keyring.generate();
const ledger = new MemoryLedger();
const sink = new MemoryAuditSink();
const audit = new AuditChain({ sinks: sink });

// ── Intake: the order is protected and stored; courier-042 is assigned.
const record = protect(
  {
    id: 'GHN2611290001',
    recipient: { name: 'Nguyễn Thị Minh Khai', phone: '0901 234 567', address: 'Số 12 ngõ 34 Nguyễn Trãi, Phường Thượng Đình, Hà Nội' },
    sender: { name: 'Trần Văn Bình', phone: '028 3812 3456', address: '47/9B Lê Lợi, Phường Bến Nghé, TP.HCM' },
    goods: { description: 'Ốp lưng điện thoại', quantity: 2 },
    assignment: { courierId: 'courier-042', number: 1 },
  },
  { keyring },
);
const db = new Map([[record.id, record]]);
const assignedCourier = (waybillId: string) => db.get(waybillId)!.assignment!.courierId; // the dispatch system's answer
console.log('label shows:', record.label.recipient.name, record.label.recipient.phone);

// ── 1. Courier side. Either the backend pushes just the code to the signed-in app…
const pushed = callerCode({ keyring, waybillId: record.id, courierId: 'courier-042' });
console.log('courier app (pushed code):', pushed.code, 'until', pushed.validUntil.toISOString());

// …or, for an app that must work offline, it hands out a key for this courier and today only.
const wire = JSON.stringify(courierCallerKey({ keyring, courierId: 'courier-042' }).export()); // over the signed-in session
const appKey = CallerKey.fromJSON(wire);
const offline = appKey.code({ waybillId: record.id });
console.log(`courier app (offline, ${appKey}):`, offline.code);
expect(offline.code === pushed.code, 'the scoped key computes the same code as the backend');

// ── 2. Recipient side, channel A: the backend sends the code to the recipient's own number.
// Opening the phone is an audited unseal with its own purpose; the message goes to the SMS/Zalo gateway only.
const to = unseal(record, 'recipient.phone', { keyring, actor: 'svc:notify', purpose: 'caller-notice', audit });
const sms = { to, text: `Buu ta GHN se goi ban. Ma xac minh: ${pushed.code}. Khong cung cap ma nay cho ai.` };
console.log('SMS queued to', `${sms.to.slice(0, 3)}…${sms.to.slice(-3)}`, '—', sms.text.length, 'chars');

// ── 2. Recipient side, channel B: a tracking page. The recipient types the waybill number, the last
// 4 digits of their phone, and the code the caller just read out. The page answers yes or no.
async function trackingPageCheck(waybillId: string, phoneLast4: string, spokenCode: string): Promise<string> {
  const stored = db.get(waybillId);
  if (!stored) return 'unknown waybill';
  try {
    const genuine = await callerCheck({ keyring, record: stored, courierId: assignedCourier(waybillId), phoneLast4, code: spokenCode, ledger, audit });
    return genuine ? 'GENUINE: this is your GHN courier' : 'NOT VERIFIED: hang up and call the hotline';
  } catch (e) {
    if (e instanceof WaybillShieldError && e.code === 'TOKEN_LOCKED') return 'LOCKED: too many attempts, call the hotline';
    throw e;
  }
}

const real = await trackingPageCheck(record.id, '4567', offline.code);
console.log('recipient checks the real courier:', real);
expect(real.startsWith('GENUINE'), 'the real courier verifies');

// ── 3. A scammer: label photo (name initials, last 3 digits, ward), the victim's full number from a
// leaked list, and a stolen phone of another courier with that courier's key for today.
const stolen = courierCallerKey({ keyring, courierId: 'courier-777' });
const fake = stolen.code({ waybillId: record.id }).code;
const viaStolenKey = await trackingPageCheck(record.id, '4567', fake);
console.log("scammer reads out courier-777's code:", viaStolenKey);
expect(!viaStolenKey.startsWith('GENUINE'), "another courier's key does not verify for this parcel");

// Guessing on the tracking page: there is no code to read there, only yes/no, and 5 wrong answers lock it.
const answers: string[] = [];
for (const guess of ['000000', '123456', '111111', '654321', '999999']) answers.push(await trackingPageCheck(record.id, '4567', guess));
console.log('scammer guesses codes:', answers.map((a) => a.split(':')[0]).join(', '));
const after = await trackingPageCheck(record.id, '4567', offline.code);
console.log('after 5 wrong answers the page is locked for this waybill:', after.split(':')[0]);
expect(after.startsWith('LOCKED'), 'the lockout holds even for the right answer');

// ── 4. Audit: who opened the phone and why, every check and its outcome; no value anywhere.
for (const r of sink.records) console.log(`  #${r.seq} ${r.action.padEnd(13)} ${r.actor.padEnd(13)} ${(r.purpose ?? '').padEnd(13)} ${r.outcome.padEnd(6)} ${r.reason ?? ''}`);
const events = JSON.stringify(sink.records.map(({ actor, action, waybillId, fields, purpose, outcome, reason }) => ({ actor, action, waybillId, fields, purpose, outcome, reason })));
expect(!/4567|0901|234/.test(events) && !events.includes(pushed.code), 'the audit holds no phone digits and no code');
const result = audit.verify();
console.log('audit chain:', result.ok ? `ok, ${result.count} records` : `${result.problem} at seq ${result.seq}`);
expect(result.ok, 'the audit chain verifies');
