/**
 * The iframe's side of the conversation with the merchant page.
 *
 * Which origin may talk to us? The URL cannot tell it safely: anyone may
 * frame this page with any query string. So, in order of preference:
 *  1. location.ancestorOrigins[0] (Chromium, WebKit): set by the browser,
 *     it cannot be forged by the page;
 *  2. the origin of document.referrer: the browser sets it to the framing
 *     page's URL (its origin under the default referrer policy) - it is empty
 *     when the merchant uses `no-referrer`;
 *  3. otherwise the origin of the first `configure` message that comes from
 *     window.parent (only the framing page can be window.parent) carrying the
 *     channel id from our URL fragment, which only that page knows.
 * The first accepted `configure` pins the origin. From then on every message
 * must come from window.parent, from that origin, on our channel, and every
 * message we send goes to that origin only - never '*'. The server's
 * `frame-ancestors` CSP already restricts framing to the tenant's origins.
 */
import { createEnvelope, readMessage } from '../shared/message-envelope.js';
import { MessageType, TO_FIELD_TYPES } from '../shared/message-types.js';
import { originOf } from '../shared/origin.js';
import { guardMerchantPayload } from './outgoing-messages.js';

/** The merchant origin the browser tells us, or null when it does not. */
export function browserReportedParentOrigin(win) {
  const ancestors = win.location && win.location.ancestorOrigins;
  if (ancestors && ancestors.length > 0 && ancestors[0] && ancestors[0] !== 'null') return ancestors[0];
  return originOf(win.document && win.document.referrer);
}

/**
 * @param options {win, channel, onMessage(type, payload)}
 * @returns {send(type, payload), origin(), handleEvent(event), stop()}
 */
export function createParentLink(options) {
  const win = options.win;
  const reported = browserReportedParentOrigin(win);
  let pinned = null;
  const queue = [];

  function handleEvent(event) {
    const origin = pinned || reported || (event && event.origin);
    const message = readMessage(event, {
      origin: origin,
      channel: options.channel,
      types: TO_FIELD_TYPES,
      source: win.parent,
    });
    if (!message) return;
    if (!pinned) {
      if (message.type !== MessageType.CONFIGURE) return;
      pin(origin, function () {
        options.onMessage(message.type, message.payload);
      });
      return;
    }
    options.onMessage(message.type, message.payload);
  }

  /** Pins the origin, lets `configure` run (it says ready), then sends what waited for it. */
  function pin(origin, configure) {
    pinned = origin;
    configure();
    while (queue.length) post(queue.shift());
  }

  function post(message) {
    win.parent.postMessage(createEnvelope(options.channel, message.type, message.payload), pinned);
  }

  function send(type, payload) {
    const message = { type: type, payload: guardMerchantPayload(type, payload) };
    if (pinned) post(message);
    else queue.push(message);
  }

  win.addEventListener('message', handleEvent, false);
  return {
    send: send,
    /**
     * Pins the origin the browser reports for the framing page (see the top of this file) and runs
     * `configure`, for a configuration that came in our URL fragment instead of a message; in the
     * same order as a first `configure` message. Does nothing when the browser reports no origin,
     * or when something is pinned already: a `configure` message does it then.
     */
    pinReported: function (configure) {
      if (!pinned && reported) pin(reported, configure);
    },
    handleEvent: handleEvent,
    origin: function () {
      return pinned;
    },
    stop: function () {
      win.removeEventListener('message', handleEvent, false);
    },
  };
}
