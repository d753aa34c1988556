// The merchant script and the field iframes together, on fake windows with
// a fake fetch: what the shopper types never reaches the merchant page.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createFields } from '../src/external/fields-group.js';
import { createWorld, settle } from './fake-windows.mjs';
import { blurField, merchantPage, pressKey, typeInto } from './fake-dom.mjs';

const MERCHANT = 'https://shop.example';
const VAULT = 'https://vault.example';
const TOKEN_ID = '6f1c2b1e-7a0d-4c4e-9f5e-2b8a8d0e4c11';

function created(body) {
  const digits = body.number;
  return {
    id: TOKEN_ID,
    card: {
      brand: digits.startsWith('37') ? 'amex' : 'visa',
      bin: digits.slice(0, 6),
      last4: digits.slice(-4),
      expiryMonth: body.expiryMonth,
      expiryYear: body.expiryYear,
      fingerprint: 'Qm9vMTIzNDU2Nzg5MDEyMzQ1Njc4OTA',
      cvcAvailable: !!body.cvc,
    },
    createdAt: '2027-06-15T10:00:00Z',
  };
}

function fakeFetch(respond) {
  const calls = [];
  const fn = (url, init) => {
    calls.push({ url, init, body: JSON.parse(init.body) });
    return Promise.resolve(respond(url, JSON.parse(init.body), calls.length)).then((r) =>
      r instanceof Error ? Promise.reject(r) : { status: r.status, text: () => Promise.resolve(r.body === undefined ? '' : JSON.stringify(r.body)) },
    );
  };
  fn.calls = calls;
  return fn;
}

const ok201 = fakeFetch((url, body) => ({ status: 201, body: created(body) }));

function setup(fetchFn, options = {}, fields = ['number', 'expiry', 'cvc', 'holderName']) {
  const world = createWorld();
  const m = merchantPage(world, MERCHANT, VAULT, fetchFn);
  const group = world.run(m.page, () => createFields({ key: 'pk_test_abc', origin: VAULT, locale: 'en', ...options }, { win: m.page, scriptOrigin: null }));
  const events = [];
  ['change', 'focus', 'blur', 'ready', 'brand', 'enter'].forEach((name) => group.on(name, (e) => events.push({ name, e })));
  fields.forEach((f) => world.run(m.page, () => group.create(f, f === 'cvc' && options.cvcToken ? { token: options.cvcToken } : {}).mount('#card-' + f)));
  return { world, group, events, ...m };
}

const typeCard = (s, number = '4111111111111111', expiry = '1230', cvc = '123') => {
  typeInto(s.world, s.frames.number, number);
  typeInto(s.world, s.frames.expiry, expiry);
  if (s.frames.cvc) typeInto(s.world, s.frames.cvc, cvc);
  if (s.frames.holderName) typeInto(s.world, s.frames.holderName, 'Jane Doe');
};

/** Every message the merchant page received, and every event its code saw. */
function merchantVisibleText(s) {
  return [
    ...s.page.posted.map((p) => {
      // the random ids are hex and may hold digit runs: the channel, the request id and the token id
      const copy = structuredClone(p.data);
      delete copy.channel;
      delete copy.payload.requestId;
      if (copy.payload.token) delete copy.payload.token.id;
      return JSON.stringify(copy);
    }),
    ...s.events.map((e) => JSON.stringify(e)),
  ];
}

