import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFieldParams } from '../src/internal/field-params.js';

const CHANNEL = '#' + 'a'.repeat(32);

test('readFieldParams_singleKey_isRead', () => {
  const p = readFieldParams('?key=pk_A&field=number', CHANNEL);
  assert.equal(p.key, 'pk_A');
});

test('readFieldParams_duplicateKey_refused', () => {
  assert.equal(readFieldParams('?key=pk_D&key=pk_A&field=number', CHANNEL), null);
  assert.equal(readFieldParams('?key=pk_D&field=number&%6bey=pk_A', CHANNEL), null);
});
