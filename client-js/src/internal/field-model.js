/**
 * The state of one hosted field, free of the DOM: its value, the edit rules
 * of its type, and when an error becomes visible (eager errors at once,
 * others after the field was left non-empty or a submit was attempted).
 */
import { applyEdit, digitsOf } from '../shared/caret-edit.js';
import { numberFormatter, validateNumber } from '../shared/card-number.js';
import { expiryFormatter, validateExpiry } from '../shared/expiry.js';
import { cvcFormatter, cvcLengths, validateCvc } from '../shared/cvc.js';
import { validateHolderName } from '../shared/holder-name.js';

/**
 * @param field 'number' | 'expiry' | 'cvc' | 'holderName'
 * @param rules createBrandRules(...)
 * @param now () => Date
 */
export function createFieldModel(field, rules, now) {
  let value = '';
  let cvcBrand = null;
  let touched = false;
  let submitted = false;
  let serverCode = null;

  function formatter() {
    if (field === 'number') return numberFormatter(rules);
    if (field === 'expiry') return expiryFormatter();
    if (field === 'cvc') return cvcFormatter(cvcLengths(cvcBrand));
    return null;
  }

  function validate() {
    if (field === 'number') return validateNumber(value, rules);
    if (field === 'expiry') return validateExpiry(value, now());
    if (field === 'cvc') {
      const s = validateCvc(value, cvcLengths(cvcBrand));
      s.brand = cvcBrand ? cvcBrand.brand : 'unknown';
      return s;
    }
    return validateHolderName(value);
  }

  /** @param edit {raw, caret, inputType} -> {value, caret} to put back into the input */
  function edit(change) {
    serverCode = null;
    const format = formatter();
    if (!format) {
      value = String(change.raw || '');
      return { value: value, caret: change.caret };
    }
    const result = applyEdit(
      { previous: value, raw: change.raw, caret: change.caret, inputType: change.inputType },
      format,
    );
    value = result.value;
    return result;
  }

  function state() {
    const s = validate();
    if (serverCode && !s.empty) {
      s.code = serverCode;
      s.valid = false;
      s.eager = true;
    }
    return s;
  }

  function visibleCode() {
    const s = state();
    if (!s.code) return null;
    if (s.empty) return submitted && s.code === 'required' ? s.code : null;
    return s.eager || touched || submitted ? s.code : null;
  }

  /** The value as the tokens API wants it; only ever sent to the cardvault origin. */
  function apiValue() {
    if (field === 'number') return digitsOf(value);
    if (field === 'cvc') return digitsOf(value);
    if (field === 'expiry') {
      const s = validateExpiry(value, now());
      return s.complete ? { month: s.month, year: s.year } : null;
    }
    return value.trim();
  }

  return {
    field: field,
    edit: edit,
    state: state,
    visibleCode: visibleCode,
    apiValue: apiValue,
    value: function () {
      return value;
    },
    clear: function () {
      value = '';
      touched = false;
      submitted = false;
      serverCode = null;
    },
    blur: function () {
      if (value !== '') touched = true;
    },
    markSubmitted: function () {
      submitted = true;
    },
    showServerError: function (code) {
      serverCode = code;
      submitted = true;
    },
    setCvcBrand: function (brandName) {
      cvcBrand = brandName && brandName !== 'unknown' ? rules.byName(brandName) : null;
    },
  };
}
