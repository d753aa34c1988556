/**
 * The iframe's DOM: label, input and error element from field.html, given
 * the attributes of their field type (autocomplete, inputmode, aria-*), and
 * kept in step with the field state.
 */
import { FIELD_TYPES, defaultPlaceholder, fieldLabel } from '../shared/field-types.js';

/**
 * @param scheme 'light' | 'dark': the merchant page's colour scheme, so the frame stays transparent
 */
export function createFieldView(doc, field, locale, scheme) {
  const input = doc.getElementById('cv-input');
  const label = doc.getElementById('cv-label');
  const error = doc.getElementById('cv-error');
  const root = doc.getElementById('cv-root');
  const type = FIELD_TYPES[field];

  doc.documentElement.setAttribute('lang', locale);
  doc.documentElement.className = scheme === 'dark' ? 'cv-dark' : 'cv-light';
  doc.title = fieldLabel(field, locale);
  label.textContent = fieldLabel(field, locale);
  input.setAttribute('autocomplete', type.autocomplete);
  input.setAttribute('inputmode', type.inputmode);
  input.setAttribute('name', type.name);
  if (type.maxLength) input.setAttribute('maxlength', String(type.maxLength));
  if (type.required) input.setAttribute('aria-required', 'true');
  input.setAttribute('placeholder', defaultPlaceholder(field, locale));
  input.setAttribute('aria-describedby', error.id);
  input.setAttribute('aria-invalid', 'false');
  if (!type.freeText) {
    input.setAttribute('autocorrect', 'off');
    input.setAttribute('spellcheck', 'false');
    input.setAttribute('autocapitalize', 'off');
  }
  root.className = root.className + ' cv-field-' + field;

  function toggle(name, on) {
    const classes = input.className.split(/\s+/).filter(function (c) {
      return c && c !== name;
    });
    if (on) classes.push(name);
    input.className = classes.join(' ');
  }

  /** @param view {complete, valid, message (visible error or null)} */
  function render(view) {
    toggle('invalid', !!view.message);
    toggle('complete', !!view.complete && !view.message);
    toggle('valid', !!view.valid);
    input.setAttribute('aria-invalid', view.message ? 'true' : 'false');
    error.textContent = view.message || '';
  }

  function setValue(value, caret) {
    if (input.value !== value) input.value = value;
    if (typeof caret === 'number' && doc.activeElement === input && input.setSelectionRange) {
      try {
        input.setSelectionRange(caret, caret);
      } catch (e) {
        // input not focusable at this moment
      }
    }
  }

  return {
    input: input,
    render: render,
    setValue: setValue,
    setPlaceholder: function (text) {
      input.setAttribute('placeholder', text);
    },
    showErrors: function (on) {
      root.className = root.className.replace(/\s*cv-errors-hidden/g, '') + (on ? '' : ' cv-errors-hidden');
    },
    height: function () {
      return Math.ceil(root.offsetHeight || root.scrollHeight || 0);
    },
  };
}
