package io.cardvault.crypto.control;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class FingerprinterTest {

    private static final String VISA = "4111111111111111";
    private static final String MASTERCARD = "5555555555554444";
    private static final String AMEX = "378282246310005";

    private static byte[] rootKey(int seed) {
        byte[] key = new byte[32];
        Arrays.fill(key, (byte) seed);
        return key;
    }

    @Test
    void fingerprint_sameTenantAndPan_stable() {
        Fingerprinter a = new Fingerprinter(rootKey(7));
        Fingerprinter b = new Fingerprinter(rootKey(7));
        assertEquals(a.fingerprint("ten_a", VISA), a.fingerprint("ten_a", VISA));
        assertEquals(
                a.fingerprint("ten_a", VISA),
                b.fingerprint("ten_a", VISA),
                "same root key, new instance");
    }

    @Test
    void fingerprint_differentTenants_different() {
        Fingerprinter f = new Fingerprinter(rootKey(7));
        assertNotEquals(f.fingerprint("ten_a", VISA), f.fingerprint("ten_b", VISA));
    }

    @Test
    void fingerprint_differentPans_different() {
        Fingerprinter f = new Fingerprinter(rootKey(7));
        assertNotEquals(f.fingerprint("ten_a", VISA), f.fingerprint("ten_a", MASTERCARD));
        assertNotEquals(f.fingerprint("ten_a", VISA), f.fingerprint("ten_a", AMEX));
    }

    @Test
    void fingerprint_differentRootKeys_different() {
        assertNotEquals(
                new Fingerprinter(rootKey(7)).fingerprint("ten_a", VISA),
                new Fingerprinter(rootKey(8)).fingerprint("ten_a", VISA));
    }

    @Test
    void fingerprint_anyPan_doesNotContainPanOrParts() {
        Fingerprinter f = new Fingerprinter(rootKey(7));
        String[] pans = {VISA, MASTERCARD, AMEX};
        for (int i = 0; i < pans.length; i++) {
            String fp = f.fingerprint("ten_a", pans[i]);
            assertFalse(fp.contains(pans[i]), "fingerprint of card #" + i + " contains the PAN");
            assertFalse(
                    fp.contains(pans[i].substring(pans[i].length() - 4) + ""),
                    "fingerprint of card #" + i + " contains last4");
            assertEquals(22, fp.length(), "fingerprint length of card #" + i);
            assertTrue(
                    fp.matches("[A-Za-z0-9_-]{22}"), "fingerprint of card #" + i + " is base64url");
        }
    }

    @Test
    void constructor_shortRootKey_rejected() {
        assertThrows(IllegalArgumentException.class, () -> new Fingerprinter(new byte[31]));
        assertThrows(IllegalArgumentException.class, () -> new Fingerprinter(new byte[0]));
        assertDoesNotThrow(() -> new Fingerprinter(new byte[32]));
    }

    @Test
    void constructor_callerMutatesKeyAfterwards_fingerprintUnchanged() {
        byte[] key = rootKey(7);
        Fingerprinter f = new Fingerprinter(key);
        String before = f.fingerprint("ten_a", VISA);
        Arrays.fill(key, (byte) 0);
        assertEquals(before, f.fingerprint("ten_a", VISA));
    }

    @Test
    void keyedDigest_sameInput_stableAndTenantBound() {
        Fingerprinter f = new Fingerprinter(rootKey(7));
        byte[] data = "request-body".getBytes(StandardCharsets.UTF_8);
        assertEquals(f.keyedDigest("ten_a", data), f.keyedDigest("ten_a", data));
        assertNotEquals(f.keyedDigest("ten_a", data), f.keyedDigest("ten_b", data));
        assertNotEquals(
                f.keyedDigest("ten_a", data),
                f.keyedDigest("ten_a", "other".getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void keyedDigest_samePanAsFingerprint_separateDomain() {
        Fingerprinter f = new Fingerprinter(rootKey(7));
        String digest = f.keyedDigest("ten_a", VISA.getBytes(StandardCharsets.UTF_8));
        assertFalse(
                digest.startsWith(f.fingerprint("ten_a", VISA)),
                "digest and fingerprint must use different keys");
    }
}
