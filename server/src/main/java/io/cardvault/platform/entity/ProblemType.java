package io.cardvault.platform.entity;

/**
 * A kind of problem the API answers with. Each feature lists its own in an enum in its {@code
 * entity} package; the platform renders them as RFC 9457 problem details whose {@code type} is
 * {@code <public-url>/problems/<slug>}, a page that cardvault serves itself.
 */
public interface ProblemType {

    int status();

    /** The stable, kebab-case code, e.g. {@code invalid-card}; part of the API contract. */
    String slug();

    String title();
}