test('tokenize_validCard_postsToApi_andMerchantGetsOnlyTheSummary', async () => {
  const fetchFn = fakeFetch((url, body) => ({ status: 201, body: created(body) }));
  const s = setup(fetchFn);
  await settle();
  assert.equal(s.events.filter((e) => e.name === 'ready').length, 4);
  typeCard(s);
  await settle();
  const token = await s.world.run(s.page, () => s.group.tokenize());
  assert.deepEqual(token, { id: TOKEN_ID, card: { brand: 'visa', last4: '1111', expiryMonth: 12, expiryYear: 2030 } });
  assert.equal(fetchFn.calls.length, 1);
  const call = fetchFn.calls[0];
  assert.equal(call.url, VAULT + '/api/v1/tokens');
  assert.equal(call.init.method, 'POST');
  assert.equal(call.init.headers['x-api-key'], 'pk_test_abc');
  assert.equal(call.init.headers['content-type'], 'application/json');
  assert.deepEqual(call.body, { number: '4111111111111111', expiryMonth: 12, expiryYear: 2030, cvc: '123', holderName: 'Jane Doe' });
  // the property: nothing the merchant page received holds a run of more than 4 digits
  const visible = merchantVisibleText(s);
  assert.ok(visible.length > 20);
  visible.forEach((text) => assert.doesNotMatch(text, /\d{5,}/, text));
  // and the values themselves never appear
  visible.forEach((text) => assert.ok(!text.includes('Jane') && !text.includes('"123"'), text));
  // every message to the merchant went to the merchant origin only
  s.page.posted.forEach((p) => assert.equal(p.targetOrigin, MERCHANT));
});

test('changeEvents_carryOnlyStateBrandAndError', async () => {
  const s = setup(ok201);
  await settle();
  typeInto(s.world, s.frames.number, '4111111111111112');
  await settle();
  const changes = s.events.filter((e) => e.name === 'change' && e.e.field === 'number').map((e) => e.e);
  changes.forEach((c) => assert.deepEqual(Object.keys(c).sort(), ['brand', 'complete', 'empty', 'error', 'field', 'valid']));
  const last = changes[changes.length - 1];
  assert.deepEqual(last, { field: 'number', empty: false, complete: true, valid: false, brand: 'visa', error: { code: 'invalid-luhn', message: 'The card number is invalid.' } });
  assert.deepEqual(s.events.filter((e) => e.name === 'brand').map((e) => e.e), [{ field: 'number', brand: 'visa' }]);
});

test('amexNumber_cvcFieldLearnsBrandFromSibling_needsFourDigits', async () => {
  const s = setup(ok201);
  await settle();
  typeInto(s.world, s.frames.number, '378282246310005');
  await settle();
  typeInto(s.world, s.frames.cvc, '123');
  await settle();
  const cvcChanges = s.events.filter((e) => e.name === 'change' && e.e.field === 'cvc').map((e) => e.e);
  assert.equal(cvcChanges[cvcChanges.length - 1].brand, 'amex');
  assert.equal(cvcChanges[cvcChanges.length - 1].valid, false);
  typeInto(s.world, s.frames.cvc, '4');
  await settle();
  const last = s.events.filter((e) => e.name === 'change' && e.e.field === 'cvc').pop().e;
  assert.equal(last.valid, true);
  assert.equal(s.frames.cvc.document.getElementById('cv-input').value, '1234');
});

test('tokenize_invalidInput_rejectsValidationError_withFields_andShowsErrors', async () => {
  const fetchFn = fakeFetch(() => ({ status: 500 }));
  const s = setup(fetchFn);
  await settle();
  typeInto(s.world, s.frames.number, '4111111111111111');
  typeInto(s.world, s.frames.expiry, '13');
  await settle();
  const error = await s.world.run(s.page, () => s.group.tokenize()).then(() => null, (e) => e);
  assert.equal(error.code, 'validation-error');
  assert.deepEqual(error.fields.sort(), ['cvc', 'expiry']);
  assert.equal(error.message, 'Please check the card details.');
  assert.equal(fetchFn.calls.length, 0);
  await settle();
  const cvcInput = s.frames.cvc.document.getElementById('cv-input');
  assert.equal(cvcInput.getAttribute('aria-invalid'), 'true');
  assert.equal(s.frames.cvc.document.getElementById('cv-error').textContent, 'This field is required.');
  assert.equal(cvcInput.getAttribute('aria-describedby'), 'cv-error');
});

