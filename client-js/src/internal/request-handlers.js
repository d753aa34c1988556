/**
 * The merchant page's two requests, as the iframe answers them: tokenize (in
 * the tokenizing field) and CVC re-collection for a stored token (in the
 * recollecting field). Results and failures go back only through the
 * outgoing-message builders; field errors from the API are shown in this
 * field and passed on to the siblings.
 */
import { RECOLLECTING_FIELD, TOKENIZING_FIELD } from '../shared/field-types.js';
import { MessageType } from '../shared/message-types.js';
import { timeoutOrDefault } from '../shared/timeouts.js';
import { cvcResultPayload, failurePayload, tokenResultPayload } from './outgoing-messages.js';
import { runTokenize } from './tokenize-flow.js';

const REQUEST_ID = /^[0-9a-f]{8,64}$/;

function orServerError(failure) {
  return failure && failure.code ? failure : { code: 'server-error' };
}

/**
 * @param s the field session {field, locale, model, parent, siblings, client, token}
 * @param reporter createStateReporter(s)
 */
export function createRequestHandlers(s, reporter) {
  function reportFailure(resultType, requestId, failure) {
    (failure.errors || []).forEach(function (e) {
      if (e.field === s.field) s.model.showServerError(e.code);
    });
    if (failure.errors) s.siblings.broadcast(MessageType.SIBLING_ERRORS, { errors: failure.errors });
    reporter.refresh();
    s.parent.send(resultType, failurePayload(requestId, failure, s.locale));
  }

  function tokenize(payload) {
    if (s.field !== TOKENIZING_FIELD || !REQUEST_ID.test(String(payload.requestId))) return;
    const requestId = payload.requestId;
    const pending = runTokenize(s, { fields: payload.fields, timeout: timeoutOrDefault(payload.timeout) });
    reporter.refresh();
    pending.then(
      function (created) {
        try {
          s.parent.send(MessageType.TOKENIZE_RESULT, tokenResultPayload(requestId, created));
        } catch (e) {
          reportFailure(MessageType.TOKENIZE_RESULT, requestId, { code: 'server-error' });
        }
      },
      function (failure) {
        reportFailure(MessageType.TOKENIZE_RESULT, requestId, orServerError(failure));
      },
    );
  }

  function recollectCvc(payload) {
    if (s.field !== RECOLLECTING_FIELD || !REQUEST_ID.test(String(payload.requestId))) return;
    const requestId = payload.requestId;
    s.model.markSubmitted();
    reporter.refresh();
    if (!s.token || !s.model.state().valid) {
      reportFailure(MessageType.CVC_RESULT, requestId, { code: 'validation-error', fields: [s.field] });
      return;
    }
    s.client.recollectCvc(s.token, s.model.apiValue(), timeoutOrDefault(payload.timeout)).then(
      function () {
        s.parent.send(MessageType.CVC_RESULT, cvcResultPayload(requestId));
      },
      function (failure) {
        reportFailure(MessageType.CVC_RESULT, requestId, orServerError(failure));
      },
    );
  }

  return { tokenize: tokenize, recollectCvc: recollectCvc };
}
