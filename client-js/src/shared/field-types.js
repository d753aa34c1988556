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
 *  - apiFields: the names of the tokens API fields it fills, so API errors map back.
 * Its behaviour (format, validate, toApi) is the same entry's other half in
 * field-rules.js: kept apart only so the merchant script, which never
 * formats or validates, does not carry it (bundle budget); a test keeps the
 * two key sets equal. Labels and placeholders are in catalogue.js.
 */
import { LABELS, PLACEHOLDERS } from './catalogue.js';
import { POSTAL_CODE_MAX_LENGTH } from './postal-code.js';
import { localized } from './locales.js';

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
  },
  expiry: {
    autocomplete: 'cc-exp',
    inputmode: 'numeric',
    name: 'exp-date',
    required: true,
    brand: 'none',
    requiredForToken: true,
    apiFields: ['expiryMonth', 'expiryYear'],
  },
  cvc: {
    autocomplete: 'cc-csc',
    inputmode: 'numeric',
    name: 'cvc',
    required: true,
    brand: 'follower',
    recollects: true,
    apiFields: ['cvc'],
  },
  holderName: {
    autocomplete: 'cc-name',
    inputmode: 'text',
    name: 'ccname',
    maxLength: 100,
    freeText: true,
    brand: 'none',
    apiFields: ['holderName'],
  },
  postalCode: {
    autocomplete: 'postal-code',
    inputmode: 'text',
    name: 'postal',
    maxLength: POSTAL_CODE_MAX_LENGTH,
    brand: 'none',
    apiFields: ['postalCode'],
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

/** Labels and placeholders come from the catalogue, keyed by field type. */
export function fieldLabel(field, locale) {
  return localized(LABELS[field], locale);
}

export function defaultPlaceholder(field, locale) {
  return localized(PLACEHOLDERS[field], locale);
}
