package io.cardvault.platform.control;

import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;

/** A caller's {@code x-request-id} is echoed when it is sane; otherwise a fresh one is made. */
public final class RequestIds {

    public static final String HEADER = "x-request-id";
    public static final String ATTRIBUTE = "io.cardvault.requestId";

    private static final Pattern SANE = Pattern.compile("[A-Za-z0-9._:-]{1,128}");

    private RequestIds() {}

    public static String accept(String fromCaller) {
        return fromCaller != null && SANE.matcher(fromCaller).matches() ? fromCaller : uniqueId();
    }

    /**
     * A random UUID v4 for ids that must be unique but need not be secret (request ids, forward
     * ids), from {@link ThreadLocalRandom}: {@code UUID.randomUUID()} draws from one shared {@code
     * SecureRandom} whose lock the request threads queued on (issue 12 profile). Token ids and keys
     * keep their secure source.
     */
    public static String uniqueId() {
        ThreadLocalRandom r = ThreadLocalRandom.current();
        long msb = (r.nextLong() & ~0xF000L) | 0x4000L; // version 4
        long lsb = (r.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L; // IETF variant
        return new UUID(msb, lsb).toString();
    }
}
