/**
 * Idempotency rules and their store. Never stores a request, only its keyed digest; results that
 * could hold card data are stored encrypted and masked by their owner feature.
 */
package io.cardvault.idempotency.control;
