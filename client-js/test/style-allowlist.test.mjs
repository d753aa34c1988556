import { test } from 'node:test';
import assert from 'node:assert/strict';
import { isAllowedValue, sanitizeStyles } from '../src/shared/style-allowlist.js';
import { applyStyleRules, styleRules } from '../src/internal/style-rules.js';

function collect() {
  const warnings = [];
  return { warnings, warn: (m) => warnings.push(m) };
}

test('sanitizeStyles_allowedPropertiesKept_camelCaseNormalized', () => {
  const w = collect();
  const clean = sanitizeStyles(
    {
      base: { color: '#333', fontSize: '16px', 'font-family': "'Helvetica Neue', Arial, sans-serif", paddingLeft: 4, '::placeholder': { color: '#999' } },
      focus: { color: 'black' },
      invalid: { color: 'red', '.invalid': { textDecoration: 'underline' } },
      complete: { color: 'green' },
    },
    w.warn,
  );
  assert.deepEqual(clean, {
    base: { color: '#333', 'font-size': '16px', 'font-family': "'Helvetica Neue', Arial, sans-serif", 'padding-left': '4', '::placeholder': { color: '#999' } },
    focus: { color: 'black' },
    invalid: { color: 'red', '.invalid': { 'text-decoration': 'underline' } },
    complete: { color: 'green' },
  });
  assert.deepEqual(w.warnings, []);
});

test('sanitizeStyles_disallowedDropped_withWarning', () => {
  const w = collect();
  const clean = sanitizeStyles(
    {
      base: { color: '#333', background: 'red', position: 'fixed', display: 'none', '::selection': { color: 'red' }, ':hover': { color: 'red' } },
      hover: { color: 'red' },
      disabled: 'x',
    },
    w.warn,
  );
  assert.deepEqual(clean, { base: { color: '#333' } });
  assert.equal(w.warnings.length, 7);
  assert.ok(w.warnings.every((m) => m.startsWith('cardvault: ignoring style')));
});

test('sanitizeStyles_injectionValuesDropped', () => {
  const w = collect();
  const evil = [
    'url(https://evil.example/x.png)',
    'URL (x)',
    'expression(alert(1))',
    'red; background: url(x)',
    'red} body {display:none',
    'red{',
    '</style><script>alert(1)</script>',
    '\\75rl(x)',
    'red /* comment */',
    'red\nblue',
    '',
    { toString: () => 'red' },
    'x'.repeat(201),
  ];
  const base = {};
  evil.forEach((v, i) => (base[['color', 'font-family', 'font-size', 'line-height', 'text-shadow', 'padding', 'text-align', 'font-weight', 'letter-spacing', 'text-transform', 'font-style', 'font-variant', 'padding-top'][i]] = v));
  const clean = sanitizeStyles({ base }, w.warn);
  assert.deepEqual(clean, { base: {} });
  assert.equal(w.warnings.length, evil.length);
});

test('sanitizeStyles_defaultWarn_isConsoleWarn', (t) => {
  const warn = t.mock.method(console, 'warn', () => {});
  sanitizeStyles({ base: { background: 'red' } });
  assert.equal(warn.mock.callCount(), 1);
});

test('isAllowedValue', () => {
  assert.equal(isAllowedValue('1px 2px rgba(0,0,0,0.5)'), true);
  assert.equal(isAllowedValue(16), true);
  assert.equal(isAllowedValue(NaN), false);
  assert.equal(isAllowedValue(null), false);
});

test('styleRules_statesAndVariants_toSelectors', () => {
  const rules = styleRules({
    base: { color: '#333', '::placeholder': { color: '#999' }, ':focus': { color: '#000' } },
    invalid: { color: 'red' },
    complete: { color: 'green' },
    focus: { 'font-weight': '600' },
  });
  assert.deepEqual(rules, [
    { selector: '.cv-input', declarations: [['color', '#333']] },
    { selector: '.cv-input::placeholder', declarations: [['color', '#999']] },
    { selector: '.cv-input:focus', declarations: [['color', '#000']] },
    { selector: '.cv-input:focus', declarations: [['font-weight', '600']] },
    { selector: '.cv-input.invalid', declarations: [['color', 'red']] },
    { selector: '.cv-input.complete', declarations: [['color', 'green']] },
  ]);
});

test('applyStyleRules_usesCssomSetProperty_notStyleText', () => {
  const inserted = [];
  const sheet = {
    cssRules: [],
    insertRule(text, index) {
      const style = { props: [], setProperty: (p, v) => style.props.push([p, v]) };
      inserted.push(text);
      this.cssRules.splice(index, 0, { style });
      return index;
    },
  };
  applyStyleRules(sheet, [{ selector: '.cv-input', declarations: [['color', '#333'], ['font-size', '16px']] }]);
  assert.deepEqual(inserted, ['.cv-input {}']);
  assert.deepEqual(sheet.cssRules[0].style.props, [['color', '#333'], ['font-size', '16px']]);
});
