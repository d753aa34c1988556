/**
 * Reads the iframe URL: /fields/field.html?key=pk_...&field=number&locale=en#<channel>.
 * The channel sits in the fragment so it never reaches a server log or a
 * Referer header. Anything unexpected makes the page refuse to start.
 */
import { isFieldType } from '../shared/field-types.js';
import { resolveLocale } from '../shared/locales.js';
import { isPublishableKey } from '../shared/publishable-key.js';
import { isChannelId } from '../shared/random-id.js';

export function parseQuery(search) {
  const out = {};
  String(search || '')
    .replace(/^\?/, '')
    .split('&')
    .forEach(function (pair) {
      if (!pair) return;
      const at = pair.indexOf('=');
      const name = at === -1 ? pair : pair.slice(0, at);
      const raw = at === -1 ? '' : pair.slice(at + 1);
      try {
        out[decodeURIComponent(name)] = decodeURIComponent(raw.replace(/\+/g, ' '));
      } catch (e) {
        // a malformed escape makes this parameter absent
      }
    });
  return out;
}

/** @returns {key, field, locale, scheme ('light' | 'dark'), channel} or null when the URL is not usable */
export function readFieldParams(search, hash) {
  const query = parseQuery(search);
  const channel = String(hash || '').replace(/^#/, '');
  if (!isFieldType(query.field) || !isPublishableKey(query.key) || !isChannelId(channel)) return null;
  return {
    key: query.key,
    field: query.field,
    locale: resolveLocale(query.locale),
    scheme: query.scheme === 'dark' ? 'dark' : 'light',
    channel: channel,
  };
}
