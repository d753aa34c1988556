/**
 * Turns the API's answers into cardvault failures: a 422 `invalid-card`
 * problem becomes `validation-error` with the hosted field names at fault
 * (the field-type registry maps expiryMonth / expiryYear -> expiry);
 * anything else becomes `server-error` carrying the problem `type` and
 * status. Problem `detail` and `errors[].message` are never passed on:
 * messages come from our catalogue, in the shopper's language.
 */
import { isKnownErrorCode } from '../shared/error-catalogue.js';
import { fieldOfApiField } from '../shared/field-types.js';

function problemType(body) {
  return body && typeof body.type === 'string' && body.type.length < 300 ? body.type : 'about:blank';
}

/** @returns {code, type, status, fields, errors?, messageCode?} */
export function failureFromResponse(status, body) {
  const type = problemType(body);
  if (status === 422 && body && Array.isArray(body.errors) && body.errors.length > 0) {
    const fields = [];
    const errors = [];
    body.errors.forEach(function (e) {
      const field = e && typeof e.field === 'string' ? fieldOfApiField(e.field) : null;
      if (!field) return;
      const code = isKnownErrorCode(e.code) ? e.code : 'validation-error';
      if (fields.indexOf(field) === -1) fields.push(field);
      errors.push({ field: field, code: code });
    });
    if (fields.length > 0) {
      return { code: 'validation-error', type: type, status: status, fields: fields, errors: errors };
    }
  }
  const failure = { code: 'server-error', type: type, status: status, fields: [] };
  if (status === 429) failure.messageCode = 'rate-limited';
  return failure;
}
