import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { ERROR_MESSAGES, FieldErrorCode, RequestErrorCode, describeError, errorMessage } from '../src/shared/error-catalogue.js';
import { FIELD_NAMES, FIELD_TYPES } from '../src/shared/field-types.js';
import { SUPPORTED_LOCALES, resolveLocale } from '../src/shared/locales.js';

const API_FIELD_CODES = ['required', 'invalid-luhn', 'invalid-length', 'unsupported-characters', 'expired', 'invalid-month', 'invalid-cvc'];
const REQUEST_CODES = ['validation-error', 'network-error', 'server-error', 'timeout'];

test('locales_are_en_de_fr_es', () => {
  assert.deepEqual(SUPPORTED_LOCALES, ['en', 'de', 'fr', 'es']);
});

test('catalogue_everyCodeHasEveryLocale_nonEmpty_andTranslated', () => {
  for (const [code, messages] of Object.entries(ERROR_MESSAGES)) {
    assert.deepEqual(Object.keys(messages).sort(), SUPPORTED_LOCALES.slice().sort(), code);
    for (const locale of SUPPORTED_LOCALES) {
      assert.equal(typeof messages[locale], 'string');
      assert.ok(messages[locale].trim().length > 5, `${code}/${locale}`);
    }
    assert.equal(new Set(Object.values(messages)).size, SUPPORTED_LOCALES.length, `${code} translated`);
  }
});

test('catalogue_coversApiCodes_andRequestCodes_andEnums', () => {
  const all = [...API_FIELD_CODES, ...REQUEST_CODES, ...Object.values(FieldErrorCode), ...Object.values(RequestErrorCode)];
  all.forEach((code) => assert.ok(ERROR_MESSAGES[code], code));
});

test('catalogue_coversEveryCodeUsedInTheSources', () => {
  const used = new Set();
  const walk = (dir) =>
    readdirSync(dir, { withFileTypes: true }).forEach((e) => {
      const p = join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (p.endsWith('.js')) {
        const src = readFileSync(p, 'utf8');
        for (const m of src.matchAll(/(?:code|Code)\s*[:=]\s*'([a-z-]+)'/g)) used.add(m[1]);
        for (const m of src.matchAll(/(?:failure|describeError|errorMessage)\(\s*'([a-z-]+)'/g)) used.add(m[1]);
      }
    });
  walk(new URL('../src', import.meta.url).pathname);
  assert.ok(used.size >= 8, [...used].join());
  used.forEach((code) => assert.ok(ERROR_MESSAGES[code], `code used in sources but not in the catalogue: ${code}`));
});

test('labelsAndPlaceholders_everyFieldEveryLocale', () => {
  FIELD_NAMES.forEach((f) => {
    SUPPORTED_LOCALES.forEach((l) => {
      assert.ok(FIELD_TYPES[f].label[l], `${f}/${l} label`);
      assert.equal(typeof FIELD_TYPES[f].placeholder[l], 'string', `${f}/${l} placeholder`);
    });
  });
  assert.deepEqual(FIELD_NAMES.map((f) => FIELD_TYPES[f].autocomplete), ['cc-number', 'cc-exp', 'cc-csc', 'cc-name']);
});

test('errorMessage_localeResolution_andFallbacks', () => {
  assert.equal(errorMessage('expired', 'de-AT'), 'Die Karte ist abgelaufen.');
  assert.equal(errorMessage('expired', 'it'), 'The card has expired.');
  assert.equal(resolveLocale('auto', 'fr-CA'), 'fr');
  assert.equal(resolveLocale(undefined, undefined), 'en');
  assert.deepEqual(describeError('no-such-code', 'es'), { code: 'server-error', message: ERROR_MESSAGES['server-error'].es });
});
