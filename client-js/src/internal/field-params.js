/**
 * Reads the iframe URL: /fields/field.html?key=pk_...&field=number&locale=en#<channel>, the
 * fragment optionally followed by `&configure=<JSON>`. The channel and the configuration sit in
 * the fragment so they never reach a server log or a Referer header. Anything unexpected in the
 * key, field or channel makes the page refuse to start.
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

/** The longest `configure=...` of the fragment that is read (the page writes at most 2,048). */
export const FRAGMENT_CONFIG_MAX = 4096;

/**
 * The configure payload of the fragment's `configure=<JSON, percent-encoded>`, or null: as
 * untrusted as a `configure` message (the field checks every member the same way), and never the
 * token of a CVC re-collection, which only a message from the pinned page may name.
 */
export function readFragmentConfig(rest) {
  let config = null;
  try {
    if (rest.length <= FRAGMENT_CONFIG_MAX && /^configure=/.test(rest)) config = JSON.parse(decodeURIComponent(rest.slice(10)));
  } catch (e) {
    // not JSON, or a malformed escape: the configure message does the work
  }
  if (!config || typeof config !== 'object' || Array.isArray(config)) return null;
  delete config.token;
  delete config.brand;
  return config;
}

/** The channel of the URL fragment `#<channel>` or `#<channel>&configure=...` (unchecked). */
export function fragmentChannel(hash) {
  return String(hash || '').replace(/^#/, '').split('&')[0];
}

/**
 * @returns {key, field, locale, scheme ('light' | 'dark'), channel, config} or null when the URL
 * is not usable. A repeated `key` is refused (the server answers such a page with 400): the key
 * whose tenant's frame-ancestors guard the page must be the key the field uses. The fragment is
 * `<channel>` or `<channel>&configure=<JSON>`; config is null when there is none or it is not
 * usable (the page's `configure` message then does the work).
 */
export function readFieldParams(search, hash) {
  if (countParam(search, 'key') !== 1) return null;
  const query = parseQuery(search);
  const fragment = String(hash || '').replace(/^#/, '');
  const channel = fragmentChannel(fragment);
  const rest = fragment.slice(channel.length + 1);
  if (!isFieldType(query.field) || !isPublishableKey(query.key) || !isChannelId(channel)) return null;
  return {
    key: query.key,
    field: query.field,
    locale: resolveLocale(query.locale),
    scheme: query.scheme === 'dark' ? 'dark' : 'light',
    channel: channel,
    config: rest ? readFragmentConfig(rest) : null,
  };
}
