/**
 * Card rules: the {@link io.cardvault.cards.entity.CardNumber} secret type, Luhn, brand detection
 * from {@code card-brands.json} (shared with the hosted fields) and expiry rules. Pure functions,
 * no I/O besides reading the brand file; nothing here ever logs or prints card data.
 */
package io.cardvault.cards;
