/**
 * The expiry field: 'MM / YY' formatting, a leading zero for months 2-9,
 * autofill forms such as '12/2030', and the rules: month 01-12
 * (invalid-month), not in the past (expired), at most 20 years ahead
 * (invalid-expiry). `now` is injected so tests use a fixed date.
 */
import { digitsOf } from './caret-edit.js';

export const EXPIRY_SEPARATOR = ' / ';
const MAX_YEARS_AHEAD = 20;

export function expiryFormatter() {
  return function format(raw) {
    const text = String(raw || '');
    let digits = digitsOf(text);
    let shift = 0;
    const fullYear = /^\s*(\d{1,2})\s*[/\-.]\s*(\d{4})\s*$/.exec(text);
    if (fullYear) {
      digits = (fullYear[1].length === 1 ? '0' : '') + fullYear[1] + fullYear[2].slice(2);
      shift = fullYear[1].length === 1 ? 1 : 0;
    } else if (/^\s*\d\s*[/\-.]/.test(text) || /^[2-9]/.test(digits)) {
      digits = '0' + digits;
      shift = 1;
    }
    digits = digits.slice(0, 4);
    const value = digits.length > 2 ? digits.slice(0, 2) + EXPIRY_SEPARATOR + digits.slice(2) : digits;
    return {
      value: value,
      digitsBefore: function (n) {
        return n > 0 ? n + shift : n;
      },
    };
  };
}

/** 'MM / YY' -> {month, year (4 digits)}; null when incomplete. */
export function parseExpiry(value) {
  const digits = digitsOf(value);
  if (digits.length !== 4) return null;
  return { month: Number(digits.slice(0, 2)), year: 2000 + Number(digits.slice(2)) };
}

/** @returns {empty, complete, valid, code, eager, month?, year?} */
export function validateExpiry(value, now) {
  const digits = digitsOf(value);
  const state = { empty: digits.length === 0, complete: false, valid: false, code: null, eager: false };
  if (/[^\d\s/\-.]/.test(String(value || ''))) {
    state.code = 'unsupported-characters';
    state.eager = true;
    return state;
  }
  if (state.empty) {
    state.code = 'required';
    return state;
  }
  if (digits.length >= 2) {
    const month = Number(digits.slice(0, 2));
    if (month < 1 || month > 12) {
      state.code = 'invalid-month';
      state.eager = true;
      return state;
    }
  }
  const parsed = parseExpiry(digits);
  if (!parsed) {
    state.code = 'invalid-expiry';
    return state;
  }
  state.complete = true;
  state.month = parsed.month;
  state.year = parsed.year;
  const nowYear = now.getFullYear();
  const nowMonth = now.getMonth() + 1;
  if (parsed.year < nowYear || (parsed.year === nowYear && parsed.month < nowMonth)) {
    state.code = 'expired';
    state.eager = true;
    return state;
  }
  if (parsed.year > nowYear + MAX_YEARS_AHEAD) {
    state.code = 'invalid-expiry';
    state.eager = true;
    return state;
  }
  state.valid = true;
  return state;
}
