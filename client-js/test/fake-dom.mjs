// Just enough DOM for the field page (field.html's elements) and for the
// merchant page (a container and iframes), driven by the window fakes.
import cardBrands from '../src/shared/card-brands-data.js';
import { createBrandRules } from '../src/shared/brand-rules.js';
import { startField } from '../src/internal/field-controller.js';
import { readFieldParams } from '../src/internal/field-params.js';

function element(tag, doc) {
  const listeners = {};
  const attributes = {};
  const el = {
    tagName: tag.toUpperCase(),
    id: '',
    className: '',
    textContent: '',
    value: '',
    selectionStart: 0,
    style: {},
    children: [],
    parentNode: null,
    offsetHeight: 0,
    setAttribute(name, value) {
      attributes[name] = String(value);
      if (name === 'id') el.id = String(value);
    },
    getAttribute: (name) => (name in attributes ? attributes[name] : null),
    addEventListener(type, fn) {
      (listeners[type] = listeners[type] || []).push(fn);
    },
    fire(type, event = {}) {
      const e = { type, preventDefault() {}, ...event };
      (listeners[type] || []).slice().forEach((fn) => fn(e));
      return e;
    },
    setSelectionRange(a) {
      el.selectionStart = a;
    },
    focus() {
      doc.activeElement = el;
      el.fire('focus');
    },
    blur() {
      doc.activeElement = null;
      el.fire('blur');
    },
    appendChild(child) {
      child.parentNode = el;
      el.children.push(child);
      if (doc.onAppend) doc.onAppend(child);
      return child;
    },
    removeChild(child) {
      el.children.splice(el.children.indexOf(child), 1);
      child.parentNode = null;
      if (doc.onRemove) doc.onRemove(child);
    },
    get firstChild() {
      return el.children[0] || null;
    },
  };
  return el;
}

export function fieldDocument() {
  const doc = { title: '', activeElement: null, styleSheets: [] };
  doc.documentElement = element('html', doc);
  const byId = {};
  ['cv-root', 'cv-label', 'cv-input', 'cv-error'].forEach((id) => {
    byId[id] = element(id === 'cv-input' ? 'input' : 'div', doc);
    byId[id].id = id;
  });
  byId['cv-root'].offsetHeight = 40;
  doc.getElementById = (id) => byId[id] || null;
  doc.createElement = (tag) => element(tag, doc);
  doc.createElementNS = (ns, tag) => element(tag, doc);
  doc.head = element('head', doc);
  // only the selector font-links.js uses: link[data-cv-font="<href>"]
  doc.querySelector = (selector) => {
    const m = /^link\[data-cv-font="(.*)"\]$/.exec(selector);
    return (m && doc.head.children.find((c) => c.getAttribute('data-cv-font') === m[1])) || null;
  };
  return doc;
}

/**
 * A merchant page whose iframes boot the real field code in fake frames.
 * @returns {page, frames: {field: frameWindow}, iframes: {field: iframeElement}}
 */
export function merchantPage(world, merchantOrigin, vaultOrigin, fetchFn, now, boots = () => true) {
  const page = world.window(merchantOrigin);
  page.navigator = { language: 'en-US' };
  const doc = { activeElement: null };
  page.document = doc;
  const containers = {};
  const frames = {};
  const iframes = {};
  doc.querySelector = (selector) => (containers[selector] = containers[selector] || element('div', doc));
  doc.createElement = (tag) => element(tag, doc);
  // a removed iframe's window is gone, as in a browser: no longer a frame of the page, deaf to messages
  doc.onRemove = (iframe) => {
    const frame = iframe.contentWindow;
    if (!frame) return;
    page.frames.splice(page.frames.indexOf(frame), 1);
    frame._listeners.length = 0;
  };
  doc.onAppend = (iframe) => {
    const src = iframe.getAttribute('src');
    const url = new URL(src);
    const frame = world.frame(page, url.origin, { ancestorOrigins: [merchantOrigin] });
    frame.location.search = url.search;
    frame.location.hash = url.hash;
    frame.document = fieldDocument();
    iframe.contentWindow = frame;
    const field = url.searchParams.get('field');
    frames[field] = frame;
    iframes[field] = iframe;
    if (boots(field, frame)) world.run(frame, () =>
      startField(frame, readFieldParams(url.search, url.hash), {
        rules: createBrandRules(cardBrands),
        now: now || (() => new Date(2027, 5, 15)),
        fetchFn,
      }),
    );
    queueMicrotask(() => world.run(page, () => iframe.fire('load')));
  };
  return { page, frames, iframes, containers };
}

/** Types text into a field iframe's input at the end, one character at a time. */
export function typeInto(world, frame, text) {
  const input = frame.document.getElementById('cv-input');
  world.run(frame, () => {
    input.focus();
    for (const c of text) {
      input.value = input.value + c;
      input.selectionStart = input.value.length;
      input.fire('input', { inputType: 'insertText' });
    }
  });
}

export function pressKey(world, frame, key) {
  const input = frame.document.getElementById('cv-input');
  return world.run(frame, () => input.fire('keydown', { key }));
}

export function blurField(world, frame) {
  world.run(frame, () => frame.document.getElementById('cv-input').blur());
}
