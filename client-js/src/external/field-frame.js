/**
 * One hosted field on the merchant page: its iframe, the messages queued
 * until the iframe is ready, its height, its colour scheme, and the clicks
 * on the merchant's own <label for=container> and on the container itself,
 * which focus the field.
 */
import { fieldLabel } from '../shared/field-types.js';
import { createEnvelope } from '../shared/message-envelope.js';
import { MessageType } from '../shared/message-types.js';
import { resolveColorScheme } from './color-scheme.js';

/** Input plus the one-line error area that is always reserved (see field.css). */
export const INITIAL_HEIGHT_PX = 58;

export function fieldUrl(origin, key, field, locale, channel, scheme) {
  return (
    origin +
    '/fields/field.html?key=' +
    encodeURIComponent(key) +
    '&field=' +
    encodeURIComponent(field) +
    '&locale=' +
    encodeURIComponent(locale) +
    '&scheme=' +
    encodeURIComponent(scheme || 'light') +
    '#' +
    channel
  );
}

/**
 * @param options {win, origin, key, locale, channel, field, colorScheme, configure: payload of the configure message}
 */
export function createFieldFrame(options) {
  const win = options.win;
  const doc = win.document;
  let iframe = null;
  let container = null;
  let ready = false;
  const queue = [];

  function post(type, payload) {
    if (!iframe || !iframe.contentWindow) return;
    iframe.contentWindow.postMessage(createEnvelope(options.channel, type, payload), options.origin);
  }

  function send(type, payload) {
    if (ready) post(type, payload);
    else queue.push({ type: type, payload: payload });
  }

  function focus() {
    if (iframe && typeof iframe.focus === 'function') iframe.focus();
    send(MessageType.SET_FOCUS, {});
  }

  /** A click on the container's padding, or on a <label for> naming the container. */
  function onDocumentClick(event) {
    const target = event.target;
    if (!container || !target || target === iframe) return;
    if (target === container) {
      focus();
      return;
    }
    const label = typeof target.closest === 'function' ? target.closest('label') : null;
    if (label && container.id && label.getAttribute('for') === container.id) {
      event.preventDefault();
      focus();
    }
  }

  function mount(target) {
    if (iframe) throw new Error('cardvault: the ' + options.field + ' field is already mounted');
    const found = typeof target === 'string' ? doc.querySelector(target) : target;
    if (!found || typeof found.appendChild !== 'function') {
      throw new Error('cardvault: mount target not found: ' + String(target));
    }
    container = found;
    const scheme = resolveColorScheme(options.colorScheme, container, win);
    iframe = doc.createElement('iframe');
    iframe.setAttribute(
      'src',
      fieldUrl(options.origin, options.key, options.field, options.locale, options.channel, scheme),
    );
    iframe.setAttribute('title', fieldLabel(options.field, options.locale));
    iframe.setAttribute('name', 'cardvault-' + options.field + '-' + options.channel.slice(0, 8));
    iframe.setAttribute('frameborder', '0');
    iframe.setAttribute('scrolling', 'no');
    iframe.setAttribute('allowtransparency', 'true');
    iframe.style.border = 'none';
    iframe.style.width = '100%';
    iframe.style.display = 'block';
    iframe.style.overflow = 'hidden';
    iframe.style.colorScheme = scheme;
    iframe.style.background = 'transparent';
    iframe.style.height = INITIAL_HEIGHT_PX + 'px';
    iframe.addEventListener('load', function () {
      post(MessageType.CONFIGURE, options.configure);
    });
    container.appendChild(iframe);
    if (doc.addEventListener) doc.addEventListener('click', onDocumentClick, false);
  }

  return {
    field: options.field,
    mount: mount,
    focus: focus,
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
    send: send,
    setHeight: function (height) {
      if (iframe && height > 0 && height < 2000) iframe.style.height = height + 'px';
    },
    destroy: function () {
      if (doc.removeEventListener) doc.removeEventListener('click', onDocumentClick, false);
      if (iframe && iframe.parentNode) iframe.parentNode.removeChild(iframe);
      iframe = null;
      container = null;
      ready = false;
      queue.length = 0;
    },
  };
}
