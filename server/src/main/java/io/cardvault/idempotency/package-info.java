/**
 * The one Idempotency-Key mechanism, for tokenizations and forwards: keyed digests of requests and
 * their results, kept 24 hours, forgotten when the token they are about is deleted.
 */
package io.cardvault.idempotency;
