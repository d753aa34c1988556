package io.cardvault.forwarding.placeholder;

/**
 * A malformed placeholder, or a value that cannot be injected where the placeholder stands;
 * answered as 400 {@code invalid-placeholder}. The message names the problem and the position,
 * never card data.
 */
public final class PlaceholderException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String reason;
    private final int position;
    private final String where;

    /**
     * @param reason what is wrong, without any card data
     * @param position 0-based character offset in the input where the problem starts
     * @param where {@code "body"}, {@code "url"} or {@code "header:<name>"}
     */
    public PlaceholderException(String reason, int position, String where) {
        super(reason + " at " + where + " position " + position);
        this.reason = reason;
        this.position = position;
        this.where = where;
    }

    public int position() {
        return position;
    }

    public String where() {
        return where;
    }

    /** Same problem, attributed to another part of the request (the parser only knows offsets). */
    public PlaceholderException in(String otherWhere) {
        return new PlaceholderException(reason, position, otherWhere);
    }
}
