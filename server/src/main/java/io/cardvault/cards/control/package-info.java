/** Card rules: Luhn, brand detection from card-brands.json, expiry. Pure functions. */
package io.cardvault.cards.control;
