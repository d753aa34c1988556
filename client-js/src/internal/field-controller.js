/**
 * Starts one hosted field: builds its session (model, view, links to the
 * merchant page and to the sibling iframes, API client), applies the
 * merchant's `configure`, and routes messages to the parts that answer them:
 * state-reporter (view and merchant events), input-events (the shopper),
 * request-handlers (tokenize, CVC re-collection), sibling-answers.
 */
import { FIELD_TYPES } from '../shared/field-types.js';
import { resolveLocale } from '../shared/locales.js';
import { MessageType } from '../shared/message-types.js';
import { sanitizeStyles } from '../shared/style-allowlist.js';
import { isTokenId } from '../shared/token-id.js';
import { createFieldModel } from './field-model.js';
import { createFieldView } from './field-view.js';
import { linkFonts } from './font-links.js';
import { bindInputEvents } from './input-events.js';
import { readyPayload } from './outgoing-messages.js';
import { createParentLink } from './parent-link.js';
import { createRequestHandlers } from './request-handlers.js';
import { createSiblingAnswers } from './sibling-answers.js';
import { createSiblingLink } from './sibling-link.js';
import { createStateReporter } from './state-reporter.js';
import { applyStyleRules, ownStyleSheet, styleRules } from './style-rules.js';
import { createTokenClient } from './token-client.js';

/**
 * @param win the iframe window
 * @param params {key, field, locale, scheme, channel, config} from the URL (config: the
 *        configure payload of the fragment, or null)
 * @param deps {rules, now: () => Date, fetchFn?}
 */
export function startField(win, params, deps) {
  const field = params.field;
  const s = {
    win: win,
    field: field,
    locale: params.locale,
    model: createFieldModel(field, deps.rules, deps.now),
    view: createFieldView(win.document, field, params.locale, params.scheme),
    client: createTokenClient({ origin: win.location.origin, key: params.key, fetchFn: deps.fetchFn }),
    configured: false,
    token: null,
  };
  const reporter = createStateReporter(s);
  const requests = createRequestHandlers(s, reporter);
  s.parent = createParentLink({ win: win, channel: params.channel, onMessage: onParentMessage });
  s.siblings = createSiblingLink({
    win: win,
    channel: params.channel,
    field: field,
    onMessage: createSiblingAnswers(s, reporter),
  });

  function configure(payload) {
    const sheet = ownStyleSheet(win.document);
    if (sheet) applyStyleRules(sheet, styleRules(sanitizeStyles(payload.styles)));
    linkFonts(win.document, payload.fonts, reporter.reportHeight);
    if (typeof payload.placeholder === 'string' && payload.placeholder.length <= 64) {
      s.view.setPlaceholder(payload.placeholder);
    }
    s.view.showErrors(payload.showErrors !== false);
    s.view.showIcon(payload.icon !== false);
    if (typeof payload.locale === 'string') {
      s.locale = resolveLocale(payload.locale);
      s.view.localize(s.locale);
    }
    if (FIELD_TYPES[field].recollects && isTokenId(payload.token)) {
      s.token = payload.token;
      if (typeof payload.brand === 'string') s.model.setCvcBrand(payload.brand);
    }
    if (!s.configured) {
      s.configured = true;
      s.parent.send(MessageType.READY, readyPayload(field, s.locale));
      reporter.baseline();
    }
    reporter.refresh();
  }

  function onParentMessage(type, payload) {
    if (type === MessageType.CONFIGURE) configure(payload);
    else if (!s.configured) return;
    else if (type === MessageType.CLEAR) {
      s.model.clear();
      s.view.setValue('', 0);
      reporter.refresh();
    } else if (type === MessageType.SET_FOCUS) s.view.input.focus();
    else if (type === MessageType.SET_BLUR) s.view.input.blur();
    else if (type === MessageType.TOKENIZE_REQUEST) requests.tokenize(payload);
    else if (type === MessageType.CVC_REQUEST) requests.recollectCvc(payload);
  }

  s.view.showIcon(true);
  bindInputEvents(s, reporter);
  reporter.refresh();
  if (FIELD_TYPES[field].brand === 'follower') s.siblings.broadcast(MessageType.SIBLING_BRAND_REQUEST, {});
  // The merchant's configuration in our URL fragment (see fieldUrl): ready at once, without
  // waiting for the page's load event and its `configure` message - when framed, and when the
  // browser tells us the framing page's origin (otherwise that message pins it, as always).
  if (params.config && win.parent !== win) {
    s.parent.pinReported(function () {
      configure(params.config);
    });
  }
  return { model: s.model, parent: s.parent, siblings: s.siblings };
}
