/**
 * Correlates requests to the iframes with their results by request id, and
 * makes sure every promise settles: by result, by timeout, or by cancel.
 */
export function createPendingRequests(setTimer, clearTimer) {
  const schedule = setTimer || setTimeout;
  const unschedule = clearTimer || clearTimeout;
  const pending = {};

  function start(requestId, timeoutMs, onTimeout) {
    return new Promise(function (resolve, reject) {
      const timer = schedule(function () {
        delete pending[requestId];
        reject(onTimeout());
      }, timeoutMs);
      pending[requestId] = { resolve: resolve, reject: reject, timer: timer };
    });
  }

  function finish(requestId, ok, value) {
    const entry = pending[requestId];
    if (!entry) return false;
    delete pending[requestId];
    unschedule(entry.timer);
    if (ok) entry.resolve(value);
    else entry.reject(value);
    return true;
  }

  return {
    start: start,
    resolve: function (requestId, value) {
      return finish(requestId, true, value);
    },
    reject: function (requestId, error) {
      return finish(requestId, false, error);
    },
    has: function (requestId) {
      return Object.prototype.hasOwnProperty.call(pending, requestId);
    },
    rejectAll: function (makeError) {
      Object.keys(pending).forEach(function (id) {
        finish(id, false, makeError());
      });
    },
  };
}
