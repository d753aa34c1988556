/**
 * The forward flow: read the control headers once into a {@link
 * io.cardvault.forwarding.control.ForwardAttempt}, reserve the idempotency key, check the
 * destination, reveal the card, render, call the destination through {@code forwarding.http},
 * redact, relay, and audit every attempt.
 *
 * <p>The only package that reads revealed card data. It never logs or audits bodies, queries or
 * header values, and never puts card data into exception messages.
 */
package io.cardvault.forwarding.control;
