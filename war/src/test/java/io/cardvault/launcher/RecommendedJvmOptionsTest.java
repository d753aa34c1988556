package io.cardvault.launcher;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The recommended JVM options are written once, in {@code bench/lib/jvm-options} (which {@code
 * bench/run-all} and {@code bench/start-timing} start cardvault with); the operator's guide and the
 * container image must say exactly the same, so a change of one is a change of all.
 */
class RecommendedJvmOptionsTest {

    private static final Path ROOT = Path.of("..");

    private static String options() throws IOException {
        return Files.readString(ROOT.resolve("bench/lib/jvm-options")).strip();
    }

    @Test
    void operationsGuide_recommendsTheBenchmarkedOptions() throws IOException {
        String guide = Files.readString(ROOT.resolve("docs/operations.md"));
        String options = options();
        assertTrue(
                guide.contains("**`" + options + "`**")
                        && guide.contains("`java " + options + " -jar cardvault.jar"),
                "docs/operations.md (\"Memory: the recommended heap\") names " + options);
    }

    @Test
    void containerImage_startsWithTheBenchmarkedOptions() throws IOException {
        String dockerfile = Files.readString(ROOT.resolve("docker/Dockerfile"));
        String asJson =
                Arrays.stream(options().split("\\s+"))
                        .map(o -> "\"" + o + "\"")
                        .collect(Collectors.joining(", "));
        assertTrue(
                dockerfile.contains("ENTRYPOINT [\"java\", " + asJson + ", \"-jar\""),
                "docker/Dockerfile's ENTRYPOINT starts java with " + asJson);
    }
}
