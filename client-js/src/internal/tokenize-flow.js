/**
 * Runs in the tokenizing (number) iframe: gathers the sibling fields' values
 * over the sibling link, checks every field, and creates the token. What is
 * required and which API fields each type fills come from the field-type
 * registry. The merchant only ever learns the token summary or a failure.
 */
import { FIELD_NAMES, FIELD_TYPES, TOKENIZING_FIELD, isFieldType } from '../shared/field-types.js';
import { DEFAULT_TIMEOUT_MS } from '../shared/timeouts.js';

export const SIBLING_COLLECT_TIMEOUT_MS = 3000;

/**
 * @param ctx {model, siblings: {collect(fields, ms)}, client: {createToken(body, ms)}}
 * @param request {fields: string[], timeout: number}
 * @returns Promise of the 201 body; rejects {code, fields, ...}
 */
export function runTokenize(ctx, request) {
  const mounted = (Array.isArray(request.fields) ? request.fields : []).filter(function (f, i, all) {
    return isFieldType(f) && f !== TOKENIZING_FIELD && all.indexOf(f) === i;
  });
  ctx.model.markSubmitted();
  const timeoutMs = Math.max(1000, Number(request.timeout) || DEFAULT_TIMEOUT_MS);
  return ctx.siblings.collect(mounted, Math.min(SIBLING_COLLECT_TIMEOUT_MS, timeoutMs)).then(function (replies) {
    const invalid = [];
    if (!ctx.model.state().valid) invalid.push(TOKENIZING_FIELD);
    FIELD_NAMES.forEach(function (field) {
      if (FIELD_TYPES[field].requiredForToken && field !== TOKENIZING_FIELD && mounted.indexOf(field) === -1) {
        invalid.push(field);
      }
    });
    mounted.forEach(function (field) {
      const reply = replies[field];
      if (!reply || !reply.valid) invalid.push(field);
    });
    if (invalid.length > 0) throw { code: 'validation-error', fields: invalid };
    const body = {};
    copyApiFields(body, TOKENIZING_FIELD, ctx.model.apiValue());
    mounted.forEach(function (field) {
      copyApiFields(body, field, replies[field].value);
    });
    return ctx.client.createToken(body, timeoutMs);
  });
}

/** Copies the API fields the type fills, and only strings or numbers: a reply is trusted for its content, not its shape. */
function copyApiFields(body, field, fragment) {
  if (!fragment || typeof fragment !== 'object') return;
  FIELD_TYPES[field].apiFields.forEach(function (name) {
    const v = fragment[name];
    if (typeof v === 'string' || typeof v === 'number') body[name] = v;
  });
}
