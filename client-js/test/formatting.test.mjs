import { test } from 'node:test';
import assert from 'node:assert/strict';
import cardBrands from '../src/shared/card-brands-data.js';
import { createBrandRules } from '../src/shared/brand-rules.js';
import { applyEdit, caretAfterDigits } from '../src/shared/caret-edit.js';
import { insertGaps, numberFormatter } from '../src/shared/card-number.js';
import { expiryFormatter } from '../src/shared/expiry.js';
import { cvcFormatter } from '../src/shared/cvc.js';

const rules = createBrandRules(cardBrands);
const number = numberFormatter(rules);
const expiry = expiryFormatter();

/** Types text at the caret, like a browser would, and reformats. */
function type(state, text, format) {
  const raw = state.value.slice(0, state.caret) + text + state.value.slice(state.caret);
  return applyEdit({ previous: state.value, raw, caret: state.caret + text.length, inputType: 'insertText' }, format);
}

function backspace(state, format) {
  const raw = state.value.slice(0, state.caret - 1) + state.value.slice(state.caret);
  return applyEdit({ previous: state.value, raw, caret: state.caret - 1, inputType: 'deleteContentBackward' }, format);
}

function del(state, format) {
  const raw = state.value.slice(0, state.caret) + state.value.slice(state.caret + 1);
  return applyEdit({ previous: state.value, raw, caret: state.caret, inputType: 'deleteContentForward' }, format);
}

function typeAll(text, format) {
  let s = { value: '', caret: 0 };
  for (const c of text) s = type(s, c, format);
  return s;
}

test('insertGaps_byBrandGaps', () => {
  assert.equal(insertGaps('4111111111111111', [4, 8, 12]), '4111 1111 1111 1111');
  assert.equal(insertGaps('378282246310005', [4, 10]), '3782 822463 10005');
  assert.equal(insertGaps('4111', [4, 8, 12]), '4111');
});

test('typing_visa_digitByDigit_caretAtEnd', () => {
  let s = { value: '', caret: 0 };
  const expected = ['4', '41', '411', '4111', '4111 1', '4111 11'];
  for (let i = 0; i < expected.length; i++) {
    s = type(s, '41111'.charAt(i) || '1', number);
    assert.equal(s.value, expected[i]);
    assert.equal(s.caret, s.value.length);
  }
  assert.deepEqual(typeAll('4111111111111111', number), { value: '4111 1111 1111 1111', caret: 19 });
});

test('typing_amex_gaps_4_6_5', () => {
  assert.deepEqual(typeAll('378282246310005', number), { value: '3782 822463 10005', caret: 17 });
});

test('typing_beyondMaxLength_isCut', () => {
  assert.equal(typeAll('55555555555544449', number).value, '5555 5555 5555 4444');
  assert.equal(typeAll('3782822463100051', number).value, '3782 822463 10005');
});

test('pasting_mixedSeparators_intoEmptyField', () => {
  const s = applyEdit({ previous: '', raw: '4111 1111-1111 1111', caret: 19, inputType: 'insertFromPaste' }, number);
  assert.deepEqual(s, { value: '4111 1111 1111 1111', caret: 19 });
});

test('pasting_inTheMiddle_caretAfterPastedDigits', () => {
  // '4111 |1111' + paste '2222' -> '4111 2222 1111', caret after the pasted digits
  const s = applyEdit({ previous: '4111 1111', raw: '4111 22221111', caret: 9, inputType: 'insertFromPaste' }, number);
  assert.deepEqual(s, { value: '4111 2222 1111', caret: 9 });
});

test('typing_inTheMiddle_keepsCaretAfterTypedDigit', () => {
  // '41|11 1111' type 5 -> '4151 1111 1', caret after the 5 (index 3)
  assert.deepEqual(type({ value: '4111 1111', caret: 2 }, '5', number), { value: '4151 1111 1', caret: 3 });
  // typing the 4th digit of a group moves the caret past the gap when a digit follows
  assert.deepEqual(type({ value: '4111 1111', caret: 3 }, '5', number), { value: '4115 1111 1', caret: 4 });
});

test('backspace_acrossGap_deletesDigitBeforeGap', () => {
  // '4111 |1111' backspace removes the space -> the 4th digit goes too
  assert.deepEqual(backspace({ value: '4111 1111', caret: 5 }, number), { value: '4111 111', caret: 3 });
});

