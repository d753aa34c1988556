/**
 * The HTTP side of the proxy: which request and response headers pass, the HTTP client, response
 * redaction, and the per-tenant concurrency permits. Opens connections only to a destination that
 * the egress policy has already checked.
 */
package io.cardvault.forwarding.http;
