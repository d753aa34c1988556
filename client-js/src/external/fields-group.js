/**
 * CardVault.fields(options): one group of hosted fields sharing a random
 * channel. Listens only to messages from its own iframes, from the cardvault
 * origin, on its channel; sends only to that origin.
 */
import { describeError } from '../shared/error-catalogue.js';
import { isFieldType } from '../shared/field-types.js';
import { resolveLocale } from '../shared/locales.js';
import { readMessage } from '../shared/message-envelope.js';
import { MessageType, TO_MERCHANT_TYPES } from '../shared/message-types.js';
import { newChannelId, newRequestId } from '../shared/random-id.js';
import { sanitizeStyles } from '../shared/style-allowlist.js';
import { createEmitter } from './event-emitter.js';
import { createFieldFrame } from './field-frame.js';
import { publicBrand, publicChange, publicError, publicToken } from './incoming-messages.js';
import { createPendingRequests } from './pending-requests.js';
import { originOf } from './script-origin.js';

export const DEFAULT_TIMEOUT_MS = 15000;

function failure(code, locale, fields) {
  const described = describeError(code, locale);
  return { code: described.code, message: described.message, fields: fields || [] };
}

function checkKey(key) {
  if (typeof key !== 'string' || key.indexOf('sk_') === 0) {
    throw new Error('cardvault: pass your publishable key (pk_...); a secret key must never be used in a web page');
  }
  if (!/^pk_[A-Za-z0-9_-]{1,200}$/.test(key)) throw new Error('cardvault: invalid publishable key');
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
  const timeout = Number(opts.timeout) > 0 ? Number(opts.timeout) : DEFAULT_TIMEOUT_MS;
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
    else pending.reject(payload.requestId, failure('server-error', locale));
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
        if (frame.field === 'number') emitter.emit('brand', publicBrand(payload));
        break;
      case MessageType.RESIZE:
        frame.setHeight(Number(payload.height));
        break;
      case MessageType.TOKENIZE_RESULT:
        if (frame.field === 'number') settle(payload);
        break;
      case MessageType.CVC_RESULT:
        if (frame.field === 'cvc') settle(payload);
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
    if (field === 'cvc' && fo.token !== undefined) {
      if (typeof fo.token !== 'string' || !/^[0-9a-fA-F-]{8,64}$/.test(fo.token)) {
        throw new TypeError('cardvault: token must be a token id');
      }
      configure.token = fo.token;
      if (typeof fo.brand === 'string') configure.brand = fo.brand;
    }
    const frame = createFieldFrame({
      doc: win.document,
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
        frame.send(MessageType.SET_FOCUS, {});
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
    if (destroyed) return Promise.reject(failure('cancelled', locale));
    const frame = frames[field];
    if (!frame || !frame.isMounted()) return Promise.reject(failure('validation-error', locale, [field]));
    const requestId = newRequestId();
    const result = pending.start(requestId, timeout, function () {
      return failure('timeout', locale);
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
      return request('number', MessageType.TOKENIZE_REQUEST, { fields: mounted });
    },
    recollectCvc: function () {
      if (frames.cvc && !frames.cvc.cvcOnly) {
        return Promise.reject(failure('validation-error', locale, ['cvc']));
      }
      return request('cvc', MessageType.CVC_REQUEST, {});
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
        return failure('cancelled', locale);
      });
    },
  };
}
