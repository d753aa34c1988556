package io.cardvault.egress.entity;

/** Character classes of RFC 3986, shared by URL normalisation and the placeholder escapers. */
public final class UriCharacters {

    private UriCharacters() {}

    /** RFC 3986 section 2.3: the characters that never need percent-encoding. */
    public static boolean isUnreserved(int c) {
        return (c >= 'a' && c <= 'z')
                || (c >= 'A' && c <= 'Z')
                || (c >= '0' && c <= '9')
                || c == '-'
                || c == '.'
                || c == '_'
                || c == '~';
    }
}
