package io.cardvault.platform.control;

import io.cardvault.platform.entity.FieldError;
import io.cardvault.platform.entity.ProblemType;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import java.util.List;

/** Renders RFC 9457 problem details; shared by the exception mapper and the servlet filters. */
public final class Problems {

    public static final String MEDIA_TYPE = "application/problem+json";

    private Problems() {}

    public static String json(
            ProblemType type, String detail, String requestId, List<FieldError> errors) {
        JsonObjectBuilder b =
                Json.createObjectBuilder()
                        .add("type", type.uri())
                        .add("title", type.title())
                        .add("status", type.status())
                        .add("detail", detail == null ? type.title() : detail);
        if (requestId != null) {
            b.add("instance", "urn:cardvault:request:" + requestId);
            b.add("requestId", requestId);
        }
        if (!errors.isEmpty()) {
            JsonArrayBuilder a = Json.createArrayBuilder();
            for (FieldError e : errors) {
                a.add(
                        Json.createObjectBuilder()
                                .add("field", e.field())
                                .add("code", e.code())
                                .add("message", e.message()));
            }
            b.add("errors", a);
        }
        return b.build().toString();
    }
}
