/**
 * Tells within 5 s why a field could not load, instead of silence and a
 * `timeout` at tokenize(). The frame did not say `ready`:
 *  - the page is not a secure context -> insecure-page (at once, nothing is framed);
 *  - the frame itself reported a load error (the server's error page for an
 *    unknown key runs field.js and says invalid-key) -> that code;
 *  - no `load` within the limit, or a probe of the cardvault origin fails
 *    -> unreachable;
 *  - the frame loaded and the origin answers, but the frame stays silent:
 *    the browser refused to render it (frame-ancestors) -> origin-not-allowed.
 */
import { LoadErrorCode } from '../shared/error-catalogue.js';

export const LOAD_LIMIT_MS = 4500;
export const SILENT_AFTER_LOAD_MS = 1500;
const PROBE_LIMIT_MS = 1000;

/**
 * @param options {win, origin, onError(code), setTimer?, clearTimer?}
 * @returns {loaded(), ready(), stop()}
 */
export function createLoadWatch(options) {
  const win = options.win;
  const schedule = options.setTimer || setTimeout;
  const unschedule = options.clearTimer || clearTimeout;
  let done = false;
  let silentTimer = null;
  const limitTimer = schedule(function () {
    fail(LoadErrorCode.UNREACHABLE);
  }, LOAD_LIMIT_MS);

  function stop() {
    done = true;
    unschedule(limitTimer);
    if (silentTimer) unschedule(silentTimer);
  }

  function fail(code) {
    if (done) return;
    stop();
    options.onError(code);
  }

  /** A no-cors GET of a static asset: it settles when the origin answers at all. */
  function probe() {
    if (done) return;
    if (typeof win.fetch !== 'function') {
      fail(LoadErrorCode.ORIGIN_NOT_ALLOWED);
      return;
    }
    schedule(function () {
      fail(LoadErrorCode.UNREACHABLE);
    }, PROBE_LIMIT_MS);
    win
      .fetch(options.origin + '/fields/field.css', { mode: 'no-cors', credentials: 'omit', cache: 'no-store' })
      .then(
        function () {
          fail(LoadErrorCode.ORIGIN_NOT_ALLOWED);
        },
        function () {
          fail(LoadErrorCode.UNREACHABLE);
        },
      );
  }

  return {
    loaded: function () {
      if (done || silentTimer) return;
      silentTimer = schedule(probe, SILENT_AFTER_LOAD_MS);
    },
    ready: stop,
    failed: fail,
    stop: stop,
  };
}

/** Card data belongs on secure pages only (https, or localhost while developing). */
export function isInsecurePage(win) {
  return win.isSecureContext === false;
}
