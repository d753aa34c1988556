/**
 * One hosted field on the merchant page: its iframe, the messages queued
 * until the iframe is ready, its height, its colour scheme, the state
 * classes on the merchant's container, the load watch, and the clicks on
 * the merchant's own <label for=container> and on the container itself,
 * which focus the field. It can be unmounted and mounted again.
 */
import { createEnvelope } from '../shared/message-envelope.js';
import { MessageType } from '../shared/message-types.js';
import { resolveColorScheme } from './color-scheme.js';
import { createLoadWatch } from './load-watch.js';

/** Classes kept on the merchant's container, like the peers' (StripeElement--focus, ...). */
export const CONTAINER_CLASSES = {
  focus: 'cardvault-focus',
  invalid: 'cardvault-invalid',
  complete: 'cardvault-complete',
  empty: 'cardvault-empty',
};

function toggleClass(el, name, on) {
  const classes = String(el.className || '')
    .split(/\s+/)
    .filter(function (c) {
      return c && c !== name;
    });
  if (on) classes.push(name);
  el.className = classes.join(' ');
}

/** Input plus the one-line error area that is always reserved (see field.css). */
export const INITIAL_HEIGHT_PX = 58;

/**
 * `&configure=<JSON>` for a frame's URL fragment, so that the frame is ready without the round
 * trip of its load event and the configure message; '' when there is nothing to send this way: a
 * configuration that names a token (CVC re-collection: only a message to the pinned frame carries
 * it), or one longer than 2,048 characters encoded.
 */
export function fragmentConfig(config) {
  const encoded = config.token === undefined ? encodeURIComponent(JSON.stringify(config)) : '';
  return encoded && encoded.length <= 2048 ? '&configure=' + encoded : '';
}

/**
 * @param fragment '' or the fragmentConfig() of the configure payload
 */
export function fieldUrl(origin, key, field, locale, channel, scheme, fragment) {
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
    channel +
    (fragment || '')
  );
}

/**
 * @param options {win, origin, key, locale(), channel, field, colorScheme(), configure(): payload of the
 *        configure message, onLoadError(code)}
 */
export function createFieldFrame(options) {
  const win = options.win;
  const doc = win.document;
  let iframe = null;
  let container = null;
  let ready = false;
  let watch = null;
  let mountedLocale = null;
  let classes = { empty: true, focus: false, invalid: false, complete: false };
  const queue = [];

  function paintClasses() {
    if (!container) return;
    Object.keys(CONTAINER_CLASSES).forEach(function (k) {
      toggleClass(container, CONTAINER_CLASSES[k], !!classes[k]);
    });
  }

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

  function blur() {
    send(MessageType.SET_BLUR, {});
    if (iframe && typeof iframe.blur === 'function') iframe.blur();
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
    const scheme = resolveColorScheme(options.colorScheme(), container, win);
    const locale = options.locale();
    mountedLocale = locale;
    iframe = doc.createElement('iframe');
    const fragment = fragmentConfig(options.configure());
    iframe.setAttribute(
      'src',
      fieldUrl(options.origin, options.key, options.field, locale, options.channel, scheme, fragment),
    );
    // replaced by the frame's own localized label when it is ready (setTitle)
    iframe.setAttribute('title', 'cardvault ' + options.field);
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
    watch = createLoadWatch({ win: win, origin: options.origin, onError: options.onLoadError });
    iframe.addEventListener('load', function () {
      // a frame that is ready already took the configuration from its URL (nothing else makes it
      // ready before this message): send it only if it changed since (update() before ready);
      // one that is not ready could not use it (no origin reported by the browser) and waits
      const payload = options.configure();
      if (!ready || fragmentConfig(payload) !== fragment) post(MessageType.CONFIGURE, payload);
      if (watch) watch.loaded();
    });
    container.appendChild(iframe);
    paintClasses();
    if (doc.addEventListener) doc.addEventListener('click', onDocumentClick, false);
  }

  /** Removes the iframe and the container classes; the field can be mounted again. */
  function unmount() {
    if (watch) watch.stop();
    watch = null;
    if (doc.removeEventListener) doc.removeEventListener('click', onDocumentClick, false);
    if (container) {
      Object.keys(CONTAINER_CLASSES).forEach(function (k) {
        toggleClass(container, CONTAINER_CLASSES[k], false);
      });
    }
    if (iframe && iframe.parentNode) iframe.parentNode.removeChild(iframe);
    iframe = null;
    container = null;
    ready = false;
    queue.length = 0;
    classes = { empty: true, focus: false, invalid: false, complete: false };
  }

  return {
    field: options.field,
    mount: mount,
    unmount: unmount,
    focus: focus,
    blur: blur,
    /** {empty, complete, invalid} from a change event; {focus} from focus/blur. */
    setClasses: function (update) {
      Object.keys(update).forEach(function (k) {
        classes[k] = !!update[k];
      });
      paintClasses();
    },
    /**
     * Sends a fresh configure (update()) once the frame is ready. A new locale
     * loads the frame again (each frame bundle carries one language); what
     * was typed is cleared then.
     */
    reconfigure: function () {
      if (iframe && mountedLocale !== options.locale()) {
        const target = container;
        unmount();
        mount(target);
        return;
      }
      send(MessageType.CONFIGURE, options.configure());
    },
    isMounted: function () {
      return !!iframe;
    },
    window: function () {
      return iframe ? iframe.contentWindow : null;
    },
    markReady: function () {
      ready = true;
      if (watch) watch.ready();
      while (queue.length) {
        const message = queue.shift();
        post(message.type, message.payload);
      }
    },
    send: send,
    setTitle: function (title) {
      if (iframe && title) iframe.setAttribute('title', title);
    },
    setHeight: function (height) {
      if (iframe && height > 0 && height < 2000) iframe.style.height = height + 'px';
    },
    destroy: unmount,
  };
}
