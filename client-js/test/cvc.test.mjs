import { test } from 'node:test';
import assert from 'node:assert/strict';
import cardBrands from '../src/shared/card-brands-data.js';
import { createBrandRules } from '../src/shared/brand-rules.js';
import { cvcLengths, validateCvc } from '../src/shared/cvc.js';
import { createFieldModel } from '../src/internal/field-model.js';

const rules = createBrandRules(cardBrands);
const now = () => new Date(2027, 5, 15);

function typeInto(model, text) {
  let value = model.value();
  for (const c of text) {
    value = model.edit({ raw: value + c, caret: value.length + 1, inputType: 'insertText' }).value;
  }
  return value;
}

test('cvcLengths_byBrand_fromCardBrandsJson', () => {
  for (const b of cardBrands.brands) {
    assert.deepEqual(cvcLengths(rules.byName(b.brand)), [b.cvcLength]);
  }
  assert.deepEqual(cvcLengths(rules.byName('amex')), [4]);
  assert.deepEqual(cvcLengths(rules.byName('visa')), [3]);
  assert.deepEqual(cvcLengths(null), [3, 4]);
});

test('validateCvc_lengthByBrand', () => {
  assert.equal(validateCvc('123', [3]).valid, true);
  assert.equal(validateCvc('123', [4]).code, 'invalid-cvc');
  assert.equal(validateCvc('1234', [4]).valid, true);
  assert.equal(validateCvc('', [3]).code, 'required');
  assert.equal(validateCvc('12a', [3]).code, 'unsupported-characters');
  assert.equal(validateCvc('123', [3, 4]).valid, true);
  assert.equal(validateCvc('1234', [3, 4]).valid, true);
});

test('cvcModel_learnsAmexFromNumberField_acceptsFourDigits', () => {
  const model = createFieldModel('cvc', rules, now);
  model.setCvcBrand('visa');
  assert.equal(typeInto(model, '1234'), '123');
  assert.equal(model.state().valid, true);
  model.setCvcBrand('amex');
  assert.equal(model.state().valid, false);
  assert.equal(model.state().code, 'invalid-cvc');
  assert.equal(typeInto(model, '4'), '1234');
  assert.equal(model.state().valid, true);
  assert.equal(model.state().brand, 'amex');
  model.setCvcBrand('mastercard');
  assert.equal(model.state().code, 'invalid-cvc');
});

test('fieldModel_errorVisibility_eagerAtOnce_othersAfterBlurOrSubmit', () => {
  const number = createFieldModel('number', rules, now);
  typeInto(number, '4111');
  assert.equal(number.visibleCode(), null);
  number.blur();
  assert.equal(number.visibleCode(), 'invalid-length');
  number.clear();
  assert.equal(number.visibleCode(), null);
  number.markSubmitted();
  assert.equal(number.visibleCode(), 'required');
  number.clear();
  typeInto(number, '4111111111111112');
  assert.equal(number.visibleCode(), 'invalid-luhn');
  const expiry = createFieldModel('expiry', rules, now);
  typeInto(expiry, '13');
  assert.equal(expiry.visibleCode(), 'invalid-month');
  const name = createFieldModel('holderName', rules, now);
  assert.equal(name.state().valid, true);
  name.markSubmitted();
  assert.equal(name.visibleCode(), null);
});
