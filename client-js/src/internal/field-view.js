/**
 * The iframe's DOM: label, input and error element from field.html, given
 * the attributes of their field type (autocomplete, inputmode, aria-*), and
 * kept in step with the field state.
 */
import { FIELD_TYPES, defaultPlaceholder, fieldLabel } from '../shared/field-types.js';
import { brandIconSvg } from './brand-icon.js';

/**
 * @param scheme 'light' | 'dark': the merchant page's colour scheme, so the frame stays transparent
 */
export function createFieldView(doc, field, locale, scheme) {
  const input = doc.getElementById('cv-input');
  const label = doc.getElementById('cv-label');
  const error = doc.getElementById('cv-error');
  const root = doc.getElementById('cv-root');
  const type = FIELD_TYPES[field];

  let placeholder = null;
  let currentLocale = locale;
  let icon = null;
  let iconBrand = null;

  doc.documentElement.className = scheme === 'dark' ? 'cv-dark' : 'cv-light';
  localize(locale);
  input.setAttribute('autocomplete', type.autocomplete);
  input.setAttribute('inputmode', type.inputmode);
  input.setAttribute('name', type.name);
  if (type.maxLength) input.setAttribute('maxlength', String(type.maxLength));
  if (type.required) input.setAttribute('aria-required', 'true');
  input.setAttribute('aria-describedby', error.id);
  input.setAttribute('aria-invalid', 'false');
  if (!type.freeText) {
    input.setAttribute('autocorrect', 'off');
    input.setAttribute('spellcheck', 'false');
    input.setAttribute('autocapitalize', 'off');
  }
  root.className = root.className + ' cv-field-' + field;

  /** Label, title and default placeholder in the locale (the merchant's placeholder wins). */
  function localize(next) {
    currentLocale = next;
    doc.documentElement.setAttribute('lang', next);
    doc.title = fieldLabel(field, next);
    label.textContent = fieldLabel(field, next);
    input.setAttribute('placeholder', placeholder !== null ? placeholder : defaultPlaceholder(field, next));
  }

  /** The brand icon of a brand-source field; on by default, off with showIcon(false). */
  function showIcon(on) {
    if (type.brand !== 'source' || typeof doc.createElement !== 'function' || typeof doc.createElementNS !== 'function') return;
    if (!on) {
      if (icon && icon.parentNode) icon.parentNode.removeChild(icon);
      icon = null;
      toggleRoot('cv-has-icon', false);
      return;
    }
    if (icon) return;
    icon = doc.createElement('span');
    icon.className = 'cv-icon';
    icon.setAttribute('aria-hidden', 'true');
    root.appendChild(icon);
    toggleRoot('cv-has-icon', true);
    const brand = iconBrand || 'unknown';
    iconBrand = null;
    setBrand(brand);
  }

  function setBrand(brand) {
    if (!icon) {
      iconBrand = brand;
      return;
    }
    if (iconBrand === brand) return;
    iconBrand = brand;
    while (icon.firstChild) icon.removeChild(icon.firstChild);
    icon.appendChild(brandIconSvg(doc, brand));
    icon.setAttribute('data-brand', brand);
  }

  function toggleRoot(name, on) {
    root.className = root.className.replace(new RegExp('\\s*' + name, 'g'), '') + (on ? ' ' + name : '');
  }

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
      placeholder = text;
      input.setAttribute('placeholder', text);
    },
    localize: function (next) {
      if (next !== currentLocale) localize(next);
    },
    showIcon: showIcon,
    setBrand: setBrand,
    showErrors: function (on) {
      root.className = root.className.replace(/\s*cv-errors-hidden/g, '') + (on ? '' : ' cv-errors-hidden');
    },
    height: function () {
      return Math.ceil(root.offsetHeight || root.scrollHeight || 0);
    },
  };
}
