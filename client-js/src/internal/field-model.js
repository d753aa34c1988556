/**
 * The state of one hosted field, free of the DOM: its value, the edit and
 * validation rules of its type (field-rules.js, the registry's behaviour half), and when an
 * error becomes visible (eager errors at once, others after the field was
 * left non-empty or a submit was attempted).
 */
import { applyEdit } from '../shared/caret-edit.js';
import { FIELD_RULES } from '../shared/field-rules.js';

/**
 * @param field a registered field type
 * @param rules createBrandRules(...)
 * @param now () => Date
 */
export function createFieldModel(field, rules, now) {
  const type = FIELD_RULES[field];
  const ctx = { rules: rules, now: now, brandRule: null };
  let value = '';
  let touched = false;
  let submitted = false;
  let serverCode = null;

  /** @param edit {raw, caret, inputType} -> {value, caret} to put back into the input */
  function edit(change) {
    serverCode = null;
    const format = type.format(ctx);
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
    const s = type.validate(value, ctx);
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

  /** The API body fragment of this field; only ever sent to the cardvault origin. */
  function apiValue() {
    return type.toApi(value, ctx);
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
    /** The brand a 'follower' field (the CVC) follows; unknown or absent clears it. */
    setCvcBrand: function (brandName) {
      ctx.brandRule = brandName && brandName !== 'unknown' ? rules.byName(brandName) : null;
    },
  };
}
