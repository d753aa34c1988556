/**
 * What tokenize() and recollectCvc() reject with: a real Error (stack,
 * instanceof Error and instanceof CardVaultError) that carries the
 * documented, non-secret details.
 *  - code: a cardvault code from the error catalogue ('validation-error', 'timeout', ...)
 *  - type: the API's problem type URI when the API answered, else 'about:blank'
 *  - message: localized, from the catalogue; never server text
 *  - fields: hosted fields at fault; status and errors when the API answered
 *
 * It extends Error through the prototype chain rather than `class` syntax:
 * esbuild cannot lower classes below ES2015 and HtmlUnit's engine (the
 * demo page tests) has no classes, so this is what "class CardVaultError
 * extends Error" compiles to by hand.
 */
export function CardVaultError(details) {
  const error = new Error(details.message);
  Object.setPrototypeOf(error, CardVaultError.prototype);
  error.code = details.code;
  error.type = details.type || 'about:blank';
  error.fields = details.fields || [];
  if (details.status !== undefined) error.status = details.status;
  if (details.errors !== undefined) error.errors = details.errors;
  return error;
}

CardVaultError.prototype = Object.create(Error.prototype, {
  constructor: { value: CardVaultError, writable: true, configurable: true },
  name: { value: 'CardVaultError', writable: true, configurable: true },
});
Object.setPrototypeOf(CardVaultError, Error);
