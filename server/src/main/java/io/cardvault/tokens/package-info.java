/**
 * The token vault: create, read metadata, delete (crypto-shred) and reveal for forwarding. The PAN,
 * expiry and holder name are stored only as Tink ciphertext bound to tenant and token id; the CVC
 * is never written to disk. Nothing here logs or returns the PAN or CVC except {@code reveal} to
 * the forwarding package.
 */
package io.cardvault.tokens;
