import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createEnvelope, readMessage } from '../src/shared/message-envelope.js';
import { MessageType, TO_FIELD_TYPES, TO_MERCHANT_TYPES, SIBLING_TYPES } from '../src/shared/message-types.js';
import { isChannelId, newChannelId } from '../src/shared/random-id.js';
import { createParentLink, browserReportedParentOrigin } from '../src/internal/parent-link.js';
import { createSiblingLink } from '../src/internal/sibling-link.js';
import { createWorld, settle } from './fake-windows.mjs';

const MERCHANT = 'https://shop.example';
const VAULT = 'https://vault.example';
const CHANNEL = 'a'.repeat(32);
const parentWindow = {};
const expected = { origin: MERCHANT, channel: CHANNEL, types: TO_FIELD_TYPES, source: parentWindow };

function event(data, origin = MERCHANT, source = parentWindow) {
  return { data, origin, source };
}

test('messageTypes_allNamespaced_andUnique', () => {
  const all = Object.values(MessageType);
  assert.equal(new Set(all).size, all.length);
  all.forEach((t) => assert.match(t, /^cardvault:[a-z]+:[a-z-]+$/));
  assert.equal(TO_FIELD_TYPES.length + TO_MERCHANT_TYPES.length + SIBLING_TYPES.length, all.length);
});

test('channelId_128bitsHex_random', () => {
  const a = newChannelId();
  const b = newChannelId();
  assert.match(a, /^[0-9a-f]{32}$/);
  assert.notEqual(a, b);
  assert.equal(isChannelId(a), true);
  assert.equal(isChannelId('abc'), false);
  assert.equal(isChannelId('z'.repeat(32)), false);
});

test('readMessage_valid_accepted', () => {
  const m = readMessage(event(createEnvelope(CHANNEL, MessageType.CLEAR, { x: 1 })), expected);
  assert.deepEqual(m, { type: MessageType.CLEAR, payload: { x: 1 } });
});

test('readMessage_wrongOrigin_ignored', () => {
  assert.equal(readMessage(event(createEnvelope(CHANNEL, MessageType.CLEAR), 'https://evil.example'), expected), null);
  assert.equal(readMessage(event(createEnvelope(CHANNEL, MessageType.CLEAR), 'https://shop.example:444'), expected), null);
  assert.equal(readMessage(event(createEnvelope(CHANNEL, MessageType.CLEAR), 'null'), expected), null);
});

test('readMessage_wrongChannel_ignored', () => {
  assert.equal(readMessage(event(createEnvelope('b'.repeat(32), MessageType.CLEAR)), expected), null);
  assert.equal(readMessage(event({ source: 'cardvault', type: MessageType.CLEAR, payload: {} }), expected), null);
});

test('readMessage_wrongSourceWindow_ignored', () => {
  assert.equal(readMessage(event(createEnvelope(CHANNEL, MessageType.CLEAR), MERCHANT, {}), expected), null);
});

test('readMessage_malformed_ignored', () => {
  const bad = [
    null,
    undefined,
    'string',
    JSON.stringify(createEnvelope(CHANNEL, MessageType.CLEAR)),
    42,
    [],
    { ...createEnvelope(CHANNEL, MessageType.CLEAR), source: 'other' },
    { ...createEnvelope(CHANNEL, MessageType.CLEAR), type: 'cardvault:field:unknown' },
    { ...createEnvelope(CHANNEL, MessageType.CLEAR), type: 42 },
    { ...createEnvelope(CHANNEL, MessageType.CLEAR), payload: 'x' },
    { ...createEnvelope(CHANNEL, MessageType.CLEAR), payload: [1] },
    createEnvelope(CHANNEL, MessageType.CHANGE), // a merchant-bound type sent to a field
  ];
  bad.forEach((data) => assert.equal(readMessage(event(data), expected), null, JSON.stringify(data)));
  assert.equal(readMessage(null, expected), null);
  assert.equal(readMessage(event(createEnvelope(CHANNEL, MessageType.CLEAR)), { ...expected, origin: '' }), null);
});

test('browserReportedParentOrigin_prefersAncestorOrigins_thenReferrer', () => {
  assert.equal(browserReportedParentOrigin({ location: { ancestorOrigins: [MERCHANT] }, document: { referrer: 'https://other.example/x' } }), MERCHANT);
  assert.equal(browserReportedParentOrigin({ location: {}, document: { referrer: 'https://Shop.example/checkout?x=1' } }), MERCHANT);
  assert.equal(browserReportedParentOrigin({ location: {}, document: { referrer: '' } }), null);
});

function fieldFrame(world, page, extra) {
  return world.frame(page, VAULT, extra);
}

