// Issue 15 features on the merchant page and in the frames, on fake windows.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createFields } from '../src/external/fields-group.js';
import { CardVaultError } from '../src/external/cardvault-error.js';
import { reportLoadError } from '../src/internal/load-error-report.js';
import { createWorld, settle } from './fake-windows.mjs';
import { merchantPage, typeInto, blurField } from './fake-dom.mjs';

const MERCHANT = 'https://shop.example';
const VAULT = 'https://vault.example';
const TOKEN_ID = '6f1c2b1e-7a0d-4c4e-9f5e-2b8a8d0e4c11';
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

function fakeFetch(respond) {
  const calls = [];
  const fn = (url, init) => {
    calls.push({ url, body: JSON.parse(init.body) });
    const r = respond(JSON.parse(init.body));
    return Promise.resolve({ status: r.status, text: () => Promise.resolve(JSON.stringify(r.body)) });
  };
  fn.calls = calls;
  return fn;
}
const created = (body) => ({ status: 201, body: { id: TOKEN_ID, card: { brand: 'visa', last4: body.number.slice(-4), expiryMonth: body.expiryMonth, expiryYear: body.expiryYear } } });

function setup({ options = {}, fields = ['number', 'expiry', 'cvc'], fetchFn = fakeFetch(created), boots, page } = {}) {
  const world = createWorld();
  const m = merchantPage(world, MERCHANT, VAULT, fetchFn, undefined, boots);
  if (page) page(m.page);
  const group = world.run(m.page, () => createFields({ key: 'pk_test_abc', origin: VAULT, locale: 'en', ...options }, { win: m.page }));
  const events = [];
  ['change', 'focus', 'blur', 'ready', 'brand', 'enter', 'loaderror'].forEach((name) => group.on(name, (e) => events.push({ name, e })));
  const handles = {};
  fields.forEach((f) => (handles[f] = world.run(m.page, () => group.create(f).mount('#card-' + f))));
  return { world, group, events, handles, fetchFn, ...m };
}

const classes = (s, f) => s.containers['#card-' + f].className.split(' ').filter(Boolean).sort();
const input = (s, f) => s.frames[f].document.getElementById('cv-input');

test('containerClasses_followFocusEmptyInvalidComplete', async () => {
  const s = setup();
  await settle();
  assert.deepEqual(classes(s, 'number'), ['cardvault-empty']);
  typeInto(s.world, s.frames.number, '4111');
  await settle();
  assert.deepEqual(classes(s, 'number'), ['cardvault-focus']);
  typeInto(s.world, s.frames.number, '111111111112');
  await settle();
  assert.deepEqual(classes(s, 'number'), ['cardvault-focus', 'cardvault-invalid']);
  s.world.run(s.frames.number, () => { input(s, 'number').value = ''; input(s, 'number').fire('input', { inputType: 'deleteContentBackward' }); });
  typeInto(s.world, s.frames.number, '4111111111111111');
  blurField(s.world, s.frames.number);
  await settle();
  assert.deepEqual(classes(s, 'number'), ['cardvault-complete']);
});

test('fieldFocusBlurClear_handles', async () => {
  const s = setup();
  await settle();
  s.world.run(s.page, () => s.handles.expiry.focus());
  await settle();
  assert.equal(s.frames.expiry.document.activeElement, input(s, 'expiry'));
  typeInto(s.world, s.frames.expiry, '1230');
  s.world.run(s.page, () => s.handles.expiry.blur());
  await settle();
  assert.equal(s.frames.expiry.document.activeElement, null);
  assert.ok(s.events.some((e) => e.name === 'blur' && e.e.field === 'expiry'));
  s.world.run(s.page, () => s.handles.expiry.clear());
  await settle();
  assert.equal(input(s, 'expiry').value, '');
  assert.equal(s.group.getState().expiry.empty, true);
});

