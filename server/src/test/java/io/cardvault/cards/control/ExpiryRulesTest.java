package io.cardvault.cards.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.YearMonth;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ExpiryRulesTest {

    private static final YearMonth NOW = YearMonth.of(2026, 11);

    @ParameterizedTest
    @CsvSource({"0, 2000", "5, 2005", "26, 2026", "30, 2030", "99, 2099"})
    void normalizeYear_twoDigits_addsTwoThousand(int in, int expected) {
        assertEquals(expected, ExpiryRules.normalizeYear(in));
    }

    @ParameterizedTest
    @ValueSource(ints = {1000, 2026, 2030, 9999})
    void normalizeYear_fourDigits_unchanged(int year) {
        assertEquals(year, ExpiryRules.normalizeYear(year));
    }

    @ParameterizedTest
    @ValueSource(ints = {-1, 100, 999, 10000, Integer.MIN_VALUE, Integer.MAX_VALUE})
    void normalizeYear_neitherTwoNorFourDigits_minusOne(int year) {
        assertEquals(-1, ExpiryRules.normalizeYear(year));
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 6, 12})
    void isValidMonth_oneToTwelve_true(int month) {
        assertTrue(ExpiryRules.isValidMonth(month));
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 13, -1, 100})
    void isValidMonth_outOfRange_false(int month) {
        assertFalse(ExpiryRules.isValidMonth(month));
    }

    @Test
    void isExpired_previousMonthSameYear_true() {
        assertTrue(ExpiryRules.isExpired(10, 2026, NOW));
    }

    @Test
    void isExpired_previousYear_true() {
        assertTrue(ExpiryRules.isExpired(12, 2025, NOW));
    }

    @Test
    void isExpired_currentMonth_false() {
        assertFalse(ExpiryRules.isExpired(11, 2026, NOW));
    }

    @Test
    void isExpired_laterMonthOrYear_false() {
        assertFalse(ExpiryRules.isExpired(12, 2026, NOW));
        assertFalse(ExpiryRules.isExpired(1, 2027, NOW));
    }
}
