/**
 * The shopper's side: input, Enter, focus and blur on the iframe's input,
 * turned into model edits and merchant events. The merchant learns that
 * something happened, never what was typed.
 */
import { MessageType } from '../shared/message-types.js';
import { fieldPayload } from './outgoing-messages.js';

/**
 * @param s the field session {win, field, model, view, parent, configured}
 * @param reporter createStateReporter(s)
 */
export function bindInputEvents(s, reporter) {
  const input = s.view.input;

  function tell(type) {
    if (s.configured) s.parent.send(type, fieldPayload(s.field));
  }

  input.addEventListener('input', function (event) {
    const result = s.model.edit({ raw: input.value, caret: input.selectionStart, inputType: event.inputType });
    s.view.setValue(result.value, result.caret);
    reporter.refresh();
  });
  input.addEventListener('keydown', function (event) {
    if (event.key === 'Enter' || event.keyCode === 13) {
      event.preventDefault();
      tell(MessageType.ENTER);
    }
  });
  input.addEventListener('focus', function () {
    tell(MessageType.FOCUS);
  });
  input.addEventListener('blur', function () {
    s.model.blur();
    reporter.refresh();
    tell(MessageType.BLUR);
  });
  s.win.addEventListener('resize', reporter.reportHeight);
  // the merchant page focused the iframe element (label click, field.focus()): the input takes it
  s.win.addEventListener('focus', function () {
    if (s.win.document.activeElement !== input) input.focus();
  });
}
