/**
 * The CVC field: digits only, as many as the brand's cvcLength (amex 4,
 * others 3). Without a known brand (CVC-only mode for a stored token) 3 or 4
 * digits are accepted.
 */
import { digitsOf } from './caret-edit.js';

export function cvcLengths(brandRule) {
  return brandRule && brandRule.brand !== 'unknown' ? [brandRule.cvcLength] : [3, 4];
}

export function cvcFormatter(lengths) {
  const max = Math.max.apply(null, lengths);
  return function format(raw) {
    return { value: digitsOf(raw).slice(0, max) };
  };
}

/** @returns {empty, complete, valid, code, eager} */
export function validateCvc(value, lengths) {
  const text = String(value || '');
  const digits = digitsOf(text);
  const state = { empty: digits.length === 0, complete: false, valid: false, code: null, eager: false };
  if (/\D/.test(text.replace(/\s/g, ''))) {
    state.code = 'unsupported-characters';
    state.eager = true;
    return state;
  }
  if (state.empty) {
    state.code = 'required';
    return state;
  }
  if (lengths.indexOf(digits.length) === -1) {
    state.code = 'invalid-cvc';
    state.eager = digits.length > Math.max.apply(null, lengths);
    return state;
  }
  state.complete = true;
  state.valid = true;
  return state;
}
