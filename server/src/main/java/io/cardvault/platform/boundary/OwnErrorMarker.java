package io.cardvault.platform.boundary;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.ext.Provider;

/**
 * Adds {@code x-cardvault-error: true} to problems that {@link ProblemMapper} answered for a
 * resource marked {@link MarksOwnErrors}. Relayed responses are never marked, whatever their media
 * type, because only the mapper sets the request attribute this filter reads.
 */
@Provider
@MarksOwnErrors
public class OwnErrorMarker implements ContainerResponseFilter {

    public static final String HEADER = "x-cardvault-error";

    @Context HttpServletRequest request;

    @Override
    public void filter(ContainerRequestContext req, ContainerResponseContext res) {
        if (request != null
                && Boolean.TRUE.equals(request.getAttribute(ProblemMapper.ANSWERED_PROBLEM))) {
            res.getHeaders().putSingle(HEADER, "true");
        }
    }
}
