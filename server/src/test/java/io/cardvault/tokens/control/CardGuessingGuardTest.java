package io.cardvault.tokens.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cardvault.platform.entity.ProblemException;
import io.cardvault.tenants.entity.TenantId;
import io.cardvault.testing.VaultFixture;
import io.cardvault.tokens.entity.StoredToken;
import io.cardvault.tokens.entity.TokenProblem;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 10 #1: the fingerprint oracle. A key holder knows a stored card's BIN, last 4 and
 * fingerprint and tokenizes Luhn-valid guesses for the six middle digits, comparing fingerprints.
 * With default settings, 10,000 tries get nowhere.
 */
class CardGuessingGuardTest {

    private static final TenantId TENANT = new TenantId("44444444-4444-4444-8444-444444444444");
    private static final String TARGET = "4012888888881881"; // a standard Visa test number

    @TempDir Path dataDir;

    private VaultFixture fixture;

    @AfterEach
    void close() {
        if (fixture != null) {
            fixture.close();
        }
    }

    @Test
    void bruteForce_10000Guesses_defaultSettings_getsNowhere() {
        fixture = new VaultFixture(dataDir, Base64.getEncoder().encodeToString(new byte[32]), null);
        StoredToken target = fixture.tokenize(TENANT, TARGET);

        List<String> guesses = luhnValidMiddles("401288", "1881");
        Collections.shuffle(guesses, new Random(7));
        int accepted = 0;
        int refused = 0;
        boolean found = false;
        long start = System.nanoTime();
        for (String guess : guesses.subList(0, 10_000)) {
            try {
                StoredToken t = fixture.tokenize(TENANT, guess);
                accepted++;
                found |= t.fingerprint().equals(target.fingerprint());
            } catch (ProblemException e) {
                assertEquals(TokenProblem.CARD_GUESSING_SUSPECTED, e.type());
                assertEquals(429, e.type().status());
                refused++;
            }
        }
        System.out.printf(
                "brute force: %d accepted, %d refused in %.1f s%n",
                accepted, refused, (System.nanoTime() - start) / 1e9);
        assertTrue(accepted <= 9, "at most the hourly budget minus the stored card: " + accepted);
        assertEquals(10_000 - accepted, refused);
        assertTrue(!found, "the stored card was not found");
    }

    @Test
    void publicTestCard_isNeverRefused() {
        fixture = new VaultFixture(dataDir, Base64.getEncoder().encodeToString(new byte[32]), null);
        for (int i = 0; i < 30; i++) {
            fixture.tokenize(TENANT, "4111111111111111");
        }
    }

    private static List<String> luhnValidMiddles(String bin, String last4) {
        List<String> out = new ArrayList<>();
        for (int m = 0; m < 1_000_000; m++) {
            String pan = bin + String.format("%06d", m) + last4;
            if (luhn(pan) && !pan.equals(TARGET)) {
                out.add(pan);
            }
        }
        return out;
    }

    private static boolean luhn(String digits) {
        int sum = 0;
        for (int i = 0; i < digits.length(); i++) {
            int d = digits.charAt(digits.length() - 1 - i) - '0';
            if (i % 2 == 1) {
                d *= 2;
                if (d > 9) {
                    d -= 9;
                }
            }
            sum += d;
        }
        return sum % 10 == 0;
    }
}
