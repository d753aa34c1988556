package io.cardvault.sandbox.boundary;

import io.cardvault.platform.control.JsonFactories;
import io.cardvault.sandbox.entity.PaymentResult;
import jakarta.json.JsonObjectBuilder;

/**
 * The sandbox's wire format: {@code {"id","status","amount","currency","card":{"brand","last4"},
 * "declineCode"?}} for payments and {@code {"error":{"code","message"}}} for errors. Built from
 * {@link PaymentResult} only, so no number or CVC can reach a response.
 */
final class PaymentJson {

    private PaymentJson() {}

    static String payment(PaymentResult p) {
        JsonObjectBuilder json =
                JsonFactories.objectBuilder()
                        .add("id", p.id())
                        .add("status", p.status().wireName())
                        .add("amount", p.amount())
                        .add("currency", p.currency())
                        .add(
                                "card",
                                JsonFactories.objectBuilder()
                                        .add("brand", p.brand())
                                        .add("last4", p.last4()));
        p.declineCode().ifPresent(code -> json.add("declineCode", code.wireName()));
        return json.build().toString();
    }

    static String error(String code, String message) {
        return JsonFactories.objectBuilder()
                .add(
                        "error",
                        JsonFactories.objectBuilder().add("code", code).add("message", message))
                .build()
                .toString();
    }
}
