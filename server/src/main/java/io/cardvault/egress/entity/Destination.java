package io.cardvault.egress.entity;

import java.net.InetAddress;
import java.net.URI;

/**
 * A checked destination: the normalised URI to request and the address that was checked, which is
 * the one the caller must connect to (see the egress policy).
 *
 * @param host ASCII, lower case, no trailing dot; IPv6 literals in brackets
 */
public record Destination(URI uri, String host, int port, InetAddress address, boolean https) {}
