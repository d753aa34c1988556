/**
 * Runs in the number iframe: gathers the sibling fields' values over the
 * sibling link, checks every field, and creates the token. The merchant only
 * ever learns the token summary or a failure.
 */
import { isFieldType } from '../shared/field-types.js';

export const SIBLING_COLLECT_TIMEOUT_MS = 3000;

/**
 * @param ctx {model, siblings: {collect(fields, ms)}, client: {createToken(body, ms)}}
 * @param request {fields: string[], timeout: number}
 * @returns Promise of the 201 body; rejects {code, fields, ...}
 */
export function runTokenize(ctx, request) {
  const mounted = (Array.isArray(request.fields) ? request.fields : []).filter(function (f, i, all) {
    return isFieldType(f) && f !== 'number' && all.indexOf(f) === i;
  });
  ctx.model.markSubmitted();
  const timeoutMs = Math.max(1000, Number(request.timeout) || 15000);
  return ctx.siblings.collect(mounted, Math.min(SIBLING_COLLECT_TIMEOUT_MS, timeoutMs)).then(function (replies) {
    const invalid = [];
    if (!ctx.model.state().valid) invalid.push('number');
    if (mounted.indexOf('expiry') === -1) invalid.push('expiry');
    mounted.forEach(function (field) {
      const reply = replies[field];
      if (!reply || !reply.valid) invalid.push(field);
    });
    if (invalid.length > 0) throw { code: 'validation-error', fields: invalid };
    const expiry = replies.expiry.value;
    const body = { number: ctx.model.apiValue(), expiryMonth: expiry.month, expiryYear: expiry.year };
    if (replies.cvc && replies.cvc.value) body.cvc = replies.cvc.value;
    if (replies.holderName && replies.holderName.value) body.holderName = replies.holderName.value;
    return ctx.client.createToken(body, timeoutMs);
  });
}
