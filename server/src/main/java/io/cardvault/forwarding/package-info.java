/**
 * The compliance proxy: merchant requests with placeholders are filled from the vault and sent to
 * allow-listed destinations; answers are redacted and relayed, every attempt audited. Never logs or
 * audits bodies, queries or header values.
 */
package io.cardvault.forwarding;
