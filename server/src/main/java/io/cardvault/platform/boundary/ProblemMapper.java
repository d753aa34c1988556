package io.cardvault.platform.boundary;

import io.cardvault.platform.control.Problems;
import io.cardvault.platform.control.RequestIds;
import io.cardvault.platform.entity.CommonProblem;
import io.cardvault.platform.entity.FieldError;
import io.cardvault.platform.entity.Problem;
import io.cardvault.platform.entity.ProblemType;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.NotAcceptableException;
import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.NotSupportedException;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The one exception mapper: every failure leaves as {@code application/problem+json}. Framework
 * exceptions are translated to our problem types; anything unexpected becomes a 500 whose detail is
 * generic and whose log line carries the request id and the exception class only — exception
 * messages may contain input and input may contain card data.
 */
@Provider
public class ProblemMapper implements ExceptionMapper<Throwable> {

    private static final Logger LOG = Logger.getLogger(ProblemMapper.class.getName());

    /** Request attribute set on every problem this mapper answers; see {@link OwnErrorMarker}. */
    public static final String ANSWERED_PROBLEM = "io.cardvault.problem";

    @Context HttpServletRequest request;

    @Inject Problems problems;

    @Override
    public Response toResponse(Throwable failure) {
        String requestId = requestId();
        if (failure instanceof Problem problem) {
            Map<String, String> headers =
                    problem.retryAfter()
                            .map(
                                    d ->
                                            Map.of(
                                                    "Retry-After",
                                                    String.valueOf(Math.max(1, d.toSeconds()))))
                            .orElse(Map.of());
            return respond(problem.type(), problem.detail(), requestId, problem.errors(), headers);
        }
        if (failure instanceof WebApplicationException web) {
            return fromFramework(web, requestId);
        }
        if (failure instanceof ProcessingException
                || failure instanceof jakarta.json.JsonException) {
            return respond(
                    CommonProblem.MALFORMED_REQUEST,
                    "the request could not be read",
                    requestId,
                    List.of(),
                    Map.of());
        }
        if (isBackendUnavailable(failure)) {
            LOG.log(
                    Level.WARNING,
                    "request {0}: database or data grid unavailable ({1})",
                    new Object[] {requestId, failure.getClass().getName()});
            return respond(
                    CommonProblem.SERVICE_UNAVAILABLE,
                    "the vault cannot reach its database or data grid; retry shortly",
                    requestId,
                    List.of(),
                    Map.of("Retry-After", "5"));
        }
        LOG.log(
                Level.SEVERE,
                "unexpected failure, request {0}: {1} at {2}",
                new Object[] {requestId, failure.getClass().getName(), firstFrame(failure)});
        return respond(
                CommonProblem.INTERNAL_ERROR,
                "an unexpected error occurred; quote the request id to support",
                requestId,
                List.of(),
                Map.of());
    }

    /**
     * A failure of the database or of the data grid (Hazelcast's exceptions, matched by package so
     * that a lone node without Hazelcast never loads its classes): 503, never 500.
     */
    static boolean isBackendUnavailable(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof io.cardvault.platform.control.DataAccessException
                    || t instanceof java.sql.SQLException
                    || t.getClass().getName().startsWith("com.hazelcast.")) {
                return true;
            }
        }
        return false;
    }

    private Response fromFramework(WebApplicationException web, String requestId) {
        ProblemType type;
        if (web instanceof NotFoundException) {
            type = CommonProblem.NOT_FOUND;
        } else if (web instanceof NotAllowedException) {
            type = CommonProblem.METHOD_NOT_ALLOWED;
        } else if (web instanceof NotSupportedException) {
            type = CommonProblem.UNSUPPORTED_MEDIA_TYPE;
        } else if (web instanceof NotAcceptableException) {
            type = CommonProblem.NOT_ACCEPTABLE;
        } else if (web.getResponse() != null && web.getResponse().getStatus() == 413) {
            type = CommonProblem.PAYLOAD_TOO_LARGE;
        } else if (web.getResponse() != null && web.getResponse().getStatus() < 500) {
            type = CommonProblem.MALFORMED_REQUEST;
        } else {
            LOG.log(
                    Level.SEVERE,
                    "framework failure, request {0}: {1}",
                    new Object[] {requestId, web.getClass().getName()});
            type = CommonProblem.INTERNAL_ERROR;
        }
        Response r = respond(type, type.title(), requestId, List.of(), Map.of());
        if (web instanceof NotAllowedException && web.getResponse() != null) {
            String allow = web.getResponse().getHeaderString("Allow");
            if (allow != null) {
                return Response.fromResponse(r).header("Allow", allow).build();
            }
        }
        return r;
    }

    private Response respond(
            ProblemType type,
            String detail,
            String requestId,
            List<FieldError> errors,
            Map<String, String> headers) {
        if (type.status() < 500) {
            LOG.fine(
                    () ->
                            "request "
                                    + requestId
                                    + " answered "
                                    + type.status()
                                    + " "
                                    + type.slug());
        }
        markAnswered();
        Response.ResponseBuilder b =
                Response.status(type.status(), type.title())
                        .type(Problems.MEDIA_TYPE)
                        .entity(problems.json(type, detail, requestId, errors));
        headers.forEach(b::header);
        return b.build();
    }

    private void markAnswered() {
        try {
            if (request != null) {
                request.setAttribute(ANSWERED_PROBLEM, Boolean.TRUE);
            }
        } catch (RuntimeException e) {
            // no request in scope: nothing to mark
        }
    }

    private String requestId() {
        try {
            Object id = request == null ? null : request.getAttribute(RequestIds.ATTRIBUTE);
            return id == null ? null : id.toString();
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static String firstFrame(Throwable t) {
        StackTraceElement[] st = t.getStackTrace();
        return st.length == 0 ? "?" : st[0].toString();
    }
}
