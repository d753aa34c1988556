package io.cardvault.checkout.entity;

import java.util.Optional;

/** A validated session request. */
public record NewSession(
        long amount,
        String currency,
        Optional<String> description,
        Optional<String> reference,
        String successUrl,
        String cancelUrl,
        Optional<String> callbackUrl) {}
