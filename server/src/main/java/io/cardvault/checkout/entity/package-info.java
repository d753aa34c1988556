/** Checkout value types and problem codes; no logic that needs a container or the database. */
package io.cardvault.checkout.entity;
