import { test } from 'node:test';
import assert from 'node:assert/strict';
import cardBrands from '../src/shared/card-brands-data.js';
import { createBrandRules } from '../src/shared/brand-rules.js';
import { luhnValid } from '../src/shared/luhn.js';
import { validateNumber } from '../src/shared/card-number.js';

const rules = createBrandRules(cardBrands);

test('card-brands.json has vectors to check', () => {
  assert.ok(cardBrands.vectors.length >= 20);
});

for (const v of cardBrands.vectors) {
  test(`vector ${v.number.slice(0, 6)}…${v.number.slice(-4)}: brand ${v.brand}, luhn ${v.luhn}, length ${v.validLength}`, () => {
    const rule = rules.detect(v.number);
    assert.equal(rule.brand, v.brand);
    assert.equal(luhnValid(v.number), v.luhn);
    assert.equal(rules.isValidLength(v.number, rule), v.validLength);
    const state = validateNumber(v.number, rules);
    assert.equal(state.valid, v.luhn && v.validLength);
  });
}

test('detect_partialPrefix_unknownUntilRangeIsComplete_exceptEarlyRanges', () => {
  assert.equal(rules.detect('').brand, 'unknown');
  assert.equal(rules.detect('3').brand, 'unknown');
  assert.equal(rules.detect('34').brand, 'amex');
  // issue 15: Mastercard's 2-series is known from 22-27 on, not only from 4 digits
  assert.equal(rules.detect('222').brand, 'mastercard');
  assert.equal(rules.detect('2221').brand, 'mastercard');
  assert.equal(rules.detect('2720').brand, 'mastercard');
  assert.equal(rules.detect('2721').brand, 'unknown');
  assert.equal(rules.detect('4').brand, 'visa');
});

test('card-brands.json has a prefix vector for partial input', () => {
  assert.ok(cardBrands.prefixVectors.length >= 30);
});

for (const v of cardBrands.prefixVectors) {
  test(`prefix vector ${v.prefix}: ${v.brand}`, () => {
    assert.equal(rules.detect(v.prefix).brand, v.brand);
  });
}

test('every range and every brand has a full-number vector', () => {
  for (const b of cardBrands.brands) {
    for (const r of b.ranges) {
      const covered = cardBrands.vectors.some((v) => {
        const head = v.number.slice(0, r.from.length);
        return v.brand === b.brand && head >= r.from && head <= r.to;
      });
      assert.ok(covered, `${b.brand} ${r.from}-${r.to}`);
    }
    for (const length of b.lengths) {
      assert.ok(cardBrands.vectors.some((v) => v.brand === b.brand && v.number.length === length && v.validLength), `${b.brand} length ${length}`);
    }
  }
});

test('brand rules agree with the issue 15 table', () => {
  // 13-19 would also accept 14, 15 and 17; the server's CardValidatorTest pins 15 digits on 4 as invalid
  assert.deepEqual(rules.byName('visa').lengths, [13, 16, 18, 19]);
  assert.deepEqual(rules.byName('unionpay').lengths, [14, 15, 16, 17, 18, 19]);
  ['elo', 'mir', 'hiper', 'hipercard', 'troy', 'verve', 'naranja'].forEach((b) => assert.equal(rules.byName(b).brand, b));
  assert.equal(rules.detect('4514160000000000').brand, 'elo');
  assert.equal(rules.detect('5060990000000000').brand, 'verve');
  assert.equal(rules.detect('6509230000000000').brand, 'troy');
});

test('detect_overlappingRanges_longestMatchingRangeWins', () => {
  const data = {
    brands: [
      { brand: 'short', ranges: [{ from: '6', to: '6' }], lengths: [16], cvcLength: 3, gaps: [4, 8, 12] },
      { brand: 'long', ranges: [{ from: '622', to: '625' }], lengths: [16], cvcLength: 3, gaps: [4, 8, 12] },
    ],
    unknown: cardBrands.unknown,
  };
  const r = createBrandRules(data);
  assert.equal(r.detect('6111').brand, 'short');
  assert.equal(r.detect('6230').brand, 'long');
  assert.equal(r.detect('62').brand, 'short');
  // same data, other order: still the longest range
  const swapped = createBrandRules({ brands: data.brands.slice().reverse(), unknown: data.unknown });
  assert.equal(swapped.detect('6230').brand, 'long');
});

test('maxLength_perBrand', () => {
  assert.equal(rules.maxLength(rules.byName('amex')), 15);
  assert.equal(rules.maxLength(rules.byName('visa')), 19);
  assert.equal(rules.maxLength(rules.byName('mastercard')), 16);
  assert.equal(rules.maxLength(rules.byName('unionpay')), 19);
  assert.equal(rules.byName('nope').brand, 'unknown');
});

test('luhnValid_nonDigits_false', () => {
  assert.equal(luhnValid('4111 1111 1111 1111'), false);
  assert.equal(luhnValid(''), false);
  assert.equal(luhnValid(undefined), false);
});

test('validateNumber_states', () => {
  assert.deepEqual(pick(validateNumber('', rules)), { empty: true, complete: false, valid: false, code: 'required', eager: false });
  assert.deepEqual(pick(validateNumber('4111 1111', rules)), { empty: false, complete: false, valid: false, code: 'invalid-length', eager: false });
  assert.deepEqual(pick(validateNumber('4111 1111 1111 1112', rules)), { empty: false, complete: true, valid: false, code: 'invalid-luhn', eager: true });
  assert.deepEqual(pick(validateNumber('4111 1111 1111 1111', rules)), { empty: false, complete: true, valid: true, code: null, eager: false });
  assert.equal(validateNumber('4111 1111 1111 111a', rules).code, 'unsupported-characters');
  assert.equal(validateNumber('3782 822463 10005', rules).brand, 'amex');
});

function pick(s) {
  return { empty: s.empty, complete: s.complete, valid: s.valid, code: s.code, eager: s.eager };
}
