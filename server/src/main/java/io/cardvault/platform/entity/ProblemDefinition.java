package io.cardvault.platform.entity;

/** The data of one problem type: HTTP status, stable kebab-case code, and title. */
public record ProblemDefinition(int status, String slug, String title) {}
