/**
 * Caller identification and proof of delivery: HOTP-style (RFC 4226) caller codes, courier-scoped
 * caller keys, the recipient's caller check, and delivery PINs.
 * @module
 */
export { callerCode, verifyCallerCode, CALLER_CODE_DIGITS, CALLER_CODE_WINDOW_MS, CALLER_KEY_UTC_OFFSET_MS } from './caller-code.js';
export type { CallerCode, CallerCodeOptions, ScopedCallerCodeOptions, VerifyCallerCodeOptions } from './caller-code.js';
export { CallerKey, courierCallerKey } from './caller-key.js';
export type { CallerKeyJSON, CallerKeyCodeOptions, CourierCallerKeyOptions } from './caller-key.js';
export { callerCheck, CALLER_CHECK_DEFAULTS, CALLER_CHECK_PHONE_DIGITS } from './caller-check.js';
export type { CallerCheckOptions } from './caller-check.js';
export { deliveryPin, verifyDeliveryPin, DELIVERY_PIN_DIGITS, DELIVERY_PIN_DEFAULTS, DELIVERY_PIN_UTC_OFFSET_MS } from './delivery-pin.js';
export type { DeliveryPinOptions, VerifyDeliveryPinOptions } from './delivery-pin.js';
