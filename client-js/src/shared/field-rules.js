/**
 * The behaviour half of the field-type registry (field-types.js holds the
 * declarative half, under the same keys): for each type
 *  - format(ctx) -> formatter for applyEdit, or null (kept as typed);
 *  - validate(value, ctx) -> {empty, complete, valid, code, eager, brand?};
 *  - toApi(value, ctx) -> the API body fragment ({number: '...'}) or null.
 * ctx is {rules (brand rules), now: () => Date, brandRule (followed brand or null)}.
 * Only the iframe imports this.
 */
import { digitsOf } from './caret-edit.js';
import { numberFormatter, validateNumber } from './card-number.js';
import { cvcFormatter, cvcLengths, validateCvc } from './cvc.js';
import { expiryFormatter, validateExpiry } from './expiry.js';
import { validateHolderName } from './holder-name.js';
import { validatePostalCode } from './postal-code.js';

export const FIELD_RULES = Object.freeze({
  number: {
    format: function (ctx) {
      return numberFormatter(ctx.rules);
    },
    validate: function (value, ctx) {
      return validateNumber(value, ctx.rules);
    },
    toApi: function (value) {
      return { number: digitsOf(value) };
    },
  },
  expiry: {
    format: function () {
      return expiryFormatter();
    },
    validate: function (value, ctx) {
      return validateExpiry(value, ctx.now());
    },
    toApi: function (value, ctx) {
      const s = validateExpiry(value, ctx.now());
      return s.complete ? { expiryMonth: s.month, expiryYear: s.year } : null;
    },
  },
  cvc: {
    format: function (ctx) {
      return cvcFormatter(cvcLengths(ctx.brandRule));
    },
    validate: function (value, ctx) {
      const s = validateCvc(value, cvcLengths(ctx.brandRule));
      s.brand = ctx.brandRule ? ctx.brandRule.brand : 'unknown';
      return s;
    },
    toApi: function (value) {
      return { cvc: digitsOf(value) };
    },
  },
  holderName: {
    format: function () {
      return null;
    },
    validate: function (value) {
      return validateHolderName(value);
    },
    toApi: function (value) {
      const name = String(value || '').trim();
      return name ? { holderName: name } : null;
    },
  },
  postalCode: {
    format: function () {
      return null;
    },
    validate: function (value) {
      return validatePostalCode(value);
    },
    toApi: function (value) {
      const code = String(value || '').trim();
      return code ? { postalCode: code } : null;
    },
  },
});
