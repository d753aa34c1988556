/**
 * Server side of the hosted fields: the security headers of the iframe pages (framing allowed only
 * for the tenant's origins). Card data never passes through here.
 */
package io.cardvault.fields;
