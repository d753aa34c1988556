package io.cardvault.platform.control;

import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonBuilderFactory;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.json.JsonReaderFactory;
import jakarta.json.JsonString;
import jakarta.json.JsonWriterFactory;
import jakarta.json.spi.JsonProvider;
import jakarta.json.stream.JsonGeneratorFactory;
import jakarta.json.stream.JsonParser;
import jakarta.json.stream.JsonParserFactory;
import java.io.InputStream;
import java.io.Reader;
import java.util.Collection;
import java.util.Map;

/**
 * The one JSON-P provider of the application, looked up once. Every {@code
 * jakarta.json.Json.create*} call runs {@link JsonProvider#provider()}, a {@code ServiceLoader}
 * scan of the class path that opens jar entries under the {@code JarFile} monitor: about a fifth of
 * a tokenization's CPU and the main source of lock waits in the issue 12 profile. Use these
 * factories instead of {@code Json.create*} everywhere; they are thread-safe and hold no request
 * data.
 */
public final class JsonFactories {

    public static final JsonProvider PROVIDER = JsonProvider.provider();

    private static final JsonBuilderFactory BUILDERS = PROVIDER.createBuilderFactory(Map.of());
    private static final JsonReaderFactory READERS = PROVIDER.createReaderFactory(Map.of());
    private static final JsonParserFactory PARSERS = PROVIDER.createParserFactory(Map.of());
    public static final JsonWriterFactory WRITERS = PROVIDER.createWriterFactory(Map.of());
    public static final JsonGeneratorFactory GENERATORS = PROVIDER.createGeneratorFactory(Map.of());

    private JsonFactories() {}

    public static JsonObjectBuilder objectBuilder() {
        return BUILDERS.createObjectBuilder();
    }

    public static JsonArrayBuilder arrayBuilder() {
        return BUILDERS.createArrayBuilder();
    }

    public static JsonArrayBuilder arrayBuilder(Collection<?> values) {
        return BUILDERS.createArrayBuilder(values);
    }

    public static JsonReader reader(Reader in) {
        return READERS.createReader(in);
    }

    public static JsonReader reader(InputStream in) {
        return READERS.createReader(in);
    }

    public static JsonParser parser(Reader in) {
        return PARSERS.createParser(in);
    }

    public static JsonString string(String value) {
        return PROVIDER.createValue(value);
    }
}
