/** The card number secret type and brand rules. toString never reveals digits. */
package io.cardvault.cards.entity;
