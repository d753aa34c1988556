// Window fakes for the messaging tests. postMessage delivers asynchronously
// (like browsers), only when targetOrigin matches the receiver's origin, and
// the event carries the sender's origin and window. The sender is the window
// whose code is running: the one handling an event, or the one named in
// world.run() - tracked with AsyncLocalStorage so it survives promise
// continuations (a fetch answer arriving later still "runs in" its frame).
import { AsyncLocalStorage } from 'node:async_hooks';

export function createWorld() {
  const running = new AsyncLocalStorage();
  const world = {
    windows: [],
    window(origin, extra = {}) {
      const listeners = [];
      const win = {
        name: extra.name || origin,
        location: { origin, ancestorOrigins: extra.ancestorOrigins },
        document: { referrer: extra.referrer || '' },
        frames: [],
        parent: null,
        posted: [],
        addEventListener(type, fn) {
          if (type === 'message') listeners.push(fn);
        },
        removeEventListener(type, fn) {
          const i = listeners.indexOf(fn);
          if (i !== -1) listeners.splice(i, 1);
        },
        postMessage(data, targetOrigin) {
          if (typeof targetOrigin !== 'string') throw new TypeError('targetOrigin required');
          const sender = running.getStore() || null;
          win.posted.push({ data, targetOrigin, sender });
          if (targetOrigin !== '*' && targetOrigin !== origin) return;
          const event = { data: structuredClone(data), origin: sender ? sender.location.origin : 'null', source: sender };
          queueMicrotask(() => world.dispatch(win, event));
        },
        listenerCount: () => listeners.length,
        _listeners: listeners,
      };
      win.parent = win;
      world.windows.push(win);
      return win;
    },
    dispatch(win, event) {
      running.run(win, () => win._listeners.slice().forEach((fn) => fn(event)));
    },
    run(win, fn) {
      return running.run(win, fn);
    },
    frame(page, origin, extra = {}) {
      const child = world.window(origin, { ancestorOrigins: [page.location.origin], ...extra });
      child.parent = page;
      page.frames.push(child);
      return child;
    },
  };
  return world;
}

export const settle = () => new Promise((resolve) => setTimeout(resolve, 0));
