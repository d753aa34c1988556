/**
 * Merchant styles are an allowlist: known states, known pseudo/state keys,
 * known CSS properties, and values without anything that could load a
 * resource or escape a declaration. Everything else is dropped with a
 * console warning. The iframe sanitizes (never trusting the merchant page);
 * the merchant script only passes a plain-data copy.
 */
export const STYLE_STATES = ['base', 'focus', 'invalid', 'complete', 'error'];
/** States that style the error text under the input, not the input: no variants. */
const TEXT_STATES = ['error'];
export const STYLE_VARIANTS = ['::placeholder', ':focus', '.invalid', '.valid'];
export const STYLE_PROPERTIES = [
  'color',
  'font-family',
  'font-size',
  'font-style',
  'font-variant',
  'font-weight',
  'letter-spacing',
  'line-height',
  'padding',
  'padding-top',
  'padding-right',
  'padding-bottom',
  'padding-left',
  'text-align',
  'text-decoration',
  'text-shadow',
  'text-transform',
];

const MAX_VALUE_LENGTH = 200;
const FORBIDDEN_VALUE = /url\s*\(|expression\s*\(|image-set\s*\(|javascript:|@import|[;{}<>\\]|\/\*/i;

/** fontSize -> font-size; font-size stays. */
export function toKebabCase(name) {
  return String(name).replace(/[A-Z]/g, function (c) {
    return '-' + c.toLowerCase();
  });
}

export function isAllowedValue(value) {
  if (typeof value === 'number') return isFinite(value);
  if (typeof value !== 'string') return false;
  if (value.length === 0 || value.length > MAX_VALUE_LENGTH) return false;
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f]/.test(value)) return false;
  return !FORBIDDEN_VALUE.test(value);
}

function isPlainObject(value) {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function sanitizeDeclarations(input, path, warn, allowVariants) {
  const out = {};
  Object.keys(input).forEach(function (key) {
    const value = input[key];
    if (allowVariants && STYLE_VARIANTS.indexOf(key) !== -1) {
      if (!isPlainObject(value)) {
        warn('cardvault: ignoring style ' + path + '["' + key + '"]: not an object');
        return;
      }
      out[key] = sanitizeDeclarations(value, path + '["' + key + '"]', warn, false);
      return;
    }
    const property = toKebabCase(key);
    if (STYLE_PROPERTIES.indexOf(property) === -1) {
      warn('cardvault: ignoring style ' + path + '.' + key + ': property not allowed');
      return;
    }
    if (!isAllowedValue(value)) {
      warn('cardvault: ignoring style ' + path + '.' + key + ': value not allowed');
      return;
    }
    out[property] = String(value);
  });
  return out;
}

/**
 * @param styles {base, focus, invalid, complete, error} as the merchant passed them
 * @param warn defaults to console.warn
 * @returns a new object holding only allowed states, variants, properties and values
 */
export function sanitizeStyles(styles, warn) {
  const report =
    warn ||
    function (message) {
      if (typeof console !== 'undefined' && console.warn) console.warn(message);
    };
  const clean = {};
  if (styles === undefined || styles === null) return clean;
  if (!isPlainObject(styles)) {
    report('cardvault: ignoring styles: not an object');
    return clean;
  }
  Object.keys(styles).forEach(function (state) {
    if (STYLE_STATES.indexOf(state) === -1) {
      report('cardvault: ignoring style state "' + state + '"');
      return;
    }
    if (!isPlainObject(styles[state])) {
      report('cardvault: ignoring style state "' + state + '": not an object');
      return;
    }
    clean[state] = sanitizeDeclarations(styles[state], state, report, TEXT_STATES.indexOf(state) === -1);
  });
  return clean;
}