test('getState_perField_neverADigit', async () => {
  const s = setup({ fields: ['number', 'expiry', 'cvc', 'postalCode'] });
  await settle();
  assert.deepEqual(s.group.getState().number, { empty: true, complete: false, valid: false, error: null, brand: 'unknown' });
  typeInto(s.world, s.frames.number, '378282246310005');
  typeInto(s.world, s.frames.expiry, '1330');
  typeInto(s.world, s.frames.postalCode, '10115');
  await settle();
  const state = s.group.getState();
  assert.deepEqual(Object.keys(state).sort(), ['cvc', 'expiry', 'number', 'postalCode']);
  assert.deepEqual(state.number, { empty: false, complete: true, valid: true, error: null, brand: 'amex' });
  assert.equal(state.cvc.brand, 'amex');
  assert.equal(state.expiry.error.code, 'invalid-month');
  assert.equal(state.expiry.brand, undefined);
  assert.doesNotMatch(JSON.stringify(state), /\d{2,}/);
  assert.deepEqual(s.handles.number.getState(), state.number);
});

test('loaderror_originNotAllowed_frameSilentAfterLoad_within5s_andTokenizeRejectsAtOnce', async () => {
  const s = setup({ boots: () => false, page: (p) => (p.fetch = () => Promise.resolve({ type: 'opaque' })) });
  const started = Date.now();
  while (!s.events.some((e) => e.name === 'loaderror') && Date.now() - started < 5000) await sleep(50);
  const errors = s.events.filter((e) => e.name === 'loaderror');
  assert.equal(errors.length, 1, 'one loaderror for the group');
  assert.ok(Date.now() - started < 5000);
  assert.equal(errors[0].e.code, 'origin-not-allowed');
  assert.match(errors[0].e.message, /cannot be shown on this website/);
  const t0 = Date.now();
  const error = await s.world.run(s.page, () => s.group.tokenize()).then(() => null, (e) => e);
  assert.ok(error instanceof CardVaultError);
  assert.equal(error.code, 'origin-not-allowed');
  assert.ok(Date.now() - t0 < 100);
});

test('loaderror_unreachable_whenTheProbeFails', async () => {
  const s = setup({ fields: ['number'], boots: () => false, page: (p) => (p.fetch = () => Promise.reject(new TypeError('Failed to fetch'))) });
  const started = Date.now();
  while (!s.events.some((e) => e.name === 'loaderror') && Date.now() - started < 5000) await sleep(50);
  assert.equal(s.events.find((e) => e.name === 'loaderror').e.code, 'unreachable');
});

test('loaderror_invalidKey_reportedByTheServersErrorPage', async () => {
  const s = setup({ fields: ['number'], boots: (field, frame) => (frame.reportOnLoad = true) && false });
  await settle();
  const frame = s.frames.number;
  frame.location.hash = new URL(s.iframes.number.getAttribute('src')).hash;
  s.world.run(frame, () => reportLoadError(frame, 'invalid-key'));
  await settle();
  assert.deepEqual(s.events.filter((e) => e.name === 'loaderror').map((e) => e.e.code), ['invalid-key']);
  // only known codes, only to the reported merchant origin
  assert.equal(reportLoadError(frame, 'anything'), false);
  assert.equal(frame.parent.posted.filter((p) => p.data.type === 'cardvault:field:load-error')[0].targetOrigin, MERCHANT);
});

test('loaderror_insecurePage_atOnce_nothingFramed', async () => {
  const s = setup({ fields: [], page: (p) => (p.isSecureContext = false) });
  s.world.run(s.page, () => s.group.create('number').mount('#card-number'));
  await sleep(10);
  assert.deepEqual(s.events.filter((e) => e.name === 'loaderror').map((e) => e.e.code), ['insecure-page']);
  assert.equal(s.iframes.number, undefined);
});

