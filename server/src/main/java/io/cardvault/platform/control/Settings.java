package io.cardvault.platform.control;

import java.time.Duration;

/**
 * Typed reading of settings that MicroProfile Config hands over as text. A bad value fails loudly,
 * naming the key, instead of silently falling back: an operator who typed {@code 30s} wants to hear
 * about it at start-up, not find out during an incident.
 */
public final class Settings {

    private Settings() {}

    /**
     * @param value ISO-8601 ({@code PT30S}); null or blank means {@code defaultValue}
     * @throws IllegalStateException naming {@code key} when the value is not a positive duration
     */
    public static Duration duration(String key, String value, Duration defaultValue) {
        if (value == null || value.isBlank()) {
            return defaultValue;
        }
        try {
            Duration d = Duration.parse(value.strip());
            if (d.isNegative() || d.isZero()) {
                throw new IllegalStateException(key + " must be a positive duration");
            }
            return d;
        } catch (java.time.format.DateTimeParseException e) {
            throw new IllegalStateException(
                    key + " must be an ISO-8601 duration such as PT30S, not the value given");
        }
    }
}
