/**
 * Keeps the view and the merchant page in step with the field model: renders
 * the state, and reports change, brand and height to the merchant page (only
 * after `configure`, and only when something changed). A brand-source field
 * also tells its siblings the brand.
 */
import { errorMessage } from '../shared/error-catalogue.js';
import { FIELD_TYPES } from '../shared/field-types.js';
import { MessageType } from '../shared/message-types.js';
import { brandPayload, changePayload, resizePayload } from './outgoing-messages.js';

/**
 * @param s the field session {field, locale, model, view, parent, siblings, configured}
 */
export function createStateReporter(s) {
  const isBrandSource = FIELD_TYPES[s.field].brand === 'source';
  let lastChange = '';
  let lastBrand = 'unknown';
  let lastHeight = -1;

  function currentChange() {
    return changePayload(s.field, s.model.state(), s.model.visibleCode(), s.locale);
  }

  function reportHeight() {
    // before `configure` nothing is reported: do not force a layout for nothing (during the
    // script's first run, a layout before the style sheets and the configuration are applied)
    if (!s.configured) return;
    const height = s.view.height();
    if (height === lastHeight) return;
    lastHeight = height;
    s.parent.send(MessageType.RESIZE, resizePayload(s.field, height));
  }

  function refresh() {
    const state = s.model.state();
    const code = s.model.visibleCode();
    s.view.render({ complete: state.complete, valid: state.valid, message: code ? errorMessage(code, s.locale) : null });
    const change = currentChange();
    const changeKey = JSON.stringify(change);
    if (s.configured && changeKey !== lastChange) {
      lastChange = changeKey;
      s.parent.send(MessageType.CHANGE, change);
    }
    if (isBrandSource && state.brand !== lastBrand) {
      lastBrand = state.brand;
      s.view.setBrand(lastBrand);
      if (s.configured) s.parent.send(MessageType.BRAND, brandPayload(lastBrand));
      s.siblings.broadcast(MessageType.SIBLING_BRAND, { brand: lastBrand });
    }
    reportHeight();
  }

  return {
    refresh: refresh,
    reportHeight: reportHeight,
    /** The state as of `ready`: the merchant hears of changes after it, not of it. */
    baseline: function () {
      lastChange = JSON.stringify(currentChange());
    },
    brand: function () {
      return lastBrand;
    },
  };
}