test('unmount_thenMountAgain_works', async () => {
  const s = setup();
  await settle();
  s.world.run(s.page, () => s.handles.cvc.unmount());
  assert.equal(s.containers['#card-cvc'].children.length, 0);
  assert.deepEqual(classes(s, 'cvc'), []);
  assert.deepEqual(Object.keys(s.group.getState()).sort(), ['expiry', 'number']);
  s.world.run(s.page, () => s.handles.cvc.mount('#card-cvc'));
  await settle();
  assert.equal(s.containers['#card-cvc'].children.length, 1);
  assert.equal(s.events.filter((e) => e.name === 'ready' && e.e.field === 'cvc').length, 2);
  typeInto(s.world, s.frames.number, '4111111111111111');
  typeInto(s.world, s.frames.expiry, '1230');
  typeInto(s.world, s.frames.cvc, '123');
  await settle();
  const token = await s.world.run(s.page, () => s.group.tokenize());
  assert.equal(token.id, TOKEN_ID);
  assert.equal(s.fetchFn.calls[0].body.cvc, '123');
});

test('update_localePlaceholderAndStyles', async () => {
  const s = setup();
  await settle();
  s.world.run(s.page, () => s.group.update({ locale: 'ja' }));
  s.world.run(s.page, () => s.handles.number.update({ placeholder: '•••• ••••' }));
  await settle();
  const doc = s.frames.expiry.document;
  assert.equal(doc.getElementById('cv-label').textContent, '有効期限 (MM / YY)');
  assert.equal(doc.documentElement.getAttribute('lang'), 'ja');
  assert.equal(s.iframes.expiry.getAttribute('title'), '有効期限 (MM / YY)');
  assert.equal(input(s, 'number').getAttribute('placeholder'), '•••• ••••');
  typeInto(s.world, s.frames.expiry, '13');
  await settle();
  assert.equal(doc.getElementById('cv-error').textContent, '有効期限の月が正しくありません。');
});

test('postalCode_sentAsPostalCode', async () => {
  const s = setup({ fields: ['number', 'expiry', 'postalCode'] });
  await settle();
  const postal = input(s, 'postalCode');
  assert.equal(postal.getAttribute('autocomplete'), 'postal-code');
  typeInto(s.world, s.frames.number, '4111111111111111');
  typeInto(s.world, s.frames.expiry, '1230');
  typeInto(s.world, s.frames.postalCode, 'SW1A 1AA');
  await settle();
  await s.world.run(s.page, () => s.group.tokenize());
  assert.deepEqual(s.fetchFn.calls[0].body, { number: '4111111111111111', expiryMonth: 12, expiryYear: 2030, postalCode: 'SW1A 1AA' });
});

test('brandIcon_inlineSvg_followsBrand_andCanBeSwitchedOff', async () => {
  const s = setup({ fields: ['number'] });
  await settle();
  const root = s.frames.number.document.getElementById('cv-root');
  const icon = root.children.find((c) => c.className === 'cv-icon');
  assert.ok(icon, 'icon element');
  assert.equal(icon.getAttribute('aria-hidden'), 'true');
  assert.equal(icon.getAttribute('data-brand'), 'unknown');
  typeInto(s.world, s.frames.number, '37');
  await settle();
  assert.equal(icon.getAttribute('data-brand'), 'amex');
  assert.equal(icon.children[0].tagName, 'SVG');
  assert.match(root.className, /cv-has-icon/);
  s.world.run(s.page, () => s.handles.number.update({ icon: false }));
  await settle();
  assert.equal(root.children.find((c) => c.className === 'cv-icon'), undefined);
  assert.doesNotMatch(root.className, /cv-has-icon/);
});

test('loadWatch_slowButReachable_reportsNothing_untilLoadedAndSilent', async () => {
  const { createLoadWatch } = await import('../src/external/load-watch.js');
  const timers = [];
  const errors = [];
  const win = { fetch: () => Promise.resolve({}) };
  const watch = createLoadWatch({ win, origin: VAULT, onError: (c) => errors.push(c), setTimer: (fn, ms) => timers.push({ fn, ms }) && timers.length, clearTimer: (id) => (timers[id - 1].cleared = true) });
  timers[0].fn(); // the load limit passes: probe
  await settle();
  assert.equal(timers[1].cleared, true, 'the probe answered in time');
  assert.deepEqual(errors, []);
  watch.loaded();
  watch.ready();
  assert.deepEqual(errors, []);
});
