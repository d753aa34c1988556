/**
 * The expiry field: 'MM / YY' formatting, a leading zero for months 2-9,
 * 4-digit years ('12/2030' typed, pasted or autofilled -> '12 / 30'), and
 * the rules: month 01-12 (invalid-month), not in the past (expired), at most
 * 20 years ahead (invalid-expiry). `now` is injected so tests use a fixed date.
 *
 * While the shopper edits the month of a complete date, the year stays where
 * it is: '1 / 30' is a month in progress, not '13 / 0'.
 */
import { digitsOf } from './caret-edit.js';

export const EXPIRY_SEPARATOR = ' / ';
const MAX_YEARS_AHEAD = 20;
const SEPARATED = /^\s*(\d{0,2})\s*[/\-.]\s*(\d*)\s*$/;

function join(month, year) {
  return year.length > 0 ? month + EXPIRY_SEPARATOR + year : month;
}

function shifted(value, shift) {
  return {
    value: value,
    digitsBefore: function (n) {
      return n > 0 ? Math.max(0, n + shift) : n;
    },
  };
}

export function expiryFormatter() {
  /** @param edit the applyEdit edit ({previous, ...}) when known */
  function format(raw, edit) {
    const text = String(raw || '');
    const editingDate = !!edit && String(edit.previous || '').indexOf('/') !== -1;
    const parts = SEPARATED.exec(text);
    if (parts && parts[2].length === 4) {
      // a 4-digit year, typed to the end, pasted or autofilled
      const pad = parts[1].length === 1 ? '0' : '';
      return shifted(join(pad + parts[1], parts[2].slice(2)), pad.length - 2);
    }
    if (editingDate && parts && parts[1].length < 2 && parts[2].length > 0 && parts[2].length <= 2) {
      // the month of a complete date is being edited: keep the year in place
      return shifted(join(parts[1], parts[2]), 0);
    }
    let digits = digitsOf(text);
    let shift = 0;
    if ((parts && parts[1].length === 1) || /^[2-9]/.test(digits)) {
      digits = '0' + digits;
      shift = 1;
    }
    if (digits.length >= 5 && digits.slice(2, 4) === '20') {
      // '12 / 20' followed by more digits: a 4-digit year on its way
      return shifted(join(digits.slice(0, 2), digits.slice(2, 5)), shift);
    }
    digits = digits.slice(0, 4);
    return shifted(join(digits.slice(0, 2), digits.slice(2)), shift);
  }
  format.keepsSeparators = true;
  return format;
}

/** 'MM / YY' -> {month, year (4 digits)}; null when incomplete. */
export function parseExpiry(value) {
  const parts = SEPARATED.exec(String(value || ''));
  const digits = digitsOf(value);
  if (digits.length !== 4 || (parts && parts[1].length !== 2)) return null;
  return { month: Number(digits.slice(0, 2)), year: 2000 + Number(digits.slice(2)) };
}

/** @returns {empty, complete, valid, code, eager, month?, year?} */
export function validateExpiry(value, now) {
  const digits = digitsOf(value);
  const parts = SEPARATED.exec(String(value || ''));
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
  const monthDigits = parts ? parts[1] : digits.slice(0, 2);
  if (monthDigits.length === 2) {
    const month = Number(monthDigits);
    if (month < 1 || month > 12) {
      state.code = 'invalid-month';
      state.eager = true;
      return state;
    }
  }
  const parsed = parseExpiry(value);
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
    // '12 / 20' may be the first half of a 4-digit year being typed: say so on blur, not at once
    state.eager = parsed.year !== 2020;
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
