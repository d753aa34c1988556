package io.cardvault.platform.control;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The embedded database's files are the operator's alone: {@code rw-------} for every file of the
 * database ({@code cardvault.mv.db}, {@code cardvault.trace.db}, ...), and a data directory that
 * cardvault creates itself is {@code rwx------}, which also covers files H2 creates later with the
 * process umask. An existing directory's permissions are left alone (it may be shared). Non-POSIX
 * file systems are left to the operator.
 */
final class OwnerOnlyFiles {

    private OwnerOnlyFiles() {}

    /** The database file path (without H2's suffixes) of a file URL; empty for mem/tcp URLs. */
    static Optional<Path> databaseOf(String h2Url) {
        String rest = h2Url.substring("jdbc:h2:".length());
        if (rest.startsWith("mem:") || rest.startsWith("tcp:") || rest.startsWith("ssl:")) {
            return Optional.empty();
        }
        if (rest.startsWith("file:")) {
            rest = rest.substring("file:".length());
        }
        int semicolon = rest.indexOf(';');
        String file = semicolon < 0 ? rest : rest.substring(0, semicolon);
        Path path = Path.of(file).toAbsolutePath().normalize();
        return path.getParent() == null ? Optional.empty() : Optional.of(path);
    }

    /** Before H2 opens: a missing directory is created closed to others. */
    static void prepare(Path database) {
        Path directory = database.getParent();
        try {
            if (!Files.exists(directory)) {
                Files.createDirectories(directory);
                Files.setPosixFilePermissions(
                        directory, PosixFilePermissions.fromString("rwx------"));
            }
        } catch (UnsupportedOperationException nonPosix) {
            // the operator protects the directory
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare the data directory " + directory, e);
        }
    }

    /** After H2 opened and migrated: the database's files are owner-only. */
    static void restrict(Path database) {
        String prefix = database.getFileName() + ".";
        try (Stream<Path> files = Files.list(database.getParent())) {
            for (Path f : (Iterable<Path>) files::iterator) {
                if (Files.isRegularFile(f) && f.getFileName().toString().startsWith(prefix)) {
                    Files.setPosixFilePermissions(f, PosixFilePermissions.fromString("rw-------"));
                }
            }
        } catch (UnsupportedOperationException nonPosix) {
            // the operator protects the directory
        } catch (IOException e) {
            throw new UncheckedIOException("cannot restrict the database files", e);
        }
    }
}
