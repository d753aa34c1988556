/**
 * Encryption of card data with Google Tink AEAD (AES-256-GCM) under a keyset that is itself
 * encrypted by the operator's master key, and per-tenant HMAC fingerprints. Errors never say why
 * decryption failed, and nothing here logs key material or plaintext.
 */
package io.cardvault.crypto;
