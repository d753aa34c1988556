/**
 * Session validation, storage with once-only completion, the callback outbox, its signer and its
 * delivery worker. Never puts a callback body into a log or a delivery record.
 */
package io.cardvault.checkout.control;
