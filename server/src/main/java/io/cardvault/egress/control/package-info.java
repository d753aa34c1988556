/**
 * The egress policy: resolve, classify and check a destination against a tenant's patterns. DNS is
 * injected, so nothing here touches the network in tests. Errors never reveal what a name resolved
 * to.
 */
package io.cardvault.egress.control;
