// The iframe's outgoing message builders never let a digit run longer than 4
// reach the merchant page (apart from the random token id).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import cardBrands from '../src/shared/card-brands-data.js';
import { createBrandRules } from '../src/shared/brand-rules.js';
import { createFieldModel } from '../src/internal/field-model.js';
import {
  brandPayload,
  changePayload,
  failurePayload,
  fieldPayload,
  guardMerchantPayload,
  looksLikeCardData,
  resizePayload,
  tokenResultPayload,
} from '../src/internal/outgoing-messages.js';
import { failureFromResponse } from '../src/internal/problem-mapper.js';

const rules = createBrandRules(cardBrands);
const now = () => new Date(2027, 5, 15);
const TEST_PANS = ['4111111111111111', '5555555555554444', '378282246310005', ...cardBrands.vectors.map((v) => v.number)];
const LONG_DIGITS = /\d{5,}/;

function assertClean(payload) {
  const copy = structuredClone(payload);
  if (copy.token) delete copy.token.id;
  delete copy.requestId;
  assert.doesNotMatch(JSON.stringify(copy), LONG_DIGITS, JSON.stringify(payload));
}

test('changePayload_everyPrefixOfEveryTestPan_noDigitRuns', () => {
  let checked = 0;
  for (const pan of TEST_PANS) {
    const model = createFieldModel('number', rules, now);
    let value = '';
    for (const c of pan) {
      value = model.edit({ raw: value + c, caret: value.length + 1, inputType: 'insertText' }).value;
      for (const submitted of [false, true]) {
        if (submitted) model.markSubmitted();
        const payload = changePayload('number', model.state(), model.visibleCode(), 'en');
        assertClean(payload);
        assert.doesNotThrow(() => guardMerchantPayload('cardvault:field:change', payload));
        checked++;
      }
    }
    // a pasted number, the other fields too
    const pasted = createFieldModel('number', rules, now);
    pasted.edit({ raw: pan, caret: pan.length, inputType: 'insertFromPaste' });
    assertClean(changePayload('number', pasted.state(), pasted.visibleCode(), 'de'));
  }
  for (const [field, text] of [['expiry', '12 / 2030'], ['cvc', '1234'], ['holderName', 'Jane 4111111111111111']]) {
    const model = createFieldModel(field, rules, now);
    model.edit({ raw: text, caret: text.length, inputType: 'insertFromPaste' });
    assertClean(changePayload(field, model.state(), model.visibleCode(), 'fr'));
  }
  assert.ok(checked > 500);
});

test('changePayload_copiesOnlyTheDocumentedKeys', () => {
  const state = { empty: false, complete: true, valid: true, brand: 'visa', code: null, value: '4111111111111111', digits: '4111111111111111' };
  const payload = changePayload('number', state, null, 'en');
  assert.deepEqual(payload, { field: 'number', empty: false, complete: true, valid: true, brand: 'visa', error: null });
});

test('tokenResultPayload_keepsOnlyIdAndSummary_dropsBinAndFingerprint', () => {
  const created = {
    id: '6f1c2b1e-7a0d-4c4e-9f5e-2b8a8d012345',
    card: { brand: 'visa', bin: '411111', last4: '1111', expiryMonth: 12, expiryYear: 2030, fingerprint: 'Qm9123456789', cvcAvailable: true, number: '4111111111111111' },
    createdAt: '2026-11-24T10:00:00Z',
    number: '4111111111111111',
  };
  const payload = tokenResultPayload('abcdef0123456789abcdef01', created);
  assert.deepEqual(payload.token, { id: created.id, card: { brand: 'visa', last4: '1111', expiryMonth: 12, expiryYear: 2030 } });
  assertClean(payload);
  // the id itself may have digit runs and is allowed
  assert.doesNotThrow(() => guardMerchantPayload('cardvault:tokenize:result', payload));
});

test('failurePayload_neverForwardsServerDetailOrMessages', () => {
  const failure = failureFromResponse(422, {
    type: 'https://cardvault.io/problems/invalid-card',
    detail: 'number 4111111111111111 is invalid',
    errors: [
      { field: 'number', code: 'invalid-luhn', message: '4111111111111112 fails Luhn' },
      { field: 'cvc', code: 'made-up-code-4111111111111111', message: 'x' },
      { field: 'evil4111111111111111', code: 'required', message: 'x' },
    ],
  });
  const payload = failurePayload('abcdefabcdefabcdefabcdef', failure, 'es');
  assertClean(payload);
  assert.deepEqual(payload.error.fields, ['number', 'cvc']);
  assert.equal(payload.error.errors[1].code, 'validation-error');
});

test('otherPayloads_clean', () => {
  [fieldPayload('number'), brandPayload('amex'), resizePayload('cvc', 12345.6)].forEach(assertClean);
  assert.deepEqual(resizePayload('cvc', 44.2), { field: 'cvc', height: 44 });
  assert.deepEqual(resizePayload('cvc', 12345.6), { field: 'cvc', height: 2000 });
});

test('guard_refusesAnythingWithDigitRuns_outsideTheIds', () => {
  assert.equal(looksLikeCardData({ field: 'number', value: '4111111111111111' }), true);
  assert.equal(looksLikeCardData({ field: 'number', value: '4111 1111 1111 1111' }), false, 'groups of 4 are not runs');
  assert.equal(looksLikeCardData({ token: { id: '12345678-0000', card: { last4: '1111', expiryYear: 2030 } } }), false);
  assert.equal(looksLikeCardData({ token: { id: 'x', card: { bin: '411111' } } }), true);
  assert.throws(() => guardMerchantPayload('cardvault:field:change', { error: { message: 'bad 378282246310005' } }), /card data/);
});
