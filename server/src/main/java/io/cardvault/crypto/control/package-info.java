/**
 * Tink AEAD, keyset wrapping under the master key, fingerprints. Errors never explain why
 * decryption failed; key material is never logged.
 */
package io.cardvault.crypto.control;
