/**
 * Where a request may go: URL normalisation, destination patterns, address classes and the SSRF
 * policy. Used by forwarding and by anything else that calls out. Depends on no other feature but
 * the platform.
 */
package io.cardvault.egress;
