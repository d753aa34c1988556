/** Entry point of field.js, the script of /fields/field.html. */
import cardBrands from '../shared/card-brands-data.js';
import { createBrandRules } from '../shared/brand-rules.js';
import { readFieldParams } from './field-params.js';
import { startField } from './field-controller.js';
import { reportLoadError } from './load-error-report.js';

const params = readFieldParams(window.location.search, window.location.hash);
const pageError = document.documentElement.getAttribute('data-cardvault-error');
if (pageError) {
  reportLoadError(window, pageError);
} else if (params) {
  startField(window, params, {
    rules: createBrandRules(cardBrands),
    now: function () {
      return new Date();
    },
  });
} else if (window.console && !/warm/.test(window.location.pathname)) {
  // warm.html (see external/warm-frame.js) runs this bundle without a field, on purpose
  window.console.error('cardvault: field.html needs ?key=pk_...&field=number|expiry|cvc|holderName and a #channel');
}
