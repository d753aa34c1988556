package io.cardvault.egress.entity;

/** The allowed destination's host name does not resolve; answered as 502 with nothing sent. */
public final class DestinationUnresolvableException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public DestinationUnresolvableException(String host, Throwable cause) {
        super("destination host " + host + " does not resolve", cause);
    }
}
