/**
 * The optional postal code (not card data; stored with the token's
 * metadata): letters, digits, spaces and hyphens, 2-10 characters after
 * trimming; empty is valid.
 */
export const POSTAL_CODE_MAX_LENGTH = 10;

/** @returns {empty, complete, valid, code, eager} */
export function validatePostalCode(value) {
  const trimmed = String(value || '').trim();
  const state = { empty: trimmed.length === 0, complete: false, valid: false, code: null, eager: false };
  if (/[^A-Za-z0-9 -]/.test(trimmed)) {
    state.code = 'unsupported-characters';
    state.eager = true;
    return state;
  }
  if (!state.empty && trimmed.replace(/[ -]/g, '').length < 2) {
    state.code = 'invalid-postal-code';
    return state;
  }
  state.complete = !state.empty;
  state.valid = true;
  return state;
}
