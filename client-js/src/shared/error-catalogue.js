/**
 * Every error code the hosted fields can report, with its message in each
 * supported locale. Field codes match the server's `errors[].code` values;
 * request codes are what tokenize() / recollectCvc() reject with.
 * Messages never interpolate user input.
 */
import { resolveLocale } from './locales.js';

export const FieldErrorCode = Object.freeze({
  REQUIRED: 'required',
  INVALID_LUHN: 'invalid-luhn',
  INVALID_LENGTH: 'invalid-length',
  UNSUPPORTED_CHARACTERS: 'unsupported-characters',
  EXPIRED: 'expired',
  INVALID_MONTH: 'invalid-month',
  INVALID_EXPIRY: 'invalid-expiry',
  INVALID_CVC: 'invalid-cvc',
});

export const RequestErrorCode = Object.freeze({
  VALIDATION_ERROR: 'validation-error',
  NETWORK_ERROR: 'network-error',
  SERVER_ERROR: 'server-error',
  RATE_LIMITED: 'rate-limited',
  TIMEOUT: 'timeout',
  CANCELLED: 'cancelled',
});

export const ERROR_MESSAGES = Object.freeze({
  required: {
    en: 'This field is required.',
    de: 'Dieses Feld ist erforderlich.',
    fr: 'Ce champ est obligatoire.',
    es: 'Este campo es obligatorio.',
  },
  'invalid-luhn': {
    en: 'The card number is invalid.',
    de: 'Die Kartennummer ist ungültig.',
    fr: "Le numéro de carte n'est pas valide.",
    es: 'El número de tarjeta no es válido.',
  },
  'invalid-length': {
    en: 'The card number is incomplete or too long.',
    de: 'Die Kartennummer ist unvollständig oder zu lang.',
    fr: 'Le numéro de carte est incomplet ou trop long.',
    es: 'El número de tarjeta está incompleto o es demasiado largo.',
  },
  'unsupported-characters': {
    en: 'This field contains characters that are not allowed.',
    de: 'Dieses Feld enthält unzulässige Zeichen.',
    fr: 'Ce champ contient des caractères non autorisés.',
    es: 'Este campo contiene caracteres no permitidos.',
  },
  expired: {
    en: 'The card has expired.',
    de: 'Die Karte ist abgelaufen.',
    fr: 'La carte a expiré.',
    es: 'La tarjeta ha caducado.',
  },
  'invalid-month': {
    en: 'The expiry month is invalid.',
    de: 'Der Ablaufmonat ist ungültig.',
    fr: "Le mois d'expiration n'est pas valide.",
    es: 'El mes de caducidad no es válido.',
  },
  'invalid-expiry': {
    en: 'The expiry date is incomplete or invalid.',
    de: 'Das Ablaufdatum ist unvollständig oder ungültig.',
    fr: "La date d'expiration est incomplète ou non valide.",
    es: 'La fecha de caducidad está incompleta o no es válida.',
  },
  'invalid-cvc': {
    en: 'The security code is incomplete or invalid.',
    de: 'Der Sicherheitscode ist unvollständig oder ungültig.',
    fr: 'Le code de sécurité est incomplet ou non valide.',
    es: 'El código de seguridad está incompleto o no es válido.',
  },
  'validation-error': {
    en: 'Please check the card details.',
    de: 'Bitte prüfen Sie die Kartendaten.',
    fr: 'Veuillez vérifier les informations de la carte.',
    es: 'Revise los datos de la tarjeta.',
  },
  'network-error': {
    en: 'The card details could not be sent. Check your connection and try again.',
    de: 'Die Kartendaten konnten nicht gesendet werden. Prüfen Sie Ihre Verbindung und versuchen Sie es erneut.',
    fr: "Les informations de la carte n'ont pas pu être envoyées. Vérifiez votre connexion et réessayez.",
    es: 'No se pudieron enviar los datos de la tarjeta. Compruebe su conexión e inténtelo de nuevo.',
  },
  'server-error': {
    en: 'The card could not be processed. Please try again later.',
    de: 'Die Karte konnte nicht verarbeitet werden. Bitte versuchen Sie es später erneut.',
    fr: "La carte n'a pas pu être traitée. Veuillez réessayer plus tard.",
    es: 'No se pudo procesar la tarjeta. Inténtelo de nuevo más tarde.',
  },
  'rate-limited': {
    en: 'Too many attempts. Please wait a moment and try again.',
    de: 'Zu viele Versuche. Bitte warten Sie einen Moment und versuchen Sie es erneut.',
    fr: 'Trop de tentatives. Veuillez patienter un instant et réessayer.',
    es: 'Demasiados intentos. Espere un momento e inténtelo de nuevo.',
  },
  timeout: {
    en: 'The request took too long. Please try again.',
    de: 'Die Anfrage hat zu lange gedauert. Bitte versuchen Sie es erneut.',
    fr: 'La requête a pris trop de temps. Veuillez réessayer.',
    es: 'La solicitud tardó demasiado. Inténtelo de nuevo.',
  },
  cancelled: {
    en: 'The request was cancelled.',
    de: 'Die Anfrage wurde abgebrochen.',
    fr: 'La requête a été annulée.',
    es: 'La solicitud se canceló.',
  },
});

export function isKnownErrorCode(code) {
  return typeof code === 'string' && Object.prototype.hasOwnProperty.call(ERROR_MESSAGES, code);
}

/** The localized message for a code; unknown codes fall back to server-error. */
export function errorMessage(code, locale) {
  const entry = isKnownErrorCode(code) ? ERROR_MESSAGES[code] : ERROR_MESSAGES['server-error'];
  return entry[resolveLocale(locale)];
}

/** {code, message} as events and rejections carry it. */
export function describeError(code, locale) {
  const known = isKnownErrorCode(code) ? code : RequestErrorCode.SERVER_ERROR;
  return { code: known, message: errorMessage(known, locale) };
}
