/**
 * Token ids, validated card input, stored metadata and revealed cards; every toString is masked.
 */
package io.cardvault.tokens.entity;