test('tokenize_server422_mapsFieldsAndLocalizedMessages', async () => {
  const fetchFn = fakeFetch(() => ({
    status: 422,
    body: {
      type: 'https://cardvault.io/problems/invalid-card',
      status: 422,
      detail: 'card 4111111111111111 rejected',
      errors: [{ field: 'expiryYear', code: 'expired', message: 'Card 4111111111111111 expired' }],
    },
  }));
  const s = setup(fetchFn, { locale: 'de' });
  await settle();
  typeCard(s);
  await settle();
  const error = await s.world.run(s.page, () => s.group.tokenize()).then(() => null, (e) => e);
  assert.equal(error.code, 'validation-error');
  assert.deepEqual(error.fields, ['expiry']);
  assert.equal(error.type, 'https://cardvault.io/problems/invalid-card');
  assert.deepEqual(error.errors, [{ field: 'expiry', code: 'expired', message: 'Die Karte ist abgelaufen.' }]);
  await settle();
  assert.equal(s.frames.expiry.document.getElementById('cv-error').textContent, 'Die Karte ist abgelaufen.');
  merchantVisibleText(s).forEach((text) => assert.doesNotMatch(text, /\d{5,}/, text));
});

test('tokenize_serverError_carriesProblemType', async () => {
  const s = setup(fakeFetch(() => ({ status: 429, body: { type: 'https://cardvault.io/problems/rate-limited', status: 429 } })));
  await settle();
  typeCard(s);
  await settle();
  const error = await s.world.run(s.page, () => s.group.tokenize()).then(() => null, (e) => e);
  assert.equal(error.code, 'server-error');
  assert.equal(error.type, 'https://cardvault.io/problems/rate-limited');
  assert.equal(error.status, 429);
  assert.match(error.message, /Too many attempts/);
});

test('tokenize_networkFailure_rejectsNetworkError', async () => {
  const s = setup(fakeFetch(() => new Error('offline')));
  await settle();
  typeCard(s);
  await settle();
  const error = await s.world.run(s.page, () => s.group.tokenize()).then(() => null, (e) => e);
  assert.equal(error.code, 'network-error');
  assert.deepEqual(error.fields, []);
});

test('tokenize_noAnswer_rejectsTimeout_neverHangs', async () => {
  const s = setup(fakeFetch(() => new Promise(() => {})), { timeout: 50 });
  await settle();
  typeCard(s);
  await settle();
  const started = Date.now();
  const error = await s.world.run(s.page, () => s.group.tokenize()).then(() => null, (e) => e);
  assert.equal(error.code, 'timeout');
  assert.ok(Date.now() - started < 1000);
});

test('tokenize_withoutNumberField_rejectsValidationError', async () => {
  const s = setup(ok201, {}, ['expiry']);
  const error = await s.world.run(s.page, () => s.group.tokenize()).then(() => null, (e) => e);
  assert.deepEqual({ code: error.code, fields: error.fields }, { code: 'validation-error', fields: ['number'] });
});

test('recollectCvc_postsCvcForStoredToken_204', async () => {
  const fetchFn = fakeFetch(() => ({ status: 204 }));
  const s = setup(fetchFn, { cvcToken: TOKEN_ID }, ['cvc']);
  await settle();
  typeInto(s.world, s.frames.cvc, '1234');
  await settle();
  const result = await s.world.run(s.page, () => s.group.recollectCvc());
  assert.equal(result, undefined);
  assert.equal(fetchFn.calls[0].url, VAULT + '/api/v1/tokens/' + TOKEN_ID + '/cvc');
  assert.deepEqual(fetchFn.calls[0].body, { cvc: '1234' });
  assert.equal(fetchFn.calls[0].init.headers['x-api-key'], 'pk_test_abc');
  const bad = await s.world.run(s.page, () => s.group.tokenize()).then(() => null, (e) => e);
  assert.equal(bad.code, 'validation-error');
});

