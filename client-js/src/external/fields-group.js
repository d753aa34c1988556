/**
 * CardVault.fields(options): one group of hosted fields sharing a random
 * channel. Listens only to messages from its own iframes, from the cardvault
 * origin, on its channel; sends only to that origin.
 */
import {
  BRAND_SOURCE_FIELD,
  FIELD_TYPES,
  RECOLLECTING_FIELD,
  TOKENIZING_FIELD,
  isFieldType,
} from '../shared/field-types.js';
import { resolveLocale } from '../shared/locales.js';
import { readMessage } from '../shared/message-envelope.js';
import { MessageType, TO_MERCHANT_TYPES } from '../shared/message-types.js';
import { newChannelId, newRequestId } from '../shared/random-id.js';
import { originOf } from '../shared/origin.js';
import { isPublishableKey } from '../shared/publishable-key.js';
import { sanitizeStyles } from '../shared/style-allowlist.js';
import { timeoutOrDefault } from '../shared/timeouts.js';
import { isTokenId } from '../shared/token-id.js';
import { createEmitter } from './event-emitter.js';
import { createFieldFrame } from './field-frame.js';
import { localError, publicBrand, publicChange, publicError, publicToken } from './incoming-messages.js';
import { createPendingRequests } from './pending-requests.js';

function checkKey(key) {
  if (typeof key !== 'string' || key.indexOf('sk_') === 0) {
    throw new Error('cardvault: pass your publishable key (pk_...); a secret key must never be used in a web page');
  }
  if (!isPublishableKey(key)) throw new Error('cardvault: invalid publishable key');
}

/**
 * @param options {key, locale?, styles?, origin?, timeout?, showErrors?}
 * @param env {win, scriptOrigin}
 */
export function createFields(options, env) {
  const opts = options || {};
  checkKey(opts.key);
  const win = env.win;
  const origin = originOf(opts.origin) || env.scriptOrigin;
  if (!origin) throw new Error('cardvault: cannot tell the cardvault origin; pass options.origin');
  const locale = resolveLocale(opts.locale, win.navigator && win.navigator.language);
  const styles = sanitizeStyles(opts.styles);
  const timeout = timeoutOrDefault(opts.timeout);
  const channel = newChannelId();
  const emitter = createEmitter();
  const pending = createPendingRequests();
  const frames = {};
  let destroyed = false;

  function frameOf(source) {
    const names = Object.keys(frames);
    for (let i = 0; i < names.length; i++) {
      if (source && frames[names[i]].window() === source) return frames[names[i]];
    }
    return null;
  }

  function settle(payload) {
    if (typeof payload.requestId !== 'string' || !pending.has(payload.requestId)) return;
    if (payload.error) {
      pending.reject(payload.requestId, publicError(payload.error, locale));
      return;
    }
    if (payload.ok === true) {
      pending.resolve(payload.requestId, undefined);
      return;
    }
    const token = publicToken(payload.token);
    if (token) pending.resolve(payload.requestId, token);
    else pending.reject(payload.requestId, localError('server-error', locale));
  }

  function onMessage(event) {
    const frame = frameOf(event.source);
    if (!frame) return;
    const message = readMessage(event, { origin: origin, channel: channel, types: TO_MERCHANT_TYPES, source: frame.window() });
    if (!message) return;
    const payload = message.payload;
    const field = { field: frame.field };
    switch (message.type) {
      case MessageType.READY:
        frame.markReady();
        emitter.emit('ready', field);
        break;
      case MessageType.CHANGE:
        emitter.emit('change', publicChange(frame.field, payload));
        break;
      case MessageType.FOCUS:
        emitter.emit('focus', field);
        break;
      case MessageType.BLUR:
        emitter.emit('blur', field);
        break;
      case MessageType.ENTER:
        emitter.emit('enter', field);
        break;
      case MessageType.BRAND:
        if (frame.field === BRAND_SOURCE_FIELD) emitter.emit('brand', publicBrand(payload));
        break;
      case MessageType.RESIZE:
        frame.setHeight(Number(payload.height));
        break;
      case MessageType.TOKENIZE_RESULT:
        if (frame.field === TOKENIZING_FIELD) settle(payload);
        break;
      case MessageType.CVC_RESULT:
        if (frame.field === RECOLLECTING_FIELD) settle(payload);
        break;
      default:
        break;
    }
  }

  win.addEventListener('message', onMessage, false);

  function create(field, fieldOptions) {
    if (destroyed) throw new Error('cardvault: these fields were destroyed');
    if (!isFieldType(field)) throw new TypeError('cardvault: unknown field type "' + field + '"');
    if (frames[field]) throw new Error('cardvault: a ' + field + ' field already exists in this group');
    const fo = fieldOptions || {};
    const configure = { styles: styles, showErrors: opts.showErrors !== false };
    if (typeof fo.placeholder === 'string') configure.placeholder = fo.placeholder;
    if (FIELD_TYPES[field].recollects && fo.token !== undefined) {
      if (!isTokenId(fo.token)) {
        throw new TypeError('cardvault: token must be a token id');
      }
      configure.token = fo.token;
      if (typeof fo.brand === 'string') configure.brand = fo.brand;
    }
    const frame = createFieldFrame({
      win: win,
      colorScheme: opts.colorScheme,
      origin: origin,
      key: opts.key,
      locale: locale,
      channel: channel,
      field: field,
      configure: configure,
    });
    frame.cvcOnly = !!configure.token;
    frames[field] = frame;
    const handle = {
      mount: function (target) {
        frame.mount(target);
        return handle;
      },
      focus: function () {
        frame.focus();
        return handle;
      },
      clear: function () {
        frame.send(MessageType.CLEAR, {});
        return handle;
      },
      destroy: function () {
        frame.destroy();
        delete frames[field];
      },
    };
    return handle;
  }

  function request(field, type, extra) {
    if (destroyed) return Promise.reject(localError('cancelled', locale));
    const frame = frames[field];
    if (!frame || !frame.isMounted()) return Promise.reject(localError('validation-error', locale, [field]));
    const requestId = newRequestId();
    const result = pending.start(requestId, timeout, function () {
      return localError('timeout', locale);
    });
    const payload = { requestId: requestId, timeout: timeout };
    Object.keys(extra || {}).forEach(function (k) {
      payload[k] = extra[k];
    });
    frame.send(type, payload);
    return result;
  }

  return {
    create: create,
    on: function (name, handler) {
      emitter.on(name, handler);
      return this;
    },
    off: function (name, handler) {
      emitter.off(name, handler);
      return this;
    },
    tokenize: function () {
      const mounted = Object.keys(frames).filter(function (name) {
        return frames[name].isMounted() && !frames[name].cvcOnly;
      });
      return request(TOKENIZING_FIELD, MessageType.TOKENIZE_REQUEST, { fields: mounted });
    },
    recollectCvc: function () {
      const frame = frames[RECOLLECTING_FIELD];
      if (frame && !frame.cvcOnly) {
        return Promise.reject(localError('validation-error', locale, [RECOLLECTING_FIELD]));
      }
      return request(RECOLLECTING_FIELD, MessageType.CVC_REQUEST, {});
    },
    clear: function () {
      Object.keys(frames).forEach(function (name) {
        frames[name].send(MessageType.CLEAR, {});
      });
    },
    destroy: function () {
      if (destroyed) return;
      destroyed = true;
      win.removeEventListener('message', onMessage, false);
      Object.keys(frames).forEach(function (name) {
        frames[name].destroy();
        delete frames[name];
      });
      pending.rejectAll(function () {
        return localError('cancelled', locale);
      });
    },
  };
}
