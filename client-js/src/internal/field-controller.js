/**
 * Wires one hosted field: DOM events into the field model, state out to the
 * merchant page (only via outgoing-messages builders), and the tokenize /
 * CVC re-collection requests into API calls.
 */
import { errorMessage } from '../shared/error-catalogue.js';
import { MessageType } from '../shared/message-types.js';
import { sanitizeStyles } from '../shared/style-allowlist.js';
import { createFieldModel } from './field-model.js';
import { createFieldView } from './field-view.js';
import {
  brandPayload,
  changePayload,
  cvcResultPayload,
  failurePayload,
  fieldPayload,
  resizePayload,
  tokenResultPayload,
} from './outgoing-messages.js';
import { createParentLink } from './parent-link.js';
import { createSiblingLink } from './sibling-link.js';
import { applyStyleRules, ownStyleSheet, styleRules } from './style-rules.js';
import { createTokenClient, isTokenId } from './token-client.js';
import { runTokenize } from './tokenize-flow.js';

const REQUEST_ID = /^[0-9a-f]{8,64}$/;
const DEFAULT_TIMEOUT_MS = 15000;

/**
 * @param win the iframe window
 * @param params {key, field, locale, channel} from the URL
 * @param deps {rules, now: () => Date, fetchFn?}
 */
