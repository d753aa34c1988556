/**
 * Applies sanitized merchant styles through the CSSOM: an empty rule is
 * inserted into our own same-origin stylesheet and its properties are set
 * with style.setProperty, so no style text is ever parsed from merchant
 * input and the page works under `style-src 'self'`.
 */
import { STYLE_STATES } from '../shared/style-allowlist.js';

export const INPUT_SELECTOR = '.cv-input';
const STATE_SELECTORS = {
  base: INPUT_SELECTOR,
  focus: INPUT_SELECTOR + ':focus',
  invalid: INPUT_SELECTOR + '.invalid',
  complete: INPUT_SELECTOR + '.complete',
  error: '.cv-error',
};

/** Sanitized styles -> [{selector, declarations: [[property, value]]}]. */
export function styleRules(clean) {
  const rules = [];
  STYLE_STATES.forEach(function (state) {
    const block = clean[state];
    if (!block) return;
    const own = [];
    const nested = [];
    Object.keys(block).forEach(function (key) {
      if (typeof block[key] === 'string') own.push([key, block[key]]);
      else nested.push(key);
    });
    if (own.length) rules.push({ selector: STATE_SELECTORS[state], declarations: own });
    nested.forEach(function (variant) {
      const declarations = Object.keys(block[variant]).map(function (p) {
        return [p, block[variant][p]];
      });
      if (declarations.length) rules.push({ selector: STATE_SELECTORS[state] + variant, declarations: declarations });
    });
  });
  return rules;
}

/** Inserts the rules into sheet; a selector the engine does not know is skipped. */
export function applyStyleRules(sheet, rules) {
  rules.forEach(function (rule) {
    try {
      const index = sheet.insertRule(rule.selector + ' {}', sheet.cssRules.length);
      const style = sheet.cssRules[index].style;
      rule.declarations.forEach(function (d) {
        style.setProperty(d[0], d[1]);
      });
    } catch (e) {
      // e.g. an engine without ::placeholder support
    }
  });
}

/** Our own stylesheet (field.css), or null when it did not load. */
export function ownStyleSheet(doc) {
  const sheets = doc.styleSheets || [];
  for (let i = 0; i < sheets.length; i++) {
    const href = sheets[i].href || '';
    if (/\/fields\/field\.css(\?|#|$)/.test(href) || /field\.css$/.test(href)) return sheets[i];
  }
  return sheets.length ? sheets[0] : null;
}
