// The field-type registry is the one place a type is described, and what
// tokenize() rejects with is a real Error carrying code and type.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import {
  BRAND_SOURCE_FIELD,
  FIELD_NAMES,
  FIELD_TYPES,
  RECOLLECTING_FIELD,
  TOKENIZING_FIELD,
  fieldOfApiField,
  reportsBrand,
} from '../src/shared/field-types.js';
import { FIELD_RULES } from '../src/shared/field-rules.js';
import { CardVaultError } from '../src/external/cardvault-error.js';
import { localError, publicError } from '../src/external/incoming-messages.js';

test('registry_everyTypeHasEveryPart', () => {
  for (const name of FIELD_NAMES) {
    const t = FIELD_TYPES[name];
    for (const key of ['autocomplete', 'inputmode', 'name', 'brand', 'apiFields']) {
      assert.ok(t[key] !== undefined, `${name}.${key}`);
    }
    for (const key of ['format', 'validate', 'toApi']) {
      assert.equal(typeof FIELD_RULES[name][key], 'function', `${name}.${key}`);
    }
    assert.ok(['source', 'follower', 'none'].includes(t.brand), name);
  }
  assert.deepEqual(Object.keys(FIELD_RULES), FIELD_NAMES, 'the two halves of the registry have the same types');
  assert.equal(TOKENIZING_FIELD, 'number');
  assert.equal(RECOLLECTING_FIELD, 'cvc');
  assert.equal(BRAND_SOURCE_FIELD, 'number');
  assert.deepEqual(FIELD_NAMES.filter(reportsBrand), ['number', 'cvc']);
});

test('registry_apiFieldsMapBack', () => {
  assert.equal(fieldOfApiField('expiryMonth'), 'expiry');
  assert.equal(fieldOfApiField('expiryYear'), 'expiry');
  assert.equal(fieldOfApiField('number'), 'number');
  assert.equal(fieldOfApiField('holderName'), 'holderName');
  assert.equal(fieldOfApiField('n'), null);
});

test('sources_branchOnNoFieldTypeName_outsideTheRegistry', () => {
  const offenders = [];
  const walk = (dir) =>
    readdirSync(dir, { withFileTypes: true }).forEach((e) => {
      const p = join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (p.endsWith('.js') && !p.endsWith('field-types.js') && !p.endsWith('field-rules.js')) {
        const src = readFileSync(p, 'utf8').replace(/typeof [\w.[\]]+ (?:===|!==) '\w+'/g, '');
        for (const m of src.matchAll(/(?:===|!==)\s*'(number|expiry|cvc|holderName|postalCode)'|'(number|expiry|cvc|holderName|postalCode)'\s*(?:===|!==)/g)) {
          offenders.push(`${e.name}: ${m[0]}`);
        }
      }
    });
  walk(new URL('../src', import.meta.url).pathname);
  assert.deepEqual(offenders, []);
});

test('cardVaultError_isAnError_withCodeTypeAndFields', () => {
  const local = localError('timeout', 'en');
  assert.ok(local instanceof Error);
  assert.ok(local instanceof CardVaultError);
  assert.equal(local.name, 'CardVaultError');
  assert.equal(local.code, 'timeout');
  assert.equal(local.type, 'about:blank');
  assert.deepEqual(local.fields, []);
  assert.match(local.stack, /CardVaultError/);
  const remote = publicError({ code: 'server-error', type: 'https://vault.example/problems/rate-limited', status: 429, fields: ['iban'] }, 'en');
  assert.ok(remote instanceof CardVaultError);
  assert.equal(remote.type, 'https://vault.example/problems/rate-limited');
  assert.equal(remote.status, 429);
  assert.deepEqual(remote.fields, []);
});
