/**
 * The pure logic of the forwarding proxy: placeholder parsing and rendering per content type,
 * destination allow-listing (URL normalisation, pattern matching, address classification),
 * request/response header rules and response redaction.
 *
 * <p>This package never logs, never puts card data (PAN, CVC, holder name) or the destination query
 * into exception messages, and never opens a network connection itself: DNS resolution is injected
 * so that everything here is unit-testable without a container or a network.
 */
package io.cardvault.forwarding.control;