test('backspace_digit_caretStays', () => {
  assert.deepEqual(backspace({ value: '4111 1111', caret: 7 }, number), { value: '4111 111', caret: 6 });
  assert.deepEqual(backspace({ value: '4111 1', caret: 6 }, number), { value: '4111', caret: 4 });
});

test('delete_forwardAcrossGap_deletesDigitAfterGap', () => {
  assert.deepEqual(del({ value: '4111 2111', caret: 4 }, number), { value: '4111 111', caret: 4 });
});

test('caretAfterDigits', () => {
  assert.equal(caretAfterDigits('4111 1111', 0), 0);
  assert.equal(caretAfterDigits('4111 1111', 4), 4);
  assert.equal(caretAfterDigits('4111 1111', 5), 6);
  assert.equal(caretAfterDigits('4111 1111', 99), 9);
});

test('expiry_typing_MM_slash_YY', () => {
  assert.deepEqual(typeAll('1230', expiry), { value: '12 / 30', caret: 7 });
  assert.deepEqual(typeAll('12', expiry), { value: '12', caret: 2 });
  assert.deepEqual(typeAll('123', expiry), { value: '12 / 3', caret: 6 });
});

test('expiry_firstDigit2to9_getsLeadingZero', () => {
  assert.deepEqual(typeAll('4', expiry), { value: '04', caret: 2 });
  assert.deepEqual(typeAll('430', expiry), { value: '04 / 30', caret: 7 });
  assert.deepEqual(typeAll('1/', expiry), { value: '01', caret: 2 });
});

test('expiry_pasteAndAutofillForms', () => {
  const paste = (raw) => applyEdit({ previous: '', raw, caret: raw.length, inputType: 'insertFromPaste' }, expiry);
  assert.equal(paste('12/30').value, '12 / 30');
  assert.equal(paste('12/2030').value, '12 / 30');
  assert.equal(paste('1/2030').value, '01 / 30');
  assert.equal(paste('12 / 30').value, '12 / 30');
  assert.equal(paste('123099').value, '12 / 30');
});

test('expiry_backspaceAcrossSeparator_movesNoDigit', () => {
  // issue 15 defect 4: '12 / |30' Backspace gave '13 / 0' and an instant "invalid month"
  const s = backspace({ value: '12 / 30', caret: 5 }, expiry);
  assert.deepEqual(s, { value: '12 / 30', caret: 2 });
  // the next Backspace edits the month; the year stays where it is
  const month = backspace(s, expiry);
  assert.deepEqual(month, { value: '1 / 30', caret: 1 });
  assert.deepEqual(type(month, '1', expiry), { value: '11 / 30', caret: 2 });
  assert.deepEqual(backspace({ value: '12 / 3', caret: 6 }, expiry), { value: '12', caret: 2 });
  // Delete before the separator steps over it
  assert.deepEqual(del({ value: '12 / 30', caret: 2 }, expiry), { value: '12 / 30', caret: 5 });
});

test('expiry_typedFourDigitYear_becomesTwoDigits', () => {
  // issue 15 defect 2: typing '12/2030' gave '12 / 20' and "expired"
  assert.deepEqual(typeAll('12/2030', expiry), { value: '12 / 30', caret: 7 });
  assert.deepEqual(typeAll('122030', expiry), { value: '12 / 30', caret: 7 });
  assert.deepEqual(typeAll('1/2030', expiry), { value: '01 / 30', caret: 7 });
  assert.equal(typeAll('12/203', expiry).value, '12 / 203');
  assert.equal(typeAll('12/2', expiry).value, '12 / 2');
});

test('expiry_pastedOneDigitMonth_getsLeadingZero', () => {
  const paste = (raw) => applyEdit({ previous: '', raw, caret: raw.length, inputType: 'insertFromPaste' }, expiry);
  assert.equal(paste('1/30').value, '01 / 30');
  assert.equal(paste('1/3').value, '01 / 3');
});

test('cvc_digitsOnly_cutAtLength', () => {
  const three = cvcFormatter([3]);
  const four = cvcFormatter([4]);
  assert.equal(typeAll('12a34', three).value, '123');
  assert.equal(typeAll('12345', four).value, '1234');
});
