/**
 * The card number field's rules: formatting by brand gaps, length per brand,
 * Luhn. validateNumber answers the field state; `eager` tells whether the
 * error is certain while the shopper is still typing.
 */
import { digitsOf } from './caret-edit.js';
import { luhnValid } from './luhn.js';

/** '4111111111111111' with gaps [4, 8, 12] -> '4111 1111 1111 1111'. */
export function insertGaps(digits, gaps) {
  let out = '';
  for (let i = 0; i < digits.length; i++) {
    if (i > 0 && gaps.indexOf(i) !== -1) out += ' ';
    out += digits.charAt(i);
  }
  return out;
}

/** A formatter for applyEdit: keeps digits, cuts at the brand's longest length. */
export function numberFormatter(rules) {
  return function format(raw) {
    let digits = digitsOf(raw);
    const rule = rules.detect(digits);
    digits = digits.slice(0, rules.maxLength(rule));
    return { value: insertGaps(digits, rule.gaps) };
  };
}

/** Characters a card number may contain while being typed or pasted. */
export function hasUnsupportedNumberCharacters(raw) {
  return /[^\d\s-]/.test(String(raw || ''));
}

/**
 * @returns {empty, complete, valid, brand, code, eager}
 */
export function validateNumber(value, rules) {
  const digits = digitsOf(value);
  const rule = rules.detect(digits);
  const state = { empty: digits.length === 0, complete: false, valid: false, brand: rule.brand, code: null, eager: false };
  if (hasUnsupportedNumberCharacters(value)) {
    state.code = 'unsupported-characters';
    state.eager = true;
    return state;
  }
  if (state.empty) {
    state.code = 'required';
    return state;
  }
  const lengthOk = rules.isValidLength(digits, rule);
  if (!lengthOk) {
    state.code = 'invalid-length';
    return state;
  }
  state.complete = true;
  if (!luhnValid(digits)) {
    state.code = 'invalid-luhn';
    state.eager = digits.length >= 16 || digits.length === rules.maxLength(rule);
    return state;
  }
  state.valid = true;
  return state;
}
