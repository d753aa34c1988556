package io.cardvault.cards.control;

import java.time.YearMonth;

/** A card is valid through the last day of its expiry month; years come as 2 or 4 digits. */
public final class ExpiryRules {

    private ExpiryRules() {}

    /** 2-digit years are 20yy; 4-digit years stay; anything else is -1. */
    public static int normalizeYear(int year) {
        if (year >= 0 && year <= 99) {
            return 2000 + year;
        }
        if (year >= 1000 && year <= 9999) {
            return year;
        }
        return -1;
    }

    public static boolean isValidMonth(int month) {
        return month >= 1 && month <= 12;
    }

    public static boolean isExpired(int month, int fourDigitYear, YearMonth now) {
        return YearMonth.of(fourDigitYear, month).isBefore(now);
    }
}
