/**
 * The vault: validation, encrypted storage, CVC store, idempotency, rate limits. Never logs card
 * data.
 */
package io.cardvault.tokens.control;
