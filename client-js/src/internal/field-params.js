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

/** How often a parameter name occurs (decoded) in the query. */
export function countParam(search, wanted) {
  return String(search || '')
    .replace(/^\?/, '')
    .split('&')
    .filter(function (pair) {
      const at = pair.indexOf('=');
      const name = at === -1 ? pair : pair.slice(0, at);
      try {
        return decodeURIComponent(name) === wanted;
      } catch (e) {
        return false;
      }
    }).length;
}

/**
 * @returns {key, field, locale, scheme ('light' | 'dark'), channel} or null when the URL is
 * not usable. A repeated `key` is refused (the server answers such a page with 400): the key
 * whose tenant's frame-ancestors guard the page must be the key the field uses.
 */
export function readFieldParams(search, hash) {
  if (countParam(search, 'key') !== 1) return null;
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
