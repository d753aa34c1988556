// Web fonts (issue 15): the merchant's `fonts` option becomes <link rel=stylesheet> elements
// in every frame, for https URLs only; the frame's CSP then admits only the tenant's
// registered stylesheets (server side, FieldsPageFilter / FontSources).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createFields } from '../src/external/fields-group.js';
import { isFontCssUrl } from '../src/internal/font-links.js';
import { createWorld, settle } from './fake-windows.mjs';
import { merchantPage } from './fake-dom.mjs';

const MERCHANT = 'https://shop.example';
const VAULT = 'https://vault.example';
const INTER = 'https://fonts.googleapis.com/css2?family=Inter';

function setup(options) {
  const world = createWorld();
  const m = merchantPage(world, MERCHANT, VAULT, undefined);
  const group = world.run(m.page, () => createFields({ key: 'pk_test_abc', origin: VAULT, locale: 'en', ...options }, { win: m.page }));
  ['number', 'cvc'].forEach((f) => world.run(m.page, () => group.create(f).mount('#card-' + f)));
  return { world, group, ...m };
}

const links = (frame) => frame.document.head.children.filter((c) => c.tagName === 'LINK').map((c) => c.rel + ' ' + c.href);

test('isFontCssUrl_httpsOrLocalhostOnly', () => {
  for (const ok of [INTER, 'https://fonts.example/a.css', 'http://127.0.0.1:8080/f.css', 'http://localhost/f.css']) {
    assert.equal(isFontCssUrl(ok), true, ok);
  }
  for (const bad of [
    'http://fonts.example/a.css',
    'javascript:alert(1)',
    'data:text/css,body{}',
    '//fonts.example/a.css',
    'https://fonts.example/a".css',
    "https://fonts.example/a'.css",
    'https://fonts.example/a b.css',
    'https://fonts.example/<a>',
    'https://fonts.example/' + 'a'.repeat(500),
    'http://localhost.evil.example/a.css',
    '',
    undefined,
    42,
  ]) {
    assert.equal(isFontCssUrl(bad), false, String(bad));
  }
});

test('fontsOption_linksEachHttpsStylesheetInEveryFrame_dropsTheRest', async () => {
  const s = setup({ fonts: [{ cssSrc: INTER }, { cssSrc: 'javascript:alert(1)' }, { cssSrc: 42 }, 'https://x.example/a.css', null] });
  await settle();
  for (const f of ['number', 'cvc']) assert.deepEqual(links(s.frames[f]), ['stylesheet ' + INTER], f);
});

test('update_addsNewFonts_neverDuplicates', async () => {
  const s = setup({ fonts: [{ cssSrc: INTER }] });
  await settle();
  s.world.run(s.page, () => s.group.update({ fonts: [{ cssSrc: INTER }, { cssSrc: 'https://fonts.example/b.css' }] }));
  await settle();
  assert.deepEqual(links(s.frames.number), ['stylesheet ' + INTER, 'stylesheet https://fonts.example/b.css']);
});

test('noFontsOption_noLink', async () => {
  const s = setup({});
  await settle();
  assert.deepEqual(links(s.frames.number), []);
});
