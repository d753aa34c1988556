package io.cardvault.platform.control;

import java.util.UUID;
import java.util.regex.Pattern;

/** A caller's {@code x-request-id} is echoed when it is sane; otherwise a fresh one is made. */
public final class RequestIds {

    public static final String HEADER = "x-request-id";
    public static final String ATTRIBUTE = "io.cardvault.requestId";

    private static final Pattern SANE = Pattern.compile("[A-Za-z0-9._:-]{1,128}");

    private RequestIds() {}

    public static String accept(String fromCaller) {
        return fromCaller != null && SANE.matcher(fromCaller).matches()
                ? fromCaller
                : UUID.randomUUID().toString();
    }
}
