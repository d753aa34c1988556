import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import * as catalogue from '../src/shared/catalogue.js';
import { FieldErrorCode, LOAD_ERROR_CODES, RequestErrorCode, describeError, errorMessage, isKnownErrorCode } from '../src/shared/error-catalogue.js';
import { FIELD_NAMES, defaultPlaceholder, fieldLabel } from '../src/shared/field-types.js';
import { SUPPORTED_LOCALES, resolveLocale } from '../src/shared/locales.js';

const { LOCALES, LABELS, PLACEHOLDERS, FIELD_ERRORS, REQUEST_ERRORS, API_ERRORS } = catalogue;
const API_FIELD_CODES = ['required', 'invalid-luhn', 'invalid-length', 'unsupported-characters', 'expired', 'invalid-month', 'invalid-cvc'];
const REQUEST_CODES = ['validation-error', 'network-error', 'server-error', 'timeout'];

test('locales_twelve_fromTheCatalogue', () => {
  assert.deepEqual(LOCALES, ['en', 'de', 'fr', 'es', 'it', 'nl', 'pt', 'pl', 'sv', 'da', 'fi', 'ja']);
  assert.equal(SUPPORTED_LOCALES, LOCALES);
});

test('catalogue_everyEntryHasEveryLocale_nonEmpty', () => {
  for (const [section, entries] of Object.entries({ LABELS, FIELD_ERRORS, REQUEST_ERRORS, API_ERRORS, PLACEHOLDERS })) {
    for (const [key, texts] of Object.entries(entries)) {
      assert.ok(Array.isArray(texts), `${section}.${key}`);
      assert.equal(texts.length, LOCALES.length, `${section}.${key}: one text per locale`);
      texts.forEach((t, i) => {
        assert.equal(typeof t, 'string', `${section}.${key}/${LOCALES[i]}`);
        if (section !== 'PLACEHOLDERS') assert.ok(t.trim().length > 1 && t === t.trim(), `${section}.${key}/${LOCALES[i]}`);
      });
    }
  }
});

test('catalogue_errorMessages_translated', () => {
  for (const [code, texts] of Object.entries({ ...FIELD_ERRORS, ...REQUEST_ERRORS, ...API_ERRORS })) {
    assert.equal(new Set(texts).size, LOCALES.length, `${code} translated into every locale`);
  }
});

test('catalogue_everyFieldTypeHasLabelAndPlaceholder', () => {
  assert.deepEqual(Object.keys(LABELS).sort(), FIELD_NAMES.slice().sort());
  assert.deepEqual(Object.keys(PLACEHOLDERS).sort(), FIELD_NAMES.slice().sort());
  FIELD_NAMES.forEach((f) => LOCALES.forEach((l) => {
    assert.ok(fieldLabel(f, l), `${f}/${l}`);
    assert.equal(typeof defaultPlaceholder(f, l), 'string');
  }));
});

test('catalogue_coversEveryCode_andNothingElse', () => {
  const codes = [...Object.values(FieldErrorCode), ...Object.values(RequestErrorCode), ...LOAD_ERROR_CODES];
  assert.deepEqual([...Object.keys(FIELD_ERRORS), ...Object.keys(REQUEST_ERRORS), ...Object.keys(API_ERRORS)].sort(), codes.slice().sort());
  [...API_FIELD_CODES, ...REQUEST_CODES].forEach((c) => assert.ok(isKnownErrorCode(c), c));
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
        for (const m of src.matchAll(/(?:failure|localError|describeError|describeRequestError|errorMessage|loadError)\(\s*'([a-z-]+)'/g)) used.add(m[1]);
      }
    });
  walk(new URL('../src', import.meta.url).pathname);
  assert.ok(used.size >= 8, [...used].join());
  used.forEach((code) => assert.ok(isKnownErrorCode(code), `code used in sources but not in the catalogue: ${code}`));
});

test('errorMessage_localeResolution_andFallbacks', () => {
  assert.equal(errorMessage('expired', 'de-AT'), 'Die Karte ist abgelaufen.');
  assert.equal(errorMessage('expired', 'ja'), 'カードの有効期限が切れています。');
  assert.equal(errorMessage('expired', 'ko'), 'The card has expired.');
  assert.equal(resolveLocale('auto', 'fr-CA'), 'fr');
  assert.equal(resolveLocale('auto', 'pt-BR'), 'pt');
  assert.equal(resolveLocale(undefined, undefined), 'en');
  assert.deepEqual(describeError('no-such-code', 'es'), { code: 'server-error', message: REQUEST_ERRORS['server-error'][3] });
});
