/**
 * field.js: picks the frame bundle of the locale in the URL (field.<locale>.js,
 * built with that locale's texts and English as the fallback), so a shopper
 * downloads one language, not twelve. Same origin, so `script-src 'self'` allows it.
 * The field page as cardvault serves it names the bundle itself (FieldsPageFilter,
 * one script hop less before `ready`); field.js still runs in the warm-up frame,
 * in the invalid-key page, and in field.html as built.
 */
import { resolveLocale } from '../shared/locales.js';

const match = /[?&]locale=([a-z]{2})(?:&|$)/.exec(window.location.search);
const script = document.createElement('script');
script.src = 'field.' + resolveLocale(match ? match[1] : 'en') + '.js';
document.body.appendChild(script);
