// Issue 15, defects 1-6 and 10-13: each test failed before its fix.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import cardBrands from '../src/shared/card-brands-data.js';
import { createBrandRules } from '../src/shared/brand-rules.js';
import { applyEdit } from '../src/shared/caret-edit.js';
import { numberFormatter } from '../src/shared/card-number.js';
import { sanitizeStyles } from '../src/shared/style-allowlist.js';
import { styleRules } from '../src/internal/style-rules.js';
import { createFields } from '../src/external/fields-group.js';
import { resolveColorScheme } from '../src/external/color-scheme.js';
import { createWorld, settle } from './fake-windows.mjs';
import { merchantPage } from './fake-dom.mjs';

const css = readFileSync(new URL('../src/internal/field.css', import.meta.url), 'utf8');
const rules = createBrandRules(cardBrands);
const MERCHANT = 'https://shop.example';
const VAULT = 'https://vault.example';

function block(selector) {
  const i = css.indexOf('\n' + selector + ' {');
  assert.ok(i !== -1, selector);
  return css.slice(i, css.indexOf('}', i));
}

function cssVar(scope, name) {
  return new RegExp(name + ':\\s*(#[0-9a-f]{6})').exec(block(scope))[1];
}

/** WCAG 2 contrast ratio of two #rrggbb colours. */
function contrast(a, b) {
  const lum = (hex) => {
    const [r, g, bl] = [1, 3, 5].map((i) => {
      const c = parseInt(hex.slice(i, i + 2), 16) / 255;
      return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * r + 0.7152 * g + 0.0722 * bl;
  };
  const [hi, lo] = [lum(a), lum(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
}

function group(options = {}, page) {
  const world = createWorld();
  const m = merchantPage(world, MERCHANT, VAULT, () => new Promise(() => {}));
  if (page) page(m.page);
  const g = world.run(m.page, () => createFields({ key: 'pk_test_abc', origin: VAULT, locale: 'en', ...options }, { win: m.page }));
  return { world, g, ...m };
}

test('defect1_darkPage_frameTakesTheDarkScheme_andStaysTransparent', async () => {
  assert.match(block(':root'), /color-scheme:\s*light/);
  assert.match(block(':root.cv-dark'), /color-scheme:\s*dark/);
  assert.match(block('html,\nbody'), /background:\s*transparent/);
  const win = (meta, prefersDark, computed = 'normal') => ({
    getComputedStyle: () => ({ colorScheme: computed }),
    matchMedia: () => ({ matches: prefersDark }),
    document: { querySelector: () => (meta === null ? null : { getAttribute: () => meta }) },
  });
  assert.equal(resolveColorScheme('auto', {}, win('dark', false)), 'dark');
  assert.equal(resolveColorScheme(undefined, {}, win('light dark', true)), 'dark');
  assert.equal(resolveColorScheme(undefined, {}, win('light dark', false)), 'light');
  assert.equal(resolveColorScheme(undefined, {}, win(null, true)), 'light');
  assert.equal(resolveColorScheme(undefined, {}, win(null, false, 'dark')), 'dark');
  assert.equal(resolveColorScheme('light', {}, win('dark', true)), 'light');
  const s = group({ colorScheme: 'dark' });
  s.world.run(s.page, () => s.g.create('number').mount('#n'));
  await settle();
  assert.equal(new URL(s.iframes.number.getAttribute('src')).searchParams.get('scheme'), 'dark');
  assert.equal(s.iframes.number.style.colorScheme, 'dark');
  assert.equal(s.iframes.number.style.background, 'transparent');
  assert.equal(s.frames.number.document.documentElement.className, 'cv-dark');
});

test('defect3_longPaste_notCutByMaxlength_beforeFormatting', async () => {
  const s = group();
  s.world.run(s.page, () => s.g.create('number').mount('#n'));
  await settle();
  const input = s.frames.number.document.getElementById('cv-input');
  assert.equal(input.getAttribute('maxlength'), null);
  const raw = '4111 - 1111 - 1111 - 1111';
  input.value = raw;
  input.selectionStart = raw.length;
  s.world.run(s.frames.number, () => input.fire('input', { inputType: 'insertFromPaste' }));
  assert.equal(input.value, '4111 1111 1111 1111');
});

test('defect5_visibleFocus', () => {
  assert.match(block('.cv-input:focus-visible,\n.cv-input:focus'), /outline:\s*2px solid/);
  assert.ok(contrast(cssVar(':root', '--cv-focus'), '#ffffff') >= 3);
  assert.ok(contrast(cssVar(':root.cv-dark', '--cv-focus'), '#1e1e1e') >= 3);
});

test('defect6_labelForContainer_andContainerClick_focusTheField', async () => {
  const listeners = [];
  const s = group({}, (page) => {
    page.document.addEventListener = (type, fn) => listeners.push(fn);
    page.document.removeEventListener = (type, fn) => listeners.splice(listeners.indexOf(fn), 1);
  });
  s.world.run(s.page, () => s.g.create('number').mount('#card-number'));
  await settle();
  const container = s.containers['#card-number'];
  container.id = 'card-number';
  let focused = 0;
  s.iframes.number.focus = () => focused++;
  const input = s.frames.number.document.getElementById('cv-input');
  const label = { getAttribute: (n) => (n === 'for' ? 'card-number' : null) };
  label.closest = () => label;
  s.world.run(s.page, () => listeners.forEach((fn) => fn({ target: label, preventDefault() {} })));
  await settle();
  assert.equal(focused, 1);
  assert.equal(s.frames.number.document.activeElement, input);
  s.frames.number.document.activeElement = null;
  s.world.run(s.page, () => listeners.forEach((fn) => fn({ target: container, preventDefault() {} })));
  await settle();
  assert.equal(focused, 2);
  assert.equal(s.frames.number.document.activeElement, input);
  const other = { getAttribute: () => 'elsewhere' };
  other.closest = () => other;
  s.world.run(s.page, () => listeners.forEach((fn) => fn({ target: other, preventDefault() {} })));
  assert.equal(focused, 2);
});

test('defect10_errorText_styleable_andAAContrast_onLightAndDarkPages', () => {
  const clean = sanitizeStyles({ error: { color: '#ffb4a9', fontSize: '14px', fontFamily: 'serif', background: 'red', '::placeholder': { color: 'red' } } }, () => {});
  assert.deepEqual(clean, { error: { color: '#ffb4a9', 'font-size': '14px', 'font-family': 'serif' } });
  assert.deepEqual(styleRules(clean), [{ selector: '.cv-error', declarations: [['color', '#ffb4a9'], ['font-size', '14px'], ['font-family', 'serif']] }]);
  assert.ok(contrast(cssVar(':root', '--cv-error'), '#ffffff') >= 4.5);
  assert.ok(contrast(cssVar(':root.cv-dark', '--cv-error'), '#1e1e1e') >= 4.5);
  assert.ok(contrast(cssVar(':root.cv-dark', '--cv-text'), '#1e1e1e') >= 4.5);
  assert.ok(contrast(cssVar(':root', '--cv-text'), '#ffffff') >= 4.5);
});

test('defect11_liveRegionInTheTree_andAriaRequired', async () => {
  assert.doesNotMatch(css, /\.cv-error:empty\s*{[^}]*display:\s*none/);
  const html = readFileSync(new URL('../src/internal/field.html', import.meta.url), 'utf8');
  assert.match(html, /id="cv-error"[^>]*aria-live="polite"/);
  const s = group();
  ['number', 'expiry', 'cvc', 'holderName'].forEach((f) => s.world.run(s.page, () => s.g.create(f).mount('#' + f)));
  await settle();
  const required = (f) => s.frames[f].document.getElementById('cv-input').getAttribute('aria-required');
  assert.deepEqual(['number', 'expiry', 'cvc', 'holderName'].map(required), ['true', 'true', 'true', null]);
});

test('defect12_errorLineAlwaysReserved_noLayoutJump', () => {
  assert.match(block('.cv-error'), /min-height:\s*1\.4em/);
  assert.match(block('.cv-error'), /line-height|font:\s*13px\/1\.4/);
});

test('defect13_visa19_groupedAs4_4_4_4_3', () => {
  const format = numberFormatter(rules);
  const nineteen = '4111111111111111' + '000';
  assert.equal(applyEdit({ previous: '', raw: nineteen, caret: 19, inputType: 'insertFromPaste' }, format).value, '4111 1111 1111 1111 000');
  assert.equal(format('4111111111111111').value, '4111 1111 1111 1111');
});
