/**
 * Tells within 5 s why a field could not load, instead of silence and a
 * `timeout` at tokenize(). The frame did not say `ready`:
 *  - the page is not a secure context -> insecure-page (at once, nothing is framed);
 *  - the frame itself reported a load error (the server's error page for an
 *    unknown key runs field.js and says invalid-key) -> that code;
 *  - a probe of the cardvault origin fails (run when the frame is silent
 *    after `load`, or has not loaded within the limit) -> unreachable; a
 *    frame that is merely slow to load while the origin answers is left alone;
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
    probe(false);
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

  /**
   * A no-cors GET of a static asset: it settles when the origin answers at all.
   * @param afterLoad true: the frame loaded and stayed silent, so an answer means it was refused;
   *        false: it has not loaded yet, so an answer means it is only slow (nothing to report)
   */
  function probe(afterLoad) {
    if (done) return;
    if (typeof win.fetch !== 'function') {
      if (afterLoad) fail(LoadErrorCode.ORIGIN_NOT_ALLOWED);
      return;
    }
    let settled = false;
    function settle(code) {
      if (settled) return;
      settled = true;
      unschedule(timer);
      if (code) fail(code);
    }
    const timer = schedule(function () {
      settle(LoadErrorCode.UNREACHABLE);
    }, PROBE_LIMIT_MS);
    win
      .fetch(options.origin + '/fields/field.css', { mode: 'no-cors', credentials: 'omit', cache: 'no-store' })
      .then(
        function () {
          settle(afterLoad ? LoadErrorCode.ORIGIN_NOT_ALLOWED : null);
        },
        function () {
          settle(LoadErrorCode.UNREACHABLE);
        },
      );
  }

  return {
    loaded: function () {
      if (done || silentTimer) return;
      silentTimer = schedule(function () {
        probe(true);
      }, SILENT_AFTER_LOAD_MS);
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
