package io.cardvault.forwarding.placeholder;

import java.util.Locale;

/**
 * Which substitution rules a request body gets, decided from its Content-Type header alone (never
 * by sniffing the bytes, so a binary upload can never be altered).
 */
enum BodyFormat {
    JSON(ValueEscaper.JSON_STRING),
    FORM(ValueEscaper.PERCENT),
    XML(ValueEscaper.XML),
    TEXT(ValueEscaper.NONE),
    /** Any other type, a missing type, or a declared charset other than UTF-8/US-ASCII. */
    OPAQUE(ValueEscaper.NONE);

    private final ValueEscaper escaper;

    BodyFormat(ValueEscaper escaper) {
        this.escaper = escaper;
    }

    ValueEscaper escaper() {
        return escaper;
    }

    /**
     * Bodies are UTF-8 by contract. A body that declares another charset is left untouched rather
     * than decoded wrongly: its placeholders then reach the provider unreplaced, which fails the
     * payment but never corrupts or leaks anything.
     */
    static BodyFormat of(String contentTypeHeaderOrNull) {
        if (contentTypeHeaderOrNull == null) {
            return OPAQUE;
        }
        String[] pieces = contentTypeHeaderOrNull.split(";");
        String mediaType = pieces[0].trim().toLowerCase(Locale.ROOT);
        for (int i = 1; i < pieces.length; i++) {
            String parameter = pieces[i].trim().toLowerCase(Locale.ROOT);
            if (parameter.startsWith("charset=") && !isUtf8Compatible(parameter.substring(8))) {
                return OPAQUE;
            }
        }
        return ofMediaType(mediaType);
    }

    private static BodyFormat ofMediaType(String mediaType) {
        int slash = mediaType.indexOf('/');
        if (slash <= 0) {
            return OPAQUE;
        }
        String subtype = mediaType.substring(slash + 1);
        if (mediaType.equals("application/json") || subtype.endsWith("+json")) {
            return JSON;
        }
        if (mediaType.equals("application/xml")
                || mediaType.equals("text/xml")
                || subtype.endsWith("+xml")) {
            return XML;
        }
        if (mediaType.equals("application/x-www-form-urlencoded")) {
            return FORM;
        }
        if (mediaType.equals("text/plain")) {
            return TEXT;
        }
        return OPAQUE;
    }

    private static boolean isUtf8Compatible(String charset) {
        String name = charset.replace("\"", "").trim();
        return name.equals("utf-8") || name.equals("utf8") || name.equals("us-ascii");
    }
}
