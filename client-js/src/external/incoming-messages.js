/**
 * Rebuilds what the merchant sees from the iframes' payloads, property by
 * property, so only documented shapes ever reach merchant code.
 */
import { describeRequestError, isKnownErrorCode } from '../shared/error-catalogue.js';
import { BRAND_SOURCE_FIELD, isFieldType, reportsBrand } from '../shared/field-types.js';
import { isTokenId } from '../shared/token-id.js';
import { CardVaultError } from './cardvault-error.js';

function text(value, max) {
  return typeof value === 'string' ? value.slice(0, max) : '';
}

function brand(value) {
  return /^[a-z]{1,20}$/.test(String(value)) ? String(value) : 'unknown';
}

function fieldError(error) {
  if (!error || !isKnownErrorCode(error.code)) return null;
  return { code: error.code, message: text(error.message, 300) };
}

/** (field of the sending frame, payload) -> {field, empty, complete, valid, brand?, error} */
export function publicChange(field, payload) {
  const event = {
    field: field,
    empty: payload.empty === true,
    complete: payload.complete === true,
    valid: payload.valid === true,
    error: fieldError(payload.error),
  };
  if (reportsBrand(field)) event.brand = brand(payload.brand);
  return event;
}

/** -> {field: 'number' (the brand-source field), brand} */
export function publicBrand(payload) {
  return { field: BRAND_SOURCE_FIELD, brand: brand(payload.brand) };
}

/** -> {id, card: {brand, last4, expiryMonth, expiryYear}} or null when malformed */
export function publicToken(token) {
  if (!token || !isTokenId(token.id)) return null;
  const card = token.card || {};
  return {
    id: token.id,
    card: {
      brand: brand(card.brand),
      last4: /^\d{4}$/.test(String(card.last4)) ? String(card.last4) : '',
      expiryMonth: Number(card.expiryMonth) || 0,
      expiryYear: Number(card.expiryYear) || 0,
    },
  };
}

/** A failure the merchant page itself decided (timeout, cancelled, ...). */
export function localError(code, locale, fields) {
  const described = describeRequestError(code, locale);
  return new CardVaultError({ code: described.code, message: described.message, fields: fields || [] });
}

/** An iframe's failure payload -> CardVaultError {code, message, fields, type, status?, errors?} */
export function publicError(error, locale) {
  const source = error || {};
  const base = describeRequestError(source.code, locale);
  const out = {
    code: base.code,
    message: text(source.message, 300) || base.message,
    fields: (Array.isArray(source.fields) ? source.fields : []).filter(isFieldType),
  };
  if (typeof source.type === 'string') out.type = text(source.type, 300);
  if (typeof source.status === 'number') out.status = source.status;
  if (Array.isArray(source.errors)) {
    out.errors = source.errors
      .filter(function (e) {
        return e && isFieldType(e.field) && isKnownErrorCode(e.code);
      })
      .map(function (e) {
        return { field: e.field, code: e.code, message: text(e.message, 300) };
      });
  }
  return new CardVaultError(out);
}
