/**
 * Merchants (tenants), their API keys and their settings: which origins may frame the hosted fields
 * and which destinations forwards may reach. Keys are shown once and stored only as SHA-256 hashes;
 * nothing here logs a key.
 */
package io.cardvault.tenants;
