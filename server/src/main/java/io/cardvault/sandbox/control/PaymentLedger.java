package io.cardvault.sandbox.control;

import io.cardvault.sandbox.entity.PaymentResult;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The last payments by id, in memory, so {@code GET /payments/{id}} can answer. Bounded so a
 * long-running demo cannot grow without limit; holds {@link PaymentResult}s, which carry no card
 * data beyond brand and last four digits.
 */
public class PaymentLedger {

    public static final int DEFAULT_CAPACITY = 1_000;

    private final Map<String, PaymentResult> payments;

    public PaymentLedger() {
        this(DEFAULT_CAPACITY);
    }

    public PaymentLedger(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be positive");
        }
        this.payments =
                new LinkedHashMap<>(16, 0.75f, false) {
                    private static final long serialVersionUID = 1L;

                    @Override
                    protected boolean removeEldestEntry(Map.Entry<String, PaymentResult> eldest) {
                        return size() > capacity;
                    }
                };
    }

    public synchronized void record(PaymentResult payment) {
        payments.put(payment.id(), payment);
    }

    public synchronized Optional<PaymentResult> find(String id) {
        return Optional.ofNullable(payments.get(id));
    }

    public synchronized int size() {
        return payments.size();
    }
}