test('recollectCvc_invalidCvc_rejectsValidationError_withoutRequest', async () => {
  const fetchFn = fakeFetch(() => ({ status: 204 }));
  const s = setup(fetchFn, { cvcToken: TOKEN_ID }, ['cvc']);
  await settle();
  typeInto(s.world, s.frames.cvc, '12');
  await settle();
  const error = await s.world.run(s.page, () => s.group.recollectCvc()).then(() => null, (e) => e);
  assert.deepEqual({ code: error.code, fields: error.fields }, { code: 'validation-error', fields: ['cvc'] });
  assert.equal(fetchFn.calls.length, 0);
});

test('enterFocusBlurResize_events', async () => {
  const s = setup(ok201);
  await settle();
  typeInto(s.world, s.frames.number, '4');
  pressKey(s.world, s.frames.number, 'Enter');
  blurField(s.world, s.frames.number);
  s.frames.number.document.getElementById('cv-root').offsetHeight = 63;
  typeInto(s.world, s.frames.number, '1');
  await settle();
  const names = s.events.map((e) => e.name);
  assert.ok(names.includes('enter'));
  assert.ok(names.includes('focus'));
  assert.ok(names.includes('blur'));
  assert.equal(s.iframes.number.style.height, '63px');
});

test('iframeElement_srcTitleAndChannel', async () => {
  const s = setup(ok201);
  await settle(); // the title is the frame's own localized label, set when it is ready
  const src = new URL(s.iframes.number.getAttribute('src'));
  assert.equal(src.origin + src.pathname, VAULT + '/fields/field.html');
  assert.equal(src.searchParams.get('key'), 'pk_test_abc');
  assert.equal(src.searchParams.get('field'), 'number');
  assert.equal(src.searchParams.get('locale'), 'en');
  // the channel, then the configure payload (percent-encoded JSON) for a frame ready without a round trip
  const [channel, config] = src.hash.slice(1).split('&');
  assert.match(channel, /^[0-9a-f]{32}$/);
  assert.equal(new URL(s.iframes.cvc.getAttribute('src')).hash.slice(1).split('&')[0], channel);
  assert.ok(config.startsWith('configure='));
  assert.deepEqual(JSON.parse(decodeURIComponent(config.slice('configure='.length))), { styles: {}, fonts: [], showErrors: true, locale: 'en', icon: true });
  assert.equal(s.iframes.number.getAttribute('title'), 'Card number');
  const input = s.frames.number.document.getElementById('cv-input');
  assert.equal(input.getAttribute('autocomplete'), 'cc-number');
  assert.equal(input.getAttribute('inputmode'), 'numeric');
  assert.equal(s.frames.holderName.document.getElementById('cv-input').getAttribute('autocomplete'), 'cc-name');
});

test('ready_fromTheUrlsConfiguration_withoutTheConfigureRoundTrip', async () => {
  const s = setup(ok201, { styles: { base: { color: '#123456' } } });
  await settle();
  assert.deepEqual(s.events.filter((e) => e.name === 'ready').map((e) => e.e.field).sort(), ['cvc', 'expiry', 'holderName', 'number']);
  // every frame took its configuration from the URL: the page had no configure message to send
  for (const f of ['number', 'expiry', 'cvc', 'holderName']) {
    assert.equal(s.frames[f].posted.filter((p) => p.data.type === 'cardvault:field:configure').length, 0, f);
  }
  // and still talks only to the merchant origin the browser reported
  assert.ok(s.page.posted.filter((p) => p.sender === s.frames.number).every((p) => p.targetOrigin === MERCHANT));
});

