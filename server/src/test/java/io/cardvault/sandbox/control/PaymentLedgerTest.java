package io.cardvault.sandbox.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cardvault.sandbox.entity.PaymentResult;
import io.cardvault.sandbox.entity.PaymentStatus;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PaymentLedgerTest {

    private static PaymentResult payment(String id) {
        return new PaymentResult(
                id, PaymentStatus.APPROVED, Optional.empty(), 201, 1000, "EUR", "visa", "1111");
    }

    @Test
    void find_recordedPayment_returnsIt() {
        PaymentLedger ledger = new PaymentLedger();
        ledger.record(payment("pay_a"));

        assertEquals("pay_a", ledger.find("pay_a").orElseThrow().id());
        assertTrue(ledger.find("pay_b").isEmpty());
    }

    @Test
    void record_beyondCapacity_dropsOldest() {
        PaymentLedger ledger = new PaymentLedger();
        for (int i = 0; i <= PaymentLedger.DEFAULT_CAPACITY; i++) {
            ledger.record(payment("pay_" + i));
        }

        assertEquals(PaymentLedger.DEFAULT_CAPACITY, ledger.size());
        assertTrue(ledger.find("pay_0").isEmpty());
        assertTrue(ledger.find("pay_1").isPresent());
        assertTrue(ledger.find("pay_" + PaymentLedger.DEFAULT_CAPACITY).isPresent());
    }
}