test('parentLink_ignoresEverythingBeforeConfigure_thenPinsOrigin_andRepliesOnlyThere', async () => {
  const world = createWorld();
  const page = world.window(MERCHANT);
  const evil = world.window('https://evil.example');
  const frame = fieldFrame(world, page, { ancestorOrigins: undefined, referrer: '' });
  const received = [];
  const link = createParentLink({ win: frame, channel: CHANNEL, onMessage: (type, payload) => received.push(type) });

  link.send(MessageType.READY, { field: 'number' }); // queued until the origin is known
  assert.equal(page.posted.length, 0);

  // a stranger window cannot configure, even on the right channel
  world.run(evil, () => frame.postMessage(createEnvelope(CHANNEL, MessageType.CONFIGURE, {}), VAULT));
  // the parent on a wrong channel is ignored
  world.run(page, () => frame.postMessage(createEnvelope('c'.repeat(32), MessageType.CONFIGURE, {}), VAULT));
  // the parent sending something else first is ignored
  world.run(page, () => frame.postMessage(createEnvelope(CHANNEL, MessageType.CLEAR, {}), VAULT));
  await settle();
  assert.deepEqual(received, []);
  assert.equal(link.origin(), null);

  world.run(page, () => frame.postMessage(createEnvelope(CHANNEL, MessageType.CONFIGURE, {}), VAULT));
  await settle();
  assert.deepEqual(received, [MessageType.CONFIGURE]);
  assert.equal(link.origin(), MERCHANT);
  assert.equal(page.posted.length, 1);
  assert.equal(page.posted[0].targetOrigin, MERCHANT);
  assert.deepEqual(page.posted[0].data, { source: 'cardvault', channel: CHANNEL, type: MessageType.READY, payload: { field: 'number' } });

  // after pinning, the pinned origin only
  world.run(evil, () => frame.postMessage(createEnvelope(CHANNEL, MessageType.CLEAR, {}), VAULT));
  await settle();
  assert.deepEqual(received, [MessageType.CONFIGURE]);
  page.posted.forEach((p) => assert.notEqual(p.targetOrigin, '*'));
});

test('parentLink_browserReportedOrigin_rejectsConfigureFromOtherOrigin', async () => {
  const world = createWorld();
  const page = world.window('https://framer.example');
  const frame = fieldFrame(world, page, { ancestorOrigins: [MERCHANT] });
  const received = [];
  createParentLink({ win: frame, channel: CHANNEL, onMessage: (type) => received.push(type) });
  world.run(page, () => frame.postMessage(createEnvelope(CHANNEL, MessageType.CONFIGURE, {}), VAULT));
  await settle();
  assert.deepEqual(received, []);
});

test('parentLink_refusesToSendCardData', async () => {
  const world = createWorld();
  const page = world.window(MERCHANT);
  const frame = fieldFrame(world, page);
  const link = createParentLink({ win: frame, channel: CHANNEL, onMessage: () => {} });
  assert.throws(() => link.send(MessageType.CHANGE, { value: '4111111111111111' }), /card data/);
});

test('siblingLink_collect_onlyFromSameOriginSiblingsOnTheChannel', async () => {
  const world = createWorld();
  const page = world.window(MERCHANT);
  const number = fieldFrame(world, page);
  const expiry = fieldFrame(world, page);
  const foreign = world.frame(page, 'https://evil.example');
  const otherChannel = fieldFrame(world, page);
  const numberLink = createSiblingLink({ win: number, channel: CHANNEL, field: 'number', onMessage: () => {} });
  const seenByExpiry = [];
  createSiblingLink({
    win: expiry,
    channel: CHANNEL,
    field: 'expiry',
    onMessage: (type, payload, reply) => {
      seenByExpiry.push(type);
      if (type === MessageType.SIBLING_COLLECT) {
        reply(MessageType.SIBLING_VALUE, { requestId: payload.requestId, field: 'expiry', valid: true, value: { month: 12, year: 2030 } });
      }
    },
  });
  const seenByOther = [];
  createSiblingLink({ win: otherChannel, channel: 'd'.repeat(32), field: 'expiry', onMessage: (t) => seenByOther.push(t) });
  const foreignSeen = [];
  foreign.addEventListener('message', (e) => foreignSeen.push(e));

  const replies = await world.run(number, () => numberLink.collect(['expiry'], 1000));
  assert.deepEqual(replies.expiry.value, { month: 12, year: 2030 });
  assert.deepEqual(seenByExpiry, [MessageType.SIBLING_COLLECT]);
  assert.deepEqual(seenByOther, []);
  assert.equal(foreignSeen.length, 0, 'a frame of another origin never receives sibling messages');
  foreign.posted.forEach((p) => assert.equal(p.targetOrigin, VAULT));

  // a foreign-origin frame forging a sibling value is ignored
  world.run(foreign, () => expiry.postMessage(createEnvelope(CHANNEL, MessageType.SIBLING_COLLECT, { fields: ['expiry'] }), VAULT));
  // the merchant page forging one is ignored too (origin and source are not a sibling's)
  world.run(page, () => expiry.postMessage(createEnvelope(CHANNEL, MessageType.SIBLING_COLLECT, { fields: ['expiry'] }), VAULT));
  await settle();
  assert.deepEqual(seenByExpiry, [MessageType.SIBLING_COLLECT]);
});

test('siblingLink_collect_missingSibling_resolvesPartialAfterTimeout', async () => {
  const world = createWorld();
  const page = world.window(MERCHANT);
  const number = fieldFrame(world, page);
  const link = createSiblingLink({ win: number, channel: CHANNEL, field: 'number', onMessage: () => {} });
  const replies = await world.run(number, () => link.collect(['cvc'], 10));
  assert.deepEqual(replies, {});
});
