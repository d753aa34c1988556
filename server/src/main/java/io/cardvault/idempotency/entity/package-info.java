/** The idempotency key value type and the problems of Idempotency-Key handling. */
package io.cardvault.idempotency.entity;
