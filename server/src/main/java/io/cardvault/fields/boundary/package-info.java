/**
 * Servlets and filters of the browser side: hosted-field page headers and the demo merchant. The
 * demo backend holds token ids only, never card data.
 */
package io.cardvault.fields.boundary;
