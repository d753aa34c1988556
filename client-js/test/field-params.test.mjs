import { test } from 'node:test';
import assert from 'node:assert/strict';
import { FRAGMENT_CONFIG_MAX, readFieldParams } from '../src/internal/field-params.js';

const CHANNEL = '#' + 'a'.repeat(32);

test('readFieldParams_singleKey_isRead', () => {
  const p = readFieldParams('?key=pk_A&field=number', CHANNEL);
  assert.equal(p.key, 'pk_A');
});

test('readFieldParams_duplicateKey_refused', () => {
  assert.equal(readFieldParams('?key=pk_D&key=pk_A&field=number', CHANNEL), null);
  assert.equal(readFieldParams('?key=pk_D&field=number&%6bey=pk_A', CHANNEL), null);
});

test('readFieldParams_fragmentConfiguration_readBesideTheChannel', () => {
  const config = { styles: { base: { color: '#123456' } }, fonts: [], showErrors: false, locale: 'de', icon: true, placeholder: 'Karte' };
  const p = readFieldParams('?key=pk_A&field=number', CHANNEL + '&configure=' + encodeURIComponent(JSON.stringify(config)));
  assert.equal(p.channel, 'a'.repeat(32));
  assert.deepEqual(p.config, config);
  assert.equal(readFieldParams('?key=pk_A&field=number', CHANNEL).config, null);
});

test('readFieldParams_fragmentConfiguration_neverATokenAndNothingUnusable', () => {
  const read = (rest) => readFieldParams('?key=pk_A&field=cvc', CHANNEL + '&' + rest);
  const withToken = read('configure=' + encodeURIComponent(JSON.stringify({ token: '6f1c2b1e-7a0d-4c4e-9f5e-2b8a8d0e4c11', brand: 'amex', icon: false })));
  assert.deepEqual(withToken.config, { icon: false });
  assert.equal(read('configure=%7B').config, null); // not JSON
  assert.equal(read('configure=%E0%A4%A').config, null); // a malformed escape
  assert.equal(read('configure=' + encodeURIComponent('[1,2]')).config, null);
  assert.equal(read('configure=null').config, null);
  assert.equal(read('other=' + encodeURIComponent('{}')).config, null);
  assert.equal(read('configure=' + encodeURIComponent(JSON.stringify({ placeholder: 'x'.repeat(FRAGMENT_CONFIG_MAX) }))).config, null);
  // whatever follows, a bad channel still refuses the page
  assert.equal(readFieldParams('?key=pk_A&field=number', '#abc&configure=%7B%7D'), null);
});
