/**
 * CardVault.fields(options): one group of hosted fields sharing a random
 * channel. Listens only to messages from its own iframes, from the cardvault
 * origin, on its channel; sends only to that origin. Keeps each field's
 * public state (never a digit) for getState() and the container classes,
 * and the group's load error, after which requests reject at once.
 */
import { LOAD_ERROR_CODES, LoadErrorCode } from '../shared/error-catalogue.js';
import {
  BRAND_SOURCE_FIELD,
  FIELD_TYPES,
  RECOLLECTING_FIELD,
  TOKENIZING_FIELD,
  isFieldType,
  reportsBrand,
} from '../shared/field-types.js';
import { resolveLocale } from '../shared/locales.js';
import { readMessage } from '../shared/message-envelope.js';
import { MessageType, TO_MERCHANT_TYPES } from '../shared/message-types.js';
import { originOf } from '../shared/origin.js';
import { isPublishableKey } from '../shared/publishable-key.js';
import { newChannelId, newRequestId } from '../shared/random-id.js';
import { timeoutOrDefault } from '../shared/timeouts.js';
import { isTokenId } from '../shared/token-id.js';
import { COLOR_SCHEMES } from './color-scheme.js';
import { createEmitter } from './event-emitter.js';
import { createFieldFrame } from './field-frame.js';
import { localError, publicBrand, publicChange, publicError, publicToken } from './incoming-messages.js';
import { isInsecurePage } from './load-watch.js';
import { createPendingRequests } from './pending-requests.js';

function checkKey(key) {
  if (typeof key !== 'string' || key.indexOf('sk_') === 0) {
    throw new Error('cardvault: pass your publishable key (pk_...); a secret key must never be used in a web page');
  }
  if (!isPublishableKey(key)) throw new Error('cardvault: invalid publishable key');
}

/**
 * Styles travel as plain data; the iframe sanitizes them against the allowlist
 * (never trusting this page) and warns in the console about what it drops.
 */
function plainCopy(value) {
  try {
    return value && typeof value === 'object' ? JSON.parse(JSON.stringify(value)) : {};
  } catch (e) {
    return {};
  }
}

/** The frame's localized label from its ready/change payload, as the iframe's title. */
function readyLabel(payload) {
  return typeof payload.label === 'string' ? payload.label.slice(0, 100) : '';
}

function initialState(field) {
  const state = { empty: true, complete: false, valid: false, error: null };
  if (reportsBrand(field)) state.brand = 'unknown';
  return state;
}

/**
 * @param options {key, locale?, styles?, fonts?, origin?, timeout?, showErrors?, colorScheme?}
 * @param env {win, scriptOrigin}
 */