test('ready_whenTheBrowserReportsNoOrigin_waitsForTheConfigureMessage', async () => {
  const world = createWorld();
  const m = merchantPage(world, MERCHANT, VAULT, ok201, undefined, (field, frame) => {
    // no ancestorOrigins and no referrer (a `no-referrer` page in a browser without ancestorOrigins)
    frame.location.ancestorOrigins = undefined;
    return true;
  });
  const group = world.run(m.page, () => createFields({ key: 'pk_test_abc', origin: VAULT, locale: 'en' }, { win: m.page, scriptOrigin: null }));
  const ready = [];
  group.on('ready', (e) => ready.push(e.field));
  world.run(m.page, () => group.create('number').mount('#card-number'));
  await settle();
  assert.deepEqual(ready, ['number']);
  assert.equal(m.frames.number.posted.filter((p) => p.data.type === 'cardvault:field:configure').length, 1);
});

test('configuration_changedBeforeTheFrameLoaded_isSentWithTheLoadEvent', async () => {
  const world = createWorld();
  const m = merchantPage(world, MERCHANT, VAULT, ok201);
  const group = world.run(m.page, () => createFields({ key: 'pk_test_abc', origin: VAULT, locale: 'en' }, { win: m.page, scriptOrigin: null }));
  world.run(m.page, () => {
    group.create('number').mount('#card-number');
    group.update({ styles: { base: { color: '#654321' } } });
  });
  await settle();
  await settle();
  const configures = m.frames.number.posted.filter((p) => p.data.type === 'cardvault:field:configure');
  assert.ok(configures.length >= 1);
  assert.deepEqual(configures[configures.length - 1].data.payload.styles, { base: { color: '#654321' } });
});

test('merchantPage_ignoresForgedMessages_fromOtherOriginOrWindow', async () => {
  const s = setup(ok201);
  await settle();
  const before = s.events.length;
  const channel = new URL(s.iframes.number.getAttribute('src')).hash.slice(1).split('&')[0];
  const forged = { source: 'cardvault', channel, type: 'cardvault:field:change', payload: { field: 'number', empty: false, complete: true, valid: true } };
  const evil = s.world.window('https://evil.example');
  s.world.run(evil, () => s.page.postMessage(forged, MERCHANT));
  // right origin but a window that is not one of the group's iframes
  const stray = s.world.frame(s.page, VAULT);
  s.world.run(stray, () => s.page.postMessage(forged, MERCHANT));
  // right frame, wrong channel
  s.world.run(s.frames.number, () => s.page.postMessage({ ...forged, channel: 'f'.repeat(32) }, MERCHANT));
  await settle();
  assert.equal(s.events.length, before);
  // the genuine frame on the right channel is heard
  s.world.run(s.frames.number, () => s.page.postMessage(forged, MERCHANT));
  await settle();
  assert.equal(s.events.length, before + 1);
});

test('clearAndDestroy', async () => {
  const s = setup(fakeFetch(() => new Promise(() => {})));
  await settle();
  typeCard(s);
  await settle();
  s.world.run(s.page, () => s.group.clear());
  await settle();
  assert.equal(s.frames.number.document.getElementById('cv-input').value, '');
  typeCard(s);
  await settle();
  const pending = s.world.run(s.page, () => s.group.tokenize()).then(() => null, (e) => e);
  await settle();
  s.world.run(s.page, () => s.group.destroy());
  const error = await pending;
  assert.equal(error.code, 'cancelled');
  assert.equal(s.containers['#card-number'].children.length, 0);
  assert.equal(s.page.listenerCount(), 0);
});

test('createFields_refusesSecretKeys_andUnknownFields', () => {
  const world = createWorld();
  const m = merchantPage(world, MERCHANT, VAULT, ok201);
  assert.throws(() => createFields({ key: 'sk_live_x', origin: VAULT }, { win: m.page }), /secret key/);
  assert.throws(() => createFields({ key: 'pk_x' }, { win: m.page, scriptOrigin: null }), /origin/);
  const g = createFields({ key: 'pk_x', origin: VAULT }, { win: m.page });
  assert.throws(() => g.create('iban'), /unknown field/);
  assert.throws(() => g.on('keyup', () => {}), /unknown event/);
  g.create('number');
  assert.throws(() => g.create('number'), /already exists/);
});
