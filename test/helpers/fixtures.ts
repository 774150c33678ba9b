/** Shared test fixtures: a fixed keyring and realistic Vietnamese waybills. */
import { Keyring } from '../../src/keys/keyring.js';
import type { WaybillInput } from '../../src/schema.js';

/** A fixed, public test key. Never use outside tests. */
export const TEST_KEYRING_JSON = {
  v: 1 as const,
  primary: 1,
  keys: [{ id: 1, key: 'AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8', created: '2026-01-01T00:00:00.000Z' }],
};

export function testKeyring(): Keyring {
  return Keyring.fromJSON(TEST_KEYRING_JSON);
}

export function sampleWaybill(over: Partial<WaybillInput> = {}): WaybillInput {
  return {
    id: 'GHN2611290001',
    recipient: { name: 'Nguyễn Thị Minh Khai', phone: '0901 234 567', address: 'Số 12 ngõ 34 Nguyễn Trãi, Phường Thượng Đình, Quận Thanh Xuân, Hà Nội' },
    sender: { name: 'Trần Văn Bình', phone: '028 3812 3456', address: '47/9B Lê Lợi, Phường Bến Nghé, Quận 1, TP.HCM' },
    goods: { description: 'Ốp lưng iPhone 15 Pro Max', declaredValue: 250_000, quantity: 2 },
    codAmount: 32_000_000,
    weightGrams: 350,
    notes: 'Gọi trước khi giao, SĐT phụ 0912 345 678',
    assignment: { courierId: 'courier-042', number: 1 },
    ...over,
  };
}

/** Every 4-character window of a string (lowercased), for "no PII in output" checks. */
export function windows(s: string, n = 4): string[] {
  const out: string[] = [];
  const t = s.toLowerCase();
  for (let i = 0; i + n <= t.length; i++) out.push(t.slice(i, i + n));
  return out;
}

/** All runs of `n` consecutive digits in `digits`. */
export function digitRuns(digits: string, n = 4): string[] {
  const out: string[] = [];
  for (let i = 0; i + n <= digits.length; i++) out.push(digits.slice(i, i + n));
  return out;
}
