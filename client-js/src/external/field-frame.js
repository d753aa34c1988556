/**
 * One hosted field on the merchant page: its iframe, the messages queued
 * until the iframe is ready, and its height.
 */
import { fieldLabel } from '../shared/field-types.js';
import { createEnvelope } from '../shared/message-envelope.js';
import { MessageType } from '../shared/message-types.js';

export const INITIAL_HEIGHT_PX = 40;

export function fieldUrl(origin, key, field, locale, channel) {
  return (
    origin +
    '/fields/field.html?key=' +
    encodeURIComponent(key) +
    '&field=' +
    encodeURIComponent(field) +
    '&locale=' +
    encodeURIComponent(locale) +
    '#' +
    channel
  );
}

/**
 * @param options {doc, origin, key, locale, channel, field, configure: payload of the configure message}
 */
export function createFieldFrame(options) {
  const doc = options.doc;
  let iframe = null;
  let ready = false;
  const queue = [];

  function post(type, payload) {
    if (!iframe || !iframe.contentWindow) return;
    iframe.contentWindow.postMessage(createEnvelope(options.channel, type, payload), options.origin);
  }

  function mount(target) {
    if (iframe) throw new Error('cardvault: the ' + options.field + ' field is already mounted');
    const container = typeof target === 'string' ? doc.querySelector(target) : target;
    if (!container || typeof container.appendChild !== 'function') {
      throw new Error('cardvault: mount target not found: ' + String(target));
    }
    iframe = doc.createElement('iframe');
    iframe.setAttribute('src', fieldUrl(options.origin, options.key, options.field, options.locale, options.channel));
    iframe.setAttribute('title', fieldLabel(options.field, options.locale));
    iframe.setAttribute('name', 'cardvault-' + options.field + '-' + options.channel.slice(0, 8));
    iframe.setAttribute('frameborder', '0');
    iframe.setAttribute('scrolling', 'no');
    iframe.setAttribute('allowtransparency', 'true');
    iframe.style.border = 'none';
    iframe.style.width = '100%';
    iframe.style.display = 'block';
    iframe.style.overflow = 'hidden';
    iframe.style.height = INITIAL_HEIGHT_PX + 'px';
    iframe.addEventListener('load', function () {
      post(MessageType.CONFIGURE, options.configure);
    });
    container.appendChild(iframe);
  }

  return {
    field: options.field,
    mount: mount,
    isMounted: function () {
      return !!iframe;
    },
    window: function () {
      return iframe ? iframe.contentWindow : null;
    },
    markReady: function () {
      ready = true;
      while (queue.length) {
        const message = queue.shift();
        post(message.type, message.payload);
      }
    },
    send: function (type, payload) {
      if (ready) post(type, payload);
      else queue.push({ type: type, payload: payload });
    },
    setHeight: function (height) {
      if (iframe && height > 0 && height < 2000) iframe.style.height = height + 'px';
    },
    destroy: function () {
      if (iframe && iframe.parentNode) iframe.parentNode.removeChild(iframe);
      iframe = null;
      ready = false;
      queue.length = 0;
    },
  };
}
