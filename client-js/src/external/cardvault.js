/**
 * Entry point of cardvault.js: exposes window.CardVault. The cardvault
 * origin is taken from this script's own src while it is being executed.
 */
import { CardVaultError } from './cardvault-error.js';
import { createFields } from './fields-group.js';
import { currentScriptOrigin } from './script-origin.js';
import { warmFrames } from './warm-frame.js';
import { isInsecurePage } from './load-watch.js';
import { resolveLocale } from '../shared/locales.js';

const scriptOrigin = currentScriptOrigin(typeof document !== 'undefined' ? document : null);
// nothing is framed on an insecure page (mount() reports insecure-page)
if (scriptOrigin && !isInsecurePage(window)) {
  warmFrames(window, scriptOrigin, resolveLocale(undefined, window.navigator.language));
}

window.CardVault = Object.freeze({
  version: '0.1.0',
  CardVaultError: CardVaultError,
  fields: function (options) {
    return createFields(options, { win: window, scriptOrigin: scriptOrigin });
  },
});
