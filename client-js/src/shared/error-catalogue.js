/**
 * Every error code the hosted fields can report. Field codes match the
 * server's `errors[].code` values; request codes are what tokenize() /
 * recollectCvc() reject with; load codes are what `loaderror` carries. The
 * messages live in catalogue.js (all locales, one place). Messages never
 * interpolate user input.
 */
import { API_ERRORS, FIELD_ERRORS, REQUEST_ERRORS } from './catalogue.js';
import { localized } from './locales.js';

export const FieldErrorCode = Object.freeze({
  REQUIRED: 'required',
  INVALID_LUHN: 'invalid-luhn',
  INVALID_LENGTH: 'invalid-length',
  UNSUPPORTED_CHARACTERS: 'unsupported-characters',
  EXPIRED: 'expired',
  INVALID_MONTH: 'invalid-month',
  INVALID_EXPIRY: 'invalid-expiry',
  INVALID_CVC: 'invalid-cvc',
  INVALID_POSTAL_CODE: 'invalid-postal-code',
});

export const LoadErrorCode = Object.freeze({
  ORIGIN_NOT_ALLOWED: 'origin-not-allowed',
  INVALID_KEY: 'invalid-key',
  UNREACHABLE: 'unreachable',
  INSECURE_PAGE: 'insecure-page',
});

export const RequestErrorCode = Object.freeze({
  VALIDATION_ERROR: 'validation-error',
  NETWORK_ERROR: 'network-error',
  SERVER_ERROR: 'server-error',
  RATE_LIMITED: 'rate-limited',
  TIMEOUT: 'timeout',
  CANCELLED: 'cancelled',
});

function values(o) {
  return Object.keys(o).map(function (k) {
    return o[k];
  });
}

export const LOAD_ERROR_CODES = values(LoadErrorCode);
const KNOWN = values(FieldErrorCode).concat(values(RequestErrorCode), LOAD_ERROR_CODES);

export function isKnownErrorCode(code) {
  return typeof code === 'string' && KNOWN.indexOf(code) !== -1;
}

/** The localized message for a code the merchant page decides; anything else falls back to server-error. */
export function requestErrorMessage(code, locale) {
  const entry = Object.prototype.hasOwnProperty.call(REQUEST_ERRORS, code) ? REQUEST_ERRORS[code] : REQUEST_ERRORS['server-error'];
  return localized(entry, locale);
}

/** The localized message for any code; unknown codes fall back to server-error. */
export function errorMessage(code, locale) {
  if (Object.prototype.hasOwnProperty.call(FIELD_ERRORS, code)) return localized(FIELD_ERRORS[code], locale);
  if (Object.prototype.hasOwnProperty.call(API_ERRORS, code)) return localized(API_ERRORS[code], locale);
  return requestErrorMessage(code, locale);
}

/** {code, message} as events and rejections carry it. */
export function describeError(code, locale) {
  const known = isKnownErrorCode(code) ? code : RequestErrorCode.SERVER_ERROR;
  return { code: known, message: errorMessage(known, locale) };
}

/** describeError for the merchant page, which never needs a field error's text. */
export function describeRequestError(code, locale) {
  const known = isKnownErrorCode(code) ? code : RequestErrorCode.SERVER_ERROR;
  return { code: known, message: requestErrorMessage(known, locale) };
}
