/** The tokens API. Responses carry masked metadata only, never the PAN or CVC. */
package io.cardvault.tokens.boundary;
