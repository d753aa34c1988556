/**
 * The only place that builds payloads for the merchant page. Each builder
 * copies named, non-secret properties; no field value ever gets in. As a
 * last line of defence, guardMerchantPayload refuses any payload (apart from
 * the token id) containing a run of more than four digits.
 */
import { describeError } from '../shared/error-catalogue.js';
import { BRAND_SOURCE_FIELD, fieldLabel, reportsBrand } from '../shared/field-types.js';

const DIGIT_RUN = /\d{5,}/;
const MAX_HEIGHT_PX = 2000;

function errorOrNull(code, locale) {
  return code ? describeError(code, locale) : null;
}

/** field state -> {field, empty, complete, valid, brand, error} */
export function changePayload(field, state, visibleCode, locale) {
  return {
    field: field,
    empty: !!state.empty,
    complete: !!state.complete,
    valid: !!state.valid,
    brand: reportsBrand(field) ? String(state.brand || 'unknown') : undefined,
    error: errorOrNull(visibleCode, locale),
  };
}

export function fieldPayload(field) {
  return { field: field };
}

/** -> {field, label}: the localized label becomes the iframe's title on the merchant page. */
export function readyPayload(field, locale) {
  return { field: field, label: fieldLabel(field, locale) };
}

/** -> {field: <the brand-source field>, brand} */
export function brandPayload(brand) {
  return { field: BRAND_SOURCE_FIELD, brand: String(brand) };
}

export function resizePayload(field, height) {
  return { field: field, height: Math.min(MAX_HEIGHT_PX, Math.max(0, Math.round(Number(height) || 0))) };
}

function cardSummary(card) {
  const c = card || {};
  return {
    brand: String(c.brand || 'unknown'),
    last4: /^\d{4}$/.test(String(c.last4)) ? String(c.last4) : '',
    expiryMonth: Number(c.expiryMonth) || 0,
    expiryYear: Number(c.expiryYear) || 0,
  };
}

/** The server's 201 body -> only {id, card: {brand, last4, expiryMonth, expiryYear}}. */
export function tokenResultPayload(requestId, created) {
  return { requestId: requestId, token: { id: String(created.id), card: cardSummary(created.card) } };
}

/** A failure -> {code, message, fields, type?, status?}: never server `detail` text. */
export function failurePayload(requestId, failure, locale) {
  const described = describeError(failure.code, locale);
  const error = { code: described.code, message: described.message, fields: (failure.fields || []).slice() };
  if (failure.messageCode) error.message = describeError(failure.messageCode, locale).message;
  if (failure.type) error.type = String(failure.type);
  if (failure.status) error.status = Number(failure.status);
  if (failure.errors) {
    error.errors = failure.errors.map(function (e) {
      return { field: e.field, code: e.code, message: describeError(e.code, locale).message };
    });
  }
  return { requestId: requestId, error: error };
}

export function cvcResultPayload(requestId) {
  return { requestId: requestId, ok: true };
}

/**
 * true when the payload could carry card data: a run of 5+ digits anywhere
 * but in the random ids (token.id, and requestId which the merchant page
 * chose itself and we only echo).
 */
export function looksLikeCardData(payload) {
  const copy = JSON.parse(JSON.stringify(payload || {}));
  if (copy.token) delete copy.token.id;
  delete copy.requestId;
  return DIGIT_RUN.test(JSON.stringify(copy));
}

export function guardMerchantPayload(type, payload) {
  if (looksLikeCardData(payload)) {
    throw new Error('cardvault: refusing to send ' + type + ': payload looks like card data');
  }
  return payload;
}
