/**
 * Rules of the browser side that need no HTTP: which page origins may use a tenant's publishable
 * key. Pure; never sees card data.
 */
package io.cardvault.fields.control;
