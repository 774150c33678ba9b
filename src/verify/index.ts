/**
 * Caller identification and proof of delivery: HOTP-style (RFC 4226) caller codes and delivery PINs.
 * @module
 */
export { callerCode, verifyCallerCode, CALLER_CODE_DIGITS, CALLER_CODE_WINDOW_MS } from './caller-code.js';
export type { CallerCode, CallerCodeOptions, VerifyCallerCodeOptions } from './caller-code.js';
export { deliveryPin, verifyDeliveryPin, DELIVERY_PIN_DIGITS, DELIVERY_PIN_DEFAULTS, DELIVERY_PIN_UTC_OFFSET_MS } from './delivery-pin.js';
export type { DeliveryPinOptions, VerifyDeliveryPinOptions } from './delivery-pin.js';