export function createFields(options, env) {
  const opts = options || {};
  checkKey(opts.key);
  const win = env.win;
  const origin = originOf(opts.origin) || env.scriptOrigin;
  if (!origin) throw new Error('cardvault: cannot tell the cardvault origin; pass options.origin');
  const settings = {};
  const channel = newChannelId();
  const emitter = createEmitter();
  const pending = createPendingRequests();
  const fields = {};
  let destroyed = false;
  let loadError = null;

  function applyOptions(o) {
    if (o.locale !== undefined || !settings.locale) {
      settings.locale = resolveLocale(o.locale, win.navigator && win.navigator.language);
    }
    if (o.styles !== undefined || !settings.styles) settings.styles = plainCopy(o.styles);
    // [{cssSrc}] as plain strings; the frame checks them and its CSP admits only registered ones
    if (o.fonts !== undefined || !settings.fonts) {
      settings.fonts = (Array.isArray(o.fonts) ? o.fonts : []).map(function (f) {
        return f && typeof f.cssSrc === 'string' ? f.cssSrc : '';
      });
    }
    if (o.colorScheme !== undefined || !settings.colorScheme) {
      settings.colorScheme = COLOR_SCHEMES.indexOf(o.colorScheme) !== -1 ? o.colorScheme : 'auto';
    }
    if (o.showErrors !== undefined || settings.showErrors === undefined) settings.showErrors = o.showErrors !== false;
  }
  applyOptions(opts);
  const timeout = timeoutOrDefault(opts.timeout);

  function fieldOf(source) {
    const names = Object.keys(fields);
    for (let i = 0; i < names.length; i++) {
      if (source && fields[names[i]].frame.window() === source) return fields[names[i]];
    }
    return null;
  }

  function settle(payload) {
    if (typeof payload.requestId !== 'string' || !pending.has(payload.requestId)) return;
    if (payload.error) {
      pending.reject(payload.requestId, publicError(payload.error, settings.locale));
      return;
    }
    if (payload.ok === true) {
      pending.resolve(payload.requestId, undefined);
      return;
    }
    const token = publicToken(payload.token);
    if (token) pending.resolve(payload.requestId, token);
    else pending.reject(payload.requestId, localError('server-error', settings.locale));
  }

  function failLoad(field, code) {
    if (LOAD_ERROR_CODES.indexOf(code) === -1 || loadError) return;
    loadError = localError(code, settings.locale);
    pending.rejectAll(function () {
      return loadError;
    });
    emitter.emit('loaderror', { field: field, code: loadError.code, message: loadError.message });
  }

  function onChange(entry, payload) {
    const change = publicChange(entry.name, payload);
    const state = { empty: change.empty, complete: change.complete, valid: change.valid, error: change.error };
    if (change.brand !== undefined) state.brand = change.brand;
    entry.state = state;
    entry.frame.setClasses({ empty: state.empty, invalid: !!state.error, complete: state.complete && state.valid });
    emitter.emit('change', change);
  }

  function onMessage(event) {
    const entry = fieldOf(event.source);
    if (!entry) return;
    const frame = entry.frame;
    const message = readMessage(event, { origin: origin, channel: channel, types: TO_MERCHANT_TYPES, source: frame.window() });
    if (!message) return;
    const payload = message.payload;
    const field = { field: entry.name };
    switch (message.type) {
      case MessageType.READY:
        frame.markReady();
        frame.setTitle(readyLabel(payload));
        emitter.emit('ready', field);
        break;
      case MessageType.LOAD_ERROR:
        failLoad(entry.name, String(payload.code));
        break;
      case MessageType.CHANGE:
        onChange(entry, payload);
        break;
      case MessageType.FOCUS:
        frame.setClasses({ focus: true });
        emitter.emit('focus', field);
        break;
      case MessageType.BLUR:
        frame.setClasses({ focus: false });
        emitter.emit('blur', field);
        break;
      case MessageType.ENTER:
        emitter.emit('enter', field);
        break;
      case MessageType.BRAND:
        if (entry.name === BRAND_SOURCE_FIELD) emitter.emit('brand', publicBrand(payload));
        break;
      case MessageType.RESIZE:
        frame.setHeight(Number(payload.height));
        break;
      case MessageType.TOKENIZE_RESULT:
        if (entry.name === TOKENIZING_FIELD) settle(payload);
        break;
      case MessageType.CVC_RESULT:
        if (entry.name === RECOLLECTING_FIELD) settle(payload);
        break;
      default:
        break;
    }
  }

  win.addEventListener('message', onMessage, false);

  function create(field, fieldOptions) {
    if (destroyed) throw new Error('cardvault: these fields were destroyed');
    if (!isFieldType(field)) throw new TypeError('cardvault: unknown field type "' + field + '"');
    if (fields[field]) throw new Error('cardvault: a ' + field + ' field already exists in this group');
    const own = { icon: true };
    const entry = { name: field, state: initialState(field), cvcOnly: false, own: own };

    function setOwn(fo) {
      if (typeof fo.placeholder === 'string') own.placeholder = fo.placeholder;
      if (typeof fo.icon === 'boolean') own.icon = fo.icon;
    }
    const fo = fieldOptions || {};
    setOwn(fo);
    if (FIELD_TYPES[field].recollects && fo.token !== undefined) {
      if (!isTokenId(fo.token)) throw new TypeError('cardvault: token must be a token id');
      own.token = fo.token;
      if (typeof fo.brand === 'string') own.brand = fo.brand;
      entry.cvcOnly = true;
    }

    function configure() {
      const payload = { styles: settings.styles, fonts: settings.fonts, showErrors: settings.showErrors, locale: settings.locale, icon: own.icon };
      ['placeholder', 'token', 'brand'].forEach(function (k) {
        if (own[k] !== undefined) payload[k] = own[k];
      });
      return payload;
    }

    entry.frame = createFieldFrame({
      win: win,
      origin: origin,
      key: opts.key,
      channel: channel,
      field: field,
      locale: function () {
        return settings.locale;
      },
      colorScheme: function () {
        return settings.colorScheme;
      },
      configure: configure,
      onLoadError: function (code) {
        failLoad(field, code);
      },
    });
    fields[field] = entry;
    const frame = entry.frame;
    const handle = {
      mount: function (target) {
        if (destroyed) throw new Error('cardvault: these fields were destroyed');
        if (isInsecurePage(win)) {
          setTimeout(function () {
            failLoad(field, LoadErrorCode.INSECURE_PAGE);
          }, 0);
          return handle;
        }
        frame.mount(target);
        return handle;
      },
      unmount: function () {
        frame.unmount();
        entry.state = initialState(field);
        return handle;
      },
      update: function (updateOptions) {
        setOwn(updateOptions || {});
        frame.reconfigure();
        return handle;
      },
      focus: function () {
        frame.focus();
        return handle;
      },
      blur: function () {
        frame.blur();
        return handle;
      },
      clear: function () {
        frame.send(MessageType.CLEAR, {});
        return handle;
      },
      getState: function () {
        return copyState(entry.state);
      },
      destroy: function () {
        frame.unmount();
        delete fields[field];
      },
    };
    return handle;
  }

  function copyState(state) {
    const copy = {};
    Object.keys(state).forEach(function (k) {
      copy[k] = state[k] && typeof state[k] === 'object' ? { code: state[k].code, message: state[k].message } : state[k];
    });
    return copy;
  }

  function request(field, type, extra) {
    if (destroyed) return Promise.reject(localError('cancelled', settings.locale));
    if (loadError) return Promise.reject(loadError);
    const entry = fields[field];
    if (!entry || !entry.frame.isMounted()) {
      return Promise.reject(localError('validation-error', settings.locale, [field]));
    }
    const requestId = newRequestId();
    const result = pending.start(requestId, timeout, function () {
      return localError('timeout', settings.locale);
    });
    const payload = { requestId: requestId, timeout: timeout };
    Object.keys(extra || {}).forEach(function (k) {
      payload[k] = extra[k];
    });
    entry.frame.send(type, payload);
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
      const mounted = Object.keys(fields).filter(function (name) {
        return fields[name].frame.isMounted() && !fields[name].cvcOnly;
      });
      return request(TOKENIZING_FIELD, MessageType.TOKENIZE_REQUEST, { fields: mounted });
    },
    recollectCvc: function () {
      const entry = fields[RECOLLECTING_FIELD];
      if (entry && !entry.cvcOnly) {
        return Promise.reject(localError('validation-error', settings.locale, [RECOLLECTING_FIELD]));
      }
      return request(RECOLLECTING_FIELD, MessageType.CVC_REQUEST, {});
    },
    /** {field: {empty, complete, valid, error, brand?}} for every mounted field; never a digit. */
    getState: function () {
      const out = {};
      Object.keys(fields).forEach(function (name) {
        if (fields[name].frame.isMounted()) out[name] = copyState(fields[name].state);
      });
      return out;
    },
    /** New locale, styles, fonts, colorScheme or showErrors for every field (colorScheme applies on the next mount). */
    update: function (updateOptions) {
      applyOptions(updateOptions || {});
      Object.keys(fields).forEach(function (name) {
        fields[name].frame.reconfigure();
      });
      return this;
    },
    clear: function () {
      Object.keys(fields).forEach(function (name) {
        fields[name].frame.send(MessageType.CLEAR, {});
      });
    },
    destroy: function () {
      if (destroyed) return;
      destroyed = true;
      win.removeEventListener('message', onMessage, false);
      Object.keys(fields).forEach(function (name) {
        fields[name].frame.unmount();
        delete fields[name];
      });
      pending.rejectAll(function () {
        return localError('cancelled', settings.locale);
      });
    },
  };
}
