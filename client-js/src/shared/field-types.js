/**
 * The allowlist of hosted field types with their input attributes and
 * localized labels. Anything not listed here is refused on both sides.
 */
import { resolveLocale } from './locales.js';

export const FIELD_TYPES = Object.freeze({
  number: {
    autocomplete: 'cc-number',
    inputmode: 'numeric',
    name: 'cardnumber',
    maxLength: 23,
    label: { en: 'Card number', de: 'Kartennummer', fr: 'Numéro de carte', es: 'Número de tarjeta' },
    placeholder: { en: '1234 1234 1234 1234', de: '1234 1234 1234 1234', fr: '1234 1234 1234 1234', es: '1234 1234 1234 1234' },
  },
  expiry: {
    autocomplete: 'cc-exp',
    inputmode: 'numeric',
    name: 'exp-date',
    maxLength: 9,
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
    maxLength: 4,
    label: { en: 'Security code', de: 'Sicherheitscode', fr: 'Code de sécurité', es: 'Código de seguridad' },
    placeholder: { en: 'CVC', de: 'CVC', fr: 'CVC', es: 'CVC' },
  },
  holderName: {
    autocomplete: 'cc-name',
    inputmode: 'text',
    name: 'ccname',
    maxLength: 100,
    label: { en: 'Name on card', de: 'Name auf der Karte', fr: 'Nom sur la carte', es: 'Nombre en la tarjeta' },
    placeholder: { en: '', de: '', fr: '', es: '' },
  },
});

export const FIELD_NAMES = ['number', 'expiry', 'cvc', 'holderName'];

export function isFieldType(name) {
  return FIELD_NAMES.indexOf(name) !== -1;
}

export function fieldLabel(field, locale) {
  return FIELD_TYPES[field].label[resolveLocale(locale)];
}

export function defaultPlaceholder(field, locale) {
  return FIELD_TYPES[field].placeholder[resolveLocale(locale)];
}
