package io.cardvault.platform.entity;

/** One entry of a problem's {@code errors[]}: which field, a stable code, a human message. */
public record FieldError(String field, String code, String message) {}
