/**
 * Checkout sessions for merchants without a page of their own: the session API, the hosted payment
 * page built from the hosted fields, and signed callbacks delivered from a database outbox by one
 * node at a time. Never stores or sends card data beyond brand, last 4 and expiry.
 */
package io.cardvault.checkout;
