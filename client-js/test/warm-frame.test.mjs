import { test } from 'node:test';
import assert from 'node:assert/strict';
import { warmFrames } from '../src/external/warm-frame.js';

function fakeDocument(withBody) {
  const listeners = {};
  const appended = [];
  const doc = {
    body: withBody ? { appendChild: (el) => appended.push(el) } : null,
    createElement: (tag) => ({ tag, style: {}, attributes: {}, setAttribute(k, v) { this.attributes[k] = v; } }),
    addEventListener: (name, fn) => { listeners[name] = fn; },
  };
  return { doc, appended, listeners };
}

test('warmFrames_bodyPresent_addsOneHiddenKeylessFrameAtOnce', () => {
  const { doc, appended } = fakeDocument(true);
  warmFrames({ document: doc }, 'https://vault.example', 'de');
  assert.equal(appended.length, 1);
  const frame = appended[0];
  assert.equal(frame.tag, 'iframe');
  assert.equal(frame.src, 'https://vault.example/fields/warm.html?locale=de');
  assert.ok(!/key=|pk_/.test(frame.src), 'no key in the warm-up frame');
  assert.equal(frame.style.display, 'none');
  assert.equal(frame.tabIndex, -1);
  assert.equal(frame.attributes['aria-hidden'], 'true');
  assert.ok(frame.title);
});

test('warmFrames_scriptInHead_waitsForTheBody', () => {
  const { doc, appended, listeners } = fakeDocument(false);
  warmFrames({ document: doc }, 'https://vault.example', 'en');
  assert.equal(appended.length, 0);
  doc.body = { appendChild: (el) => appended.push(el) };
  listeners.DOMContentLoaded();
  assert.equal(appended.length, 1);
});
