package io.cardvault.forwarding.control;

import io.cardvault.forwarding.entity.ForwardProblem;
import io.cardvault.forwarding.placeholder.PlaceholderException;
import io.cardvault.platform.entity.FieldError;
import io.cardvault.platform.entity.ProblemException;
import io.cardvault.tokens.entity.TokenProblem;
import java.io.IOException;
import java.net.ConnectException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.util.List;

/**
 * The problems the proxy itself answers with. Details name the failure class, never the URL's
 * query, a header value or any card data.
 */
final class ForwardProblems {

    private ForwardProblems() {}

    /** Failures where no byte of the request can have reached the destination. */
    static boolean nothingSent(Throwable cause) {
        // HttpClient.send rethrows the exchange's failure as a new exception of the same type,
        // or as an IOException wrapping it
        for (Throwable t = cause; t != null; t = t.getCause()) {
            if (t instanceof HttpConnectTimeoutException
                    || t instanceof ConnectException
                    || t instanceof java.nio.channels.UnresolvedAddressException) {
                return true;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return false;
    }

    static ProblemException invalidPlaceholder(PlaceholderException e) {
        return new ProblemException(
                ForwardProblem.INVALID_PLACEHOLDER,
                "invalid placeholder in "
                        + e.where()
                        + " at position "
                        + e.position()
                        + ": "
                        + e.getMessage(),
                List.of(
                        new FieldError(
                                e.where(),
                                "invalid-placeholder",
                                e.getMessage() + " (position " + e.position() + ")")));
    }

    static ProblemException failure(Throwable cause) {
        // sec1 (issue 10 #7): the bounded body reader fails with its own problem (too large)
        for (Throwable t = cause; t != null; t = t.getCause()) {
            if (t instanceof ProblemException problem) {
                return problem;
            }
        }
        if (cause instanceof HttpConnectTimeoutException) {
            return timeout();
        }
        if (cause instanceof HttpTimeoutException) {
            return timeout();
        }
        String what =
                cause instanceof javax.net.ssl.SSLException
                        ? "TLS handshake with the destination failed"
                        : cause instanceof ConnectException
                                ? "the destination refused the connection"
                                : cause instanceof IOException
                                        ? "the connection to the destination failed"
                                        : "the destination could not be reached";
        return new ProblemException(ForwardProblem.DESTINATION_UNREACHABLE, what);
    }

    static ProblemException timeout() {
        return new ProblemException(
                ForwardProblem.DESTINATION_TIMEOUT, "the destination did not answer in time");
    }

    static ProblemException cvcUnavailable() {
        return new ProblemException(
                TokenProblem.CVC_UNAVAILABLE,
                "the request uses {{ cvc }} but this token has no CVC (it expired, was used, or was never collected); re-collect it");
    }
}
