/**
 * The optional cardholder name: empty is valid; the input's maxlength caps it. Digits and control
 * characters are refused, which also keeps a mistyped card number out of a
 * field that is not treated as card data.
 */
export const HOLDER_NAME_MAX_LENGTH = 100;

/** @returns {empty, complete, valid, code, eager} */
export function validateHolderName(value) {
  const text = String(value || '');
  const trimmed = text.trim();
  const state = { empty: trimmed.length === 0, complete: false, valid: false, code: null, eager: false };
  // eslint-disable-next-line no-control-regex
  if (/[\d\u0000-\u001f\u007f<>{}]/.test(text)) {
    state.code = 'unsupported-characters';
    state.eager = true;
    return state;
  }
  state.complete = !state.empty;
  state.valid = true;
  return state;
}
