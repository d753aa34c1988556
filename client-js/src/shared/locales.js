/** The locales the hosted fields speak, and how a requested locale is resolved. */
export const SUPPORTED_LOCALES = ['en', 'de', 'fr', 'es'];
export const DEFAULT_LOCALE = 'en';

/** 'de-AT' -> 'de'; unknown or missing -> 'en'. 'auto' uses the browser language. */
export function resolveLocale(requested, navigatorLanguage) {
  let wanted = requested;
  if (!wanted || wanted === 'auto') wanted = navigatorLanguage || DEFAULT_LOCALE;
  const primary = String(wanted).toLowerCase().split(/[-_]/)[0];
  return SUPPORTED_LOCALES.indexOf(primary) === -1 ? DEFAULT_LOCALE : primary;
}
