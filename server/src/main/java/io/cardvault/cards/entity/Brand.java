package io.cardvault.cards.entity;

import java.util.List;

/** One brand's rules as read from {@code card-brands.json}. */
public record Brand(
        String id, String name, List<PrefixRange> ranges, List<Integer> lengths, int cvcLength) {

    public Brand {
        ranges = List.copyOf(ranges);
        lengths = List.copyOf(lengths);
    }

    public boolean acceptsLength(int length) {
        return lengths.contains(length);
    }

    /** The CVC rule: exactly the brand's length, or 3 or 4 digits when the brand is unknown. */
    public boolean acceptsCvc(String cvc) {
        if (cvc == null || cvc.isEmpty() || !cvc.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return false;
        }
        return isUnknown() ? cvc.length() == 3 || cvc.length() == 4 : cvc.length() == cvcLength;
    }

    /**
     * The accepted CVC length as said in error messages: {@code "3"}, {@code "4"} or {@code "3 or
     * 4"}.
     */
    public String cvcLengthText() {
        return isUnknown() ? "3 or 4" : String.valueOf(cvcLength);
    }

    public boolean isUnknown() {
        return "unknown".equals(id);
    }

    /** A range of prefixes with bounds of equal length, e.g. 2221..2720. */
    public record PrefixRange(String from, String to) {

        public PrefixRange {
            if (from.length() != to.length()) {
                throw new IllegalArgumentException(
                        "range bounds differ in length: " + from + ".." + to);
            }
        }

        public int width() {
            return from.length();
        }

        public boolean matches(String digits) {
            if (digits.length() < from.length()) {
                return false;
            }
            String head = digits.substring(0, from.length());
            return head.compareTo(from) >= 0 && head.compareTo(to) <= 0;
        }
    }
}
