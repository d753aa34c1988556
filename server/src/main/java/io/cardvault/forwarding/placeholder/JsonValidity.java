package io.cardvault.forwarding.placeholder;

import io.cardvault.forwarding.entity.ForwardProblem;
import io.cardvault.platform.control.JsonFactories;
import io.cardvault.platform.entity.ProblemException;
import jakarta.json.JsonException;
import jakarta.json.stream.JsonParser;
import java.io.StringReader;

/**
 * Strict RFC 8259 check of a rendered JSON body (one value, nothing after it, no comments, no
 * trailing commas), with a streaming parser so that deep nesting cannot exhaust the stack. The
 * problem detail never quotes the body: it holds card data by now.
 */
final class JsonValidity {

    private JsonValidity() {}

    static void require(String json) {
        String text = json.startsWith("\uFEFF") ? json.substring(1) : json;
        try (JsonParser parser = JsonFactories.parser(new StringReader(text))) {
            if (!parser.hasNext()) {
                throw malformed();
            }
            while (parser.hasNext()) {
                parser.next();
            }
        } catch (JsonException | IllegalStateException | java.util.NoSuchElementException e) {
            throw malformed();
        }
    }

    static ProblemException malformed() {
        return new ProblemException(
                ForwardProblem.MALFORMED_BODY,
                "the body is declared JSON (Content-Type) and contains placeholders but is not"
                        + " valid JSON (RFC 8259); nothing was sent");
    }
}
