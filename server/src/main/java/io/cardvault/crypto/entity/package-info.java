/**
 * Value types and problem codes of the key hierarchy. Nothing here holds key material or card data.
 */
package io.cardvault.crypto.entity;
