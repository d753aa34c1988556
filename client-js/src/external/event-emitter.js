/** A minimal emitter for the merchant-facing events; handler errors do not break the fields. */
export const PUBLIC_EVENTS = ['change', 'focus', 'blur', 'ready', 'brand', 'enter', 'loaderror'];

export function createEmitter() {
  const handlers = {};
  PUBLIC_EVENTS.forEach(function (name) {
    handlers[name] = [];
  });

  function check(name, handler) {
    if (PUBLIC_EVENTS.indexOf(name) === -1) throw new TypeError('cardvault: unknown event "' + name + '"');
    if (typeof handler !== 'function') throw new TypeError('cardvault: handler must be a function');
  }

  return {
    on: function (name, handler) {
      check(name, handler);
      handlers[name].push(handler);
    },
    off: function (name, handler) {
      check(name, handler);
      handlers[name] = handlers[name].filter(function (h) {
        return h !== handler;
      });
    },
    emit: function (name, event) {
      handlers[name].slice().forEach(function (handler) {
        try {
          handler(event);
        } catch (e) {
          if (typeof console !== 'undefined' && console.error) console.error(e);
        }
      });
    },
  };
}
