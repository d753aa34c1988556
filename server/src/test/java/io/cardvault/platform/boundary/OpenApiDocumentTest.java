package io.cardvault.platform.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Path;
import java.io.IOException;
import java.io.InputStream;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code /openapi} serves {@code META-INF/openapi.yaml} as written (annotation scanning is off), so
 * this test keeps it complete: every JAX-RS resource method is described, with an operationId, a
 * success response, problem responses as {@code application/problem+json}, and no untyped {@code
 * default} response.
 */
class OpenApiDocumentTest {

    private static final String DOCUMENT = "META-INF/openapi.yaml";

    /** "get /api/v1/tokens/{id}" -> the operation's response codes; operationIds separately. */
    private static final Map<String, List<String>> RESPONSES = new TreeMap<>();

    private static final Map<String, String> OPERATION_IDS = new TreeMap<>();

    private static List<String> lines;

    @BeforeAll
    static void read() throws IOException {
        try (InputStream in =
                OpenApiDocumentTest.class.getClassLoader().getResourceAsStream(DOCUMENT)) {
            lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
        }
        String section = "";
        String path = null;
        String operation = null;
        boolean inResponses = false;
        for (String line : lines) {
            if (line.isBlank() || line.stripLeading().startsWith("#")) {
                continue;
            }
            int indent = line.length() - line.stripLeading().length();
            String key = line.strip();
            if (indent == 0) {
                section = key;
                continue;
            }
            if (!section.equals("paths:")) {
                continue;
            }
            if (indent == 2) {
                path = key.substring(0, key.length() - 1);
            } else if (indent == 4) {
                String method = key.substring(0, key.length() - 1);
                operation = method.equals("parameters") ? null : method + " " + path;
                if (operation != null) {
                    RESPONSES.put(operation, new ArrayList<>());
                }
                inResponses = false;
            } else if (operation != null && indent == 6) {
                inResponses = key.equals("responses:");
                if (key.startsWith("operationId:")) {
                    OPERATION_IDS.put(operation, key.substring("operationId:".length()).strip());
                }
            } else if (operation != null && inResponses && indent == 8) {
                RESPONSES.get(operation).add(key.replace("'", "").replace(":", ""));
            }
        }
    }

    @Test
    void everyResourceMethod_isDescribed() throws Exception {
        String root = RestApplication.class.getAnnotation(ApplicationPath.class).value();
        TreeSet<String> implemented = new TreeSet<>();
        for (JavaClass c :
                new ClassFileImporter()
                        .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                        .importPackages("io.cardvault")) {
            if (!c.isAnnotatedWith(Path.class)) {
                continue;
            }
            Class<?> type = Class.forName(c.getName());
            String base = join(root, type.getAnnotation(Path.class).value());
            for (Method m : type.getMethods()) {
                String http = httpMethod(m);
                if (http != null) {
                    Path sub = m.getAnnotation(Path.class);
                    implemented.add(
                            http.toLowerCase(Locale.ROOT)
                                    + " "
                                    + (sub == null ? base : join(base, sub.value())));
                }
            }
        }
        assertTrue(implemented.size() >= 24, "found the resources: " + implemented);
        assertEquals(implemented, new TreeSet<>(RESPONSES.keySet()));
    }

    @Test
    void everyOperation_hasAnIdTypedSuccessAndProblems() {
        assertEquals(RESPONSES.keySet(), OPERATION_IDS.keySet(), "every operation has an id");
        assertEquals(
                OPERATION_IDS.size(),
                new TreeSet<>(OPERATION_IDS.values()).size(),
                "operationIds are unique");
        RESPONSES.forEach(
                (operation, codes) -> {
                    assertFalse(codes.contains("default"), operation + " has a default response");
                    assertTrue(
                            codes.stream().anyMatch(c -> c.startsWith("2")),
                            operation + " documents its success");
                    assertTrue(codes.contains("500"), operation + " documents internal-error");
                });
    }

    @Test
    void everyProblemCode_isInTheProblemSchema() throws Exception {
        String document = String.join("\n", lines);
        for (Class<?> type :
                List.of(
                        io.cardvault.platform.entity.CommonProblem.class,
                        Class.forName("io.cardvault.checkout.entity.CheckoutProblem"),
                        Class.forName("io.cardvault.forwarding.entity.ForwardProblem"),
                        Class.forName("io.cardvault.egress.entity.EgressProblem"),
                        Class.forName("io.cardvault.tenants.entity.TenantProblem"),
                        Class.forName("io.cardvault.idempotency.entity.IdempotencyProblem"),
                        Class.forName("io.cardvault.tokens.entity.TokenProblem"))) {
            for (Object constant : type.getEnumConstants()) {
                String slug = ((io.cardvault.platform.entity.ProblemType) constant).slug();
                assertTrue(
                        document.contains("            - " + slug + "\n"),
                        slug + " is listed in Problem.code");
            }
        }
    }

    private static String httpMethod(Method m) {
        for (Annotation a : m.getAnnotations()) {
            HttpMethod h = a.annotationType().getAnnotation(HttpMethod.class);
            if (h != null) {
                return h.value();
            }
        }
        return null;
    }

    private static String join(String a, String b) {
        String left = a.endsWith("/") ? a.substring(0, a.length() - 1) : a;
        String right = b.startsWith("/") ? b.substring(1) : b;
        return (left.startsWith("/") ? left : "/" + left) + "/" + right;
    }
}
