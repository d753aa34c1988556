package io.cardvault.platform.entity;

/**
 * A kind of problem the API answers with. Each feature lists its own in an enum in its {@code
 * entity} package; the platform renders them as RFC 9457 problem details whose {@code type} is
 * {@code <public-url>/problems/<slug>}, a page that cardvault serves itself.
 */
public interface ProblemType {

    ProblemDefinition definition();

    default int status() {
        return definition().status();
    }

    /** The stable, kebab-case code, e.g. {@code invalid-card}; part of the API contract. */
    default String slug() {
        return definition().slug();
    }

    default String title() {
        return definition().title();
    }
}
