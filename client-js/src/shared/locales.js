/** The locales the hosted fields speak (the catalogue's), and how a requested locale is resolved. */
import { LOCALES } from './catalogue.js';

export const SUPPORTED_LOCALES = LOCALES;
export const DEFAULT_LOCALE = 'en';

/** 'de-AT' -> 'de'; unknown or missing -> 'en'. 'auto' uses the browser language. */
export function resolveLocale(requested, navigatorLanguage) {
  let wanted = requested;
  if (!wanted || wanted === 'auto') wanted = navigatorLanguage || DEFAULT_LOCALE;
  const primary = String(wanted).toLowerCase().split(/[-_]/)[0];
  return SUPPORTED_LOCALES.indexOf(primary) === -1 ? DEFAULT_LOCALE : primary;
}

/** The catalogue entry's text in the (resolved) locale. */
export function localized(entry, locale) {
  return entry[SUPPORTED_LOCALES.indexOf(resolveLocale(locale))];
}