export function startField(win, params, deps) {
  const field = params.field;
  const locale = params.locale;
  const model = createFieldModel(field, deps.rules, deps.now);
  const view = createFieldView(win.document, field, locale);
  const client = createTokenClient({ origin: win.location.origin, key: params.key, fetchFn: deps.fetchFn });
  let configured = false;
  let token = null;
  let lastChange = '';
  let lastBrand = 'unknown';
  let lastHeight = -1;

  const parent = createParentLink({ win: win, channel: params.channel, onMessage: onParentMessage });
  const siblings = createSiblingLink({ win: win, channel: params.channel, field: field, onMessage: onSiblingMessage });

  function reportHeight() {
    const height = view.height();
    if (!configured || height === lastHeight) return;
    lastHeight = height;
    parent.send(MessageType.RESIZE, resizePayload(field, height));
  }

  function refresh() {
    const state = model.state();
    const code = model.visibleCode();
    view.render({ complete: state.complete, valid: state.valid, message: code ? errorMessage(code, locale) : null });
    const change = changePayload(field, state, code, locale);
    const changeKey = JSON.stringify(change);
    if (configured && changeKey !== lastChange) {
      lastChange = changeKey;
      parent.send(MessageType.CHANGE, change);
    }
    if (field === 'number' && state.brand !== lastBrand) {
      lastBrand = state.brand;
      if (configured) parent.send(MessageType.BRAND, brandPayload(lastBrand));
      siblings.broadcast(MessageType.SIBLING_BRAND, { brand: lastBrand });
    }
    reportHeight();
  }

  function configure(payload) {
    const clean = sanitizeStyles(payload.styles);
    const sheet = ownStyleSheet(win.document);
    if (sheet) applyStyleRules(sheet, styleRules(clean));
    if (typeof payload.placeholder === 'string' && payload.placeholder.length <= 64) {
      view.setPlaceholder(payload.placeholder);
    }
    view.showErrors(payload.showErrors !== false);
    if (field === 'cvc' && isTokenId(payload.token)) {
      token = payload.token;
      if (typeof payload.brand === 'string') model.setCvcBrand(payload.brand);
    }
    if (!configured) {
      configured = true;
      parent.send(MessageType.READY, fieldPayload(field));
      lastChange = JSON.stringify(changePayload(field, model.state(), model.visibleCode(), locale));
    }
    refresh();
  }

  function reportFailure(resultType, requestId, failure) {
    (failure.errors || []).forEach(function (e) {
      if (e.field === field) model.showServerError(e.code);
    });
    if (failure.errors) siblings.broadcast(MessageType.SIBLING_ERRORS, { errors: failure.errors });
    refresh();
    parent.send(resultType, failurePayload(requestId, failure, locale));
  }

  function tokenize(payload) {
    if (field !== 'number' || !REQUEST_ID.test(String(payload.requestId))) return;
    const requestId = payload.requestId;
    const timeout = Number(payload.timeout) || DEFAULT_TIMEOUT_MS;
    const pending = runTokenize({ model: model, siblings: siblings, client: client }, { fields: payload.fields, timeout: timeout });
    refresh();
    pending.then(
      function (created) {
        try {
          parent.send(MessageType.TOKENIZE_RESULT, tokenResultPayload(requestId, created));
        } catch (e) {
          reportFailure(MessageType.TOKENIZE_RESULT, requestId, { code: 'server-error' });
        }
      },
      function (failure) {
        reportFailure(MessageType.TOKENIZE_RESULT, requestId, failure && failure.code ? failure : { code: 'server-error' });
      },
    );
  }

  function recollectCvc(payload) {
    if (field !== 'cvc' || !REQUEST_ID.test(String(payload.requestId))) return;
    const requestId = payload.requestId;
    model.markSubmitted();
    refresh();
    if (!token || !model.state().valid) {
      reportFailure(MessageType.CVC_RESULT, requestId, { code: 'validation-error', fields: ['cvc'] });
      return;
    }
    client.recollectCvc(token, model.apiValue(), Number(payload.timeout) || DEFAULT_TIMEOUT_MS).then(
      function () {
        parent.send(MessageType.CVC_RESULT, cvcResultPayload(requestId));
      },
      function (failure) {
        reportFailure(MessageType.CVC_RESULT, requestId, failure && failure.code ? failure : { code: 'server-error' });
      },
    );
  }

  function onParentMessage(type, payload) {
    if (type === MessageType.CONFIGURE) configure(payload);
    else if (!configured) return;
    else if (type === MessageType.CLEAR) {
      model.clear();
      view.setValue('', 0);
      refresh();
    } else if (type === MessageType.SET_FOCUS) view.input.focus();
    else if (type === MessageType.TOKENIZE_REQUEST) tokenize(payload);
    else if (type === MessageType.CVC_REQUEST) recollectCvc(payload);
  }

  function onSiblingMessage(type, payload, reply) {
    if (type === MessageType.SIBLING_COLLECT) {
      if (payload.from !== 'number' || !Array.isArray(payload.fields) || payload.fields.indexOf(field) === -1) return;
      model.markSubmitted();
      refresh();
      const state = model.state();
      reply(MessageType.SIBLING_VALUE, {
        requestId: payload.requestId,
        field: field,
        valid: state.valid,
        value: state.valid ? model.apiValue() : null,
      });
    } else if (type === MessageType.SIBLING_BRAND && field === 'cvc' && !token) {
      model.setCvcBrand(payload.brand);
      refresh();
    } else if (type === MessageType.SIBLING_BRAND_REQUEST && field === 'number') {
      reply(MessageType.SIBLING_BRAND, { brand: lastBrand });
    } else if (type === MessageType.SIBLING_ERRORS && Array.isArray(payload.errors)) {
      payload.errors.forEach(function (e) {
        if (e && e.field === field) model.showServerError(String(e.code));
      });
      refresh();
    }
  }

  const input = view.input;
  input.addEventListener('input', function (event) {
    const result = model.edit({ raw: input.value, caret: input.selectionStart, inputType: event.inputType });
    view.setValue(result.value, result.caret);
    refresh();
  });
  input.addEventListener('keydown', function (event) {
    if (event.key === 'Enter' || event.keyCode === 13) {
      event.preventDefault();
      if (configured) parent.send(MessageType.ENTER, fieldPayload(field));
    }
  });
  input.addEventListener('focus', function () {
    if (configured) parent.send(MessageType.FOCUS, fieldPayload(field));
  });
  input.addEventListener('blur', function () {
    model.blur();
    refresh();
    if (configured) parent.send(MessageType.BLUR, fieldPayload(field));
  });
  win.addEventListener('resize', reportHeight);

  refresh();
  if (field === 'cvc') siblings.broadcast(MessageType.SIBLING_BRAND_REQUEST, {});
  return { model: model, parent: parent, siblings: siblings };
}
