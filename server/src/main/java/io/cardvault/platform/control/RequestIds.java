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
     * A random UUID v4 for ids that must be unique but need not be secret (request ids), from
     * {@link ThreadLocalRandom}: {@code UUID.randomUUID()} draws from one shared {@code
     * SecureRandom} whose lock the request threads queued on (issue 12 profile). Token ids and keys
     * keep their secure source.
     */
    public static String uniqueId() {
        ThreadLocalRandom r = ThreadLocalRandom.current();
        long msb = (r.nextLong() & ~0xF000L) | 0x4000L; // version 4
        long lsb = (r.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L; // IETF variant
        return new UUID(msb, lsb).toString();
    }

    /**
     * A UUID v7 (RFC 9562: the Unix time in milliseconds, then 74 random bits) for ids that are the
     * key of a table and need not be secret (forward ids, the forward audit's primary key). Ids of
     * the same moment sort together, so a batch of audit rows goes into the last pages of the key's
     * index. With random ids every row of a batch rewrote a page of its own, and the embedded
     * store's housekeeping then spent a quarter of the CPU samples of a forward load rewriting the
     * chunks those left behind (docs/performance.md, profile notes).
     */
    public static String timeOrderedId() {
        ThreadLocalRandom r = ThreadLocalRandom.current();
        long millis = System.currentTimeMillis() & 0xFFFF_FFFF_FFFFL; // 48 bits
        long msb = (millis << 16) | 0x7000L | (r.nextInt() & 0x0FFF); // version 7, 12 random bits
        long lsb = (r.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L; // IETF variant
        return new UUID(msb, lsb).toString();
    }
}
