import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseExpiry, validateExpiry } from '../src/shared/expiry.js';

// a fixed "now": 15 June 2027
const NOW = new Date(2027, 5, 15);

test('validateExpiry_currentMonth_valid', () => {
  const s = validateExpiry('06 / 27', NOW);
  assert.equal(s.valid, true);
  assert.equal(s.month, 6);
  assert.equal(s.year, 2027);
});

test('validateExpiry_lastMonth_expired', () => {
  const s = validateExpiry('05 / 27', NOW);
  assert.equal(s.valid, false);
  assert.equal(s.code, 'expired');
  assert.equal(s.eager, true);
  assert.equal(validateExpiry('12 / 26', NOW).code, 'expired');
});

test('validateExpiry_futureDates_valid', () => {
  assert.equal(validateExpiry('07 / 27', NOW).valid, true);
  assert.equal(validateExpiry('01 / 30', NOW).valid, true);
  assert.equal(validateExpiry('12 / 47', NOW).valid, true);
});

test('validateExpiry_tooFarAhead_invalidExpiry', () => {
  assert.equal(validateExpiry('01 / 48', NOW).code, 'invalid-expiry');
});

test('validateExpiry_month00or13_invalidMonth_assoonasTwoDigits', () => {
  assert.equal(validateExpiry('00', NOW).code, 'invalid-month');
  assert.equal(validateExpiry('13', NOW).code, 'invalid-month');
  assert.equal(validateExpiry('13 / 30', NOW).code, 'invalid-month');
  assert.equal(validateExpiry('00 / 30', NOW).eager, true);
});

test('validateExpiry_incompleteOrEmpty', () => {
  assert.equal(validateExpiry('', NOW).code, 'required');
  assert.equal(validateExpiry('', NOW).empty, true);
  assert.equal(validateExpiry('1', NOW).code, 'invalid-expiry');
  assert.equal(validateExpiry('12 / 3', NOW).code, 'invalid-expiry');
  assert.equal(validateExpiry('12 / 3', NOW).eager, false);
  assert.equal(validateExpiry('12 / 3x', NOW).code, 'unsupported-characters');
});

test('parseExpiry_fourDigitYear', () => {
  assert.deepEqual(parseExpiry('12 / 30'), { month: 12, year: 2030 });
  assert.equal(parseExpiry('12 / 3'), null);
});

test('validateExpiry_monthBeingEdited_incomplete_notInvalidMonth', () => {
  assert.equal(validateExpiry('1 / 30', NOW).code, 'invalid-expiry');
  assert.equal(validateExpiry('1 / 30', NOW).eager, false);
  assert.equal(parseExpiry('1 / 30'), null);
});

test('validateExpiry_year20_mayBeAFourDigitYearInProgress_notEager', () => {
  const s = validateExpiry('12 / 20', NOW);
  assert.equal(s.code, 'expired');
  assert.equal(s.eager, false);
  assert.equal(validateExpiry('12 / 203', NOW).code, 'invalid-expiry');
});
