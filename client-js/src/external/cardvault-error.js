/**
 * What tokenize() and recollectCvc() reject with: a real Error (stack,
 * instanceof) that carries the documented, non-secret details.
 *  - code: a cardvault code from the error catalogue ('validation-error', 'timeout', ...)
 *  - type: the API's problem type URI when the API answered, else 'about:blank'
 *  - message: localized, from the catalogue; never server text
 *  - fields: hosted fields at fault; status and errors when the API answered
 */
export class CardVaultError extends Error {
  constructor(details) {
    super(details.message);
    this.name = 'CardVaultError';
    this.code = details.code;
    this.type = details.type || 'about:blank';
    this.fields = details.fields || [];
    if (details.status !== undefined) this.status = details.status;
    if (details.errors !== undefined) this.errors = details.errors;
  }
}
