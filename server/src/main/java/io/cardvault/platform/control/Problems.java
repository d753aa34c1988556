package io.cardvault.platform.control;

import io.cardvault.platform.entity.FieldError;
import io.cardvault.platform.entity.ProblemType;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Renders RFC 9457 problem details; shared by the exception mapper, the servlet filters and the
 * forward replays. The {@code type} is {@code <public-url>/problems/<code>}, a page cardvault
 * serves itself; {@code code} repeats the stable code for clients that do not parse URIs.
 */
@ApplicationScoped
public class Problems {

    public static final String MEDIA_TYPE = "application/problem+json";

    /** The path under which cardvault serves one page per problem code. */
    public static final String PAGES = "/problems/";

    @Inject
    @ConfigProperty(name = "cardvault.public-url", defaultValue = "http://localhost:8080")
    String publicUrl;

    public String typeUri(ProblemType type) {
        String base =
                publicUrl.endsWith("/")
                        ? publicUrl.substring(0, publicUrl.length() - 1)
                        : publicUrl;
        return base + PAGES + type.slug();
    }

    public String json(ProblemType type, String detail, String requestId, List<FieldError> errors) {
        JsonObjectBuilder b =
                JsonFactories.objectBuilder()
                        .add("type", typeUri(type))
                        .add("code", type.slug())
                        .add("title", type.title())
                        .add("status", type.status())
                        .add("detail", detail == null ? type.title() : detail);
        if (requestId != null) {
            b.add("instance", "urn:cardvault:request:" + requestId);
            b.add("requestId", requestId);
        }
        if (!errors.isEmpty()) {
            JsonArrayBuilder a = JsonFactories.arrayBuilder();
            for (FieldError e : errors) {
                a.add(
                        JsonFactories.objectBuilder()
                                .add("field", e.field())
                                .add("code", e.code())
                                .add("message", e.message()));
            }
            b.add("errors", a);
        }
        return b.build().toString();
    }
}
