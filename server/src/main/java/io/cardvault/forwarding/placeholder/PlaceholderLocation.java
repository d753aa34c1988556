package io.cardvault.forwarding.placeholder;

/**
 * Where a placeholder stands in a forward: {@code body:<JSON Pointer>}, {@code form:<field>},
 * {@code header:<name>}, {@code query:<name>} or {@code text:<character offset>}.
 *
 * @param expression the placeholder as written, e.g. {@code {{ number }}}
 */
public record PlaceholderLocation(String expression, String location) {}
