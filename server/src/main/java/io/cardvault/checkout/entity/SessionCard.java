package io.cardvault.checkout.entity;

/** The only card data a session (and its callback) ever holds. */
public record SessionCard(String brand, String last4, int expiryMonth, int expiryYear) {}
