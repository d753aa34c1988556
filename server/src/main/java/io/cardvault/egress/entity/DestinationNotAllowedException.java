package io.cardvault.egress.entity;

/**
 * The destination is not on the tenant's allow-list, or is not a URL we are willing to reason
 * about; answered as 403 {@code destination-not-allowed} with nothing sent. The message states the
 * reason only: never the query (it may carry card data) and never the full URL.
 */
public final class DestinationNotAllowedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public DestinationNotAllowedException(String reason) {
        super(reason);
    }
}
