/**
 * What a field does when a sibling iframe speaks: hands its value to the
 * tokenizing field's collect request, follows the brand, answers a brand
 * request, and shows API field errors meant for it.
 */
import { FIELD_TYPES, TOKENIZING_FIELD } from '../shared/field-types.js';
import { MessageType } from '../shared/message-types.js';

/**
 * @param s the field session {field, model, token}
 * @param reporter createStateReporter(s)
 * @returns onSiblingMessage(type, payload, reply)
 */
export function createSiblingAnswers(s, reporter) {
  const brandRole = FIELD_TYPES[s.field].brand;

  function answerCollect(payload, reply) {
    if (payload.from !== TOKENIZING_FIELD || !Array.isArray(payload.fields) || payload.fields.indexOf(s.field) === -1) {
      return;
    }
    s.model.markSubmitted();
    reporter.refresh();
    const state = s.model.state();
    reply(MessageType.SIBLING_VALUE, {
      requestId: payload.requestId,
      field: s.field,
      valid: state.valid,
      value: state.valid ? s.model.apiValue() : null,
    });
  }

  return function onSiblingMessage(type, payload, reply) {
    if (type === MessageType.SIBLING_COLLECT) {
      answerCollect(payload, reply);
    } else if (type === MessageType.SIBLING_BRAND && brandRole === 'follower' && !s.token) {
      s.model.setCvcBrand(payload.brand);
      reporter.refresh();
    } else if (type === MessageType.SIBLING_BRAND_REQUEST && brandRole === 'source') {
      reply(MessageType.SIBLING_BRAND, { brand: reporter.brand() });
    } else if (type === MessageType.SIBLING_ERRORS && Array.isArray(payload.errors)) {
      payload.errors.forEach(function (e) {
        if (e && e.field === s.field) s.model.showServerError(String(e.code));
      });
      reporter.refresh();
    }
  };
}
