/** The forwarding and audit endpoints. Every error made here carries x-cardvault-error. */
package io.cardvault.forwarding.boundary;
