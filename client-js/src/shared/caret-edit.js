/**
 * Reformats an edited value and keeps the caret next to the same digit it
 * was next to before. Pure: an edit is the previous value, the raw value the
 * browser produced, the caret in that raw value and the InputEvent inputType.
 * Deleting a separator deletes the digit on the far side of it too, so
 * Backspace after a gap never seems to do nothing - unless the formatter
 * says its separators carry meaning (`format.keepsSeparators`, the expiry's
 * ' / '): then the caret just steps over the separator and no digit moves.
 */
export function digitsOf(text) {
  return String(text || '').replace(/\D/g, '');
}

function lastDigitBefore(text, position) {
  for (let i = position - 1; i >= 0; i--) {
    if (/\d/.test(text.charAt(i))) return i;
  }
  return -1;
}

function firstDigitFrom(text, position) {
  for (let i = position; i < text.length; i++) {
    if (/\d/.test(text.charAt(i))) return i;
  }
  return -1;
}

function nextDigitOrEnd(text, position) {
  const i = firstDigitFrom(text, position);
  return i === -1 ? text.length : i;
}

/** Index right after the n-th digit of text (0 when n is 0). */
export function caretAfterDigits(text, n) {
  if (n <= 0) return 0;
  let seen = 0;
  for (let i = 0; i < text.length; i++) {
    if (/\d/.test(text.charAt(i))) {
      seen++;
      if (seen === n) return i + 1;
    }
  }
  return text.length;
}

/**
 * @param edit {previous, raw, caret, inputType}
 * @param format (raw, edit) => {value, digitsBefore?: (n) => n} formatted text; the
 *        optional mapper adjusts the digit count before the caret (e.g. when
 *        a leading zero was added)
 * @returns {value, caret}
 */
export function applyEdit(edit, format) {
  let raw = String(edit.raw || '');
  let caret = Math.max(0, Math.min(typeof edit.caret === 'number' ? edit.caret : raw.length, raw.length));
  const previous = String(edit.previous || '');
  const onlySeparatorRemoved =
    raw.length < previous.length && digitsOf(raw).length === digitsOf(previous).length;
  if (onlySeparatorRemoved && format.keepsSeparators) {
    const before = digitsOf(raw.slice(0, caret)).length;
    const forward = edit.inputType === 'deleteContentForward';
    const at = caretAfterDigits(previous, before);
    return { value: previous, caret: forward ? nextDigitOrEnd(previous, at) : at };
  }
  if (onlySeparatorRemoved && edit.inputType === 'deleteContentBackward') {
    const i = lastDigitBefore(raw, caret);
    if (i >= 0) {
      raw = raw.slice(0, i) + raw.slice(i + 1);
      caret = i;
    }
  } else if (onlySeparatorRemoved && edit.inputType === 'deleteContentForward') {
    const j = firstDigitFrom(raw, caret);
    if (j >= 0) raw = raw.slice(0, j) + raw.slice(j + 1);
  }
  if (onlySeparatorRemoved) {
    // the separators are re-inserted by the formatter; keep only the digits
    caret = digitsOf(raw.slice(0, caret)).length;
    raw = digitsOf(raw);
  }
  let before = digitsOf(raw.slice(0, caret)).length;
  const result = format(raw, edit);
  if (result.digitsBefore) before = result.digitsBefore(before);
  const total = digitsOf(result.value).length;
  return { value: result.value, caret: caretAfterDigits(result.value, Math.min(before, total)) };
}
