/**
 * Server side of the browser experience: the security headers of the hosted-field pages (framing
 * allowed only for the tenant's origins) and the demo merchant (checkout config and a tiny backend
 * that pays through the forwarding endpoint). Card data never passes through here: the demo backend
 * only ever holds a token id.
 */
package io.cardvault.fields;
