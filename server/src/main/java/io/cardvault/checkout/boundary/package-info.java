/**
 * The session API ({@code /api/v1/checkout-sessions}), the hosted page ({@code /pay/<id>}) and the
 * endpoint that page completes its session through. Never logs request bodies.
 */
package io.cardvault.checkout.boundary;
