/**
 * The registry of hosted field types: everything cardvault knows about one
 * type sits in its entry, and every other module reads it from here instead
 * of branching on type names. Anything not listed is refused on both sides.
 *
 * An entry:
 *  - input attributes: autocomplete (allowlisted), inputmode, name,
 *    required (aria-required), freeText (true: the browser may
 *    autocorrect/spellcheck; maxLength caps it - formatted fields have no
 *    maxlength, their formatter cuts after formatting, so long pastes survive);
 *  - brand: 'source' (detects the brand and reports it), 'follower' (its
 *    rules follow the brand, e.g. the CVC length) or 'none';
 *  - role in a request: tokenizes (its iframe runs tokenize and collects the
 *    others), requiredForToken (must be mounted and valid), recollects (its
 *    iframe runs the CVC re-collection for a stored token);
 *  - apiFields: the names of the tokens API fields it fills, so API errors map back;
 *  - format(ctx) -> formatter for applyEdit, or null (kept as typed);
 *  - validate(value, ctx) -> {empty, complete, valid, code, eager, brand?};
 *  - toApi(value, ctx) -> the API body fragment ({number: '...'}) or null;
 *  - label and placeholder per locale.
 * ctx is {rules (brand rules), now: () => Date, brandRule (followed brand or null)}.
 */
import { digitsOf } from './caret-edit.js';
import { numberFormatter, validateNumber } from './card-number.js';
import { cvcFormatter, cvcLengths, validateCvc } from './cvc.js';
import { expiryFormatter, validateExpiry } from './expiry.js';
import { validateHolderName } from './holder-name.js';
import { resolveLocale } from './locales.js';

export const FIELD_TYPES = Object.freeze({
  number: {
    autocomplete: 'cc-number',
    inputmode: 'numeric',
    name: 'cardnumber',
    required: true,
    brand: 'source',
    tokenizes: true,
    requiredForToken: true,
    apiFields: ['number'],
    format: function (ctx) {
      return numberFormatter(ctx.rules);
    },
    validate: function (value, ctx) {
      return validateNumber(value, ctx.rules);
    },
    toApi: function (value) {
      return { number: digitsOf(value) };
    },
    label: { en: 'Card number', de: 'Kartennummer', fr: 'Numéro de carte', es: 'Número de tarjeta' },
    placeholder: { en: '1234 1234 1234 1234', de: '1234 1234 1234 1234', fr: '1234 1234 1234 1234', es: '1234 1234 1234 1234' },
  },
  expiry: {
    autocomplete: 'cc-exp',
    inputmode: 'numeric',
    name: 'exp-date',
    required: true,
    brand: 'none',
    requiredForToken: true,
    apiFields: ['expiryMonth', 'expiryYear'],
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
    label: {
      en: 'Expiry date (MM / YY)',
      de: 'Ablaufdatum (MM / JJ)',
      fr: "Date d'expiration (MM / AA)",
      es: 'Fecha de caducidad (MM / AA)',
    },
    placeholder: { en: 'MM / YY', de: 'MM / JJ', fr: 'MM / AA', es: 'MM / AA' },
  },
  cvc: {
    autocomplete: 'cc-csc',
    inputmode: 'numeric',
    name: 'cvc',
    required: true,
    brand: 'follower',
    recollects: true,
    apiFields: ['cvc'],
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
    label: { en: 'Security code', de: 'Sicherheitscode', fr: 'Code de sécurité', es: 'Código de seguridad' },
    placeholder: { en: 'CVC', de: 'CVC', fr: 'CVC', es: 'CVC' },
  },
  holderName: {
    autocomplete: 'cc-name',
    inputmode: 'text',
    name: 'ccname',
    maxLength: 100,
    freeText: true,
    brand: 'none',
    apiFields: ['holderName'],
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
    label: { en: 'Name on card', de: 'Name auf der Karte', fr: 'Nom sur la carte', es: 'Nombre en la tarjeta' },
    placeholder: { en: '', de: '', fr: '', es: '' },
  },
});

export const FIELD_NAMES = Object.keys(FIELD_TYPES);

export function isFieldType(name) {
  return typeof name === 'string' && FIELD_NAMES.indexOf(name) !== -1;
}

/** The one field type whose entry has `property` equal to `value`. */
function fieldWith(property, value) {
  return FIELD_NAMES.filter(function (name) {
    return FIELD_TYPES[name][property] === value;
  })[0];
}

/** The field whose iframe runs tokenize(). */
export const TOKENIZING_FIELD = fieldWith('tokenizes', true);
/** The field whose iframe runs recollectCvc(). */
export const RECOLLECTING_FIELD = fieldWith('recollects', true);
/** The field that detects the brand. */
export const BRAND_SOURCE_FIELD = fieldWith('brand', 'source');

/** Whether change events of this field carry a brand. */
export function reportsBrand(field) {
  return isFieldType(field) && FIELD_TYPES[field].brand !== 'none';
}

/** API field name -> hosted field name (expiryMonth -> expiry), from the entries' apiFields. */
export function fieldOfApiField(apiField) {
  for (let i = 0; i < FIELD_NAMES.length; i++) {
    if (FIELD_TYPES[FIELD_NAMES[i]].apiFields.indexOf(apiField) !== -1) return FIELD_NAMES[i];
  }
  return null;
}

export function fieldLabel(field, locale) {
  return FIELD_TYPES[field].label[resolveLocale(locale)];
}

export function defaultPlaceholder(field, locale) {
  return FIELD_TYPES[field].placeholder[resolveLocale(locale)];
}
