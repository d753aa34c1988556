package io.cardvault.operations.control;

import io.cardvault.operations.entity.BackupFile;
import io.cardvault.operations.entity.OperationsProblem;
import io.cardvault.platform.control.Database;
import io.cardvault.platform.control.DemoMode;
import io.cardvault.platform.entity.BackupStarting;
import io.cardvault.platform.entity.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Enumeration;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.ToLongFunction;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Online, consistent backups of the embedded H2 database with H2's own {@code BACKUP TO}: it copies
 * the append-only store while the vault keeps serving, and the copy is one transactionally
 * consistent state. The file is written as {@code <name>.partial}, checked (a zip holding the
 * database file), flushed to disk and only then renamed, so the backup directory never holds a
 * half-written backup under a final name. A failure (no space, no permission) removes the partial
 * file and leaves the live database untouched: the backup only reads it.
 *
 * <p>PostgreSQL is backed up by PostgreSQL's own tools ({@code pg_dump}, base backups); the
 * endpoint says so.
 */
@ApplicationScoped
public class Backups {

    private static final Logger LOG = Logger.getLogger(Backups.class.getName());

    private static final DateTimeFormatter NAME_TIME =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss.SSS'Z'").withZone(ZoneOffset.UTC);

    @Inject
    @ConfigProperty(name = "cardvault.backup.dir")
    Optional<String> backupDir;

    @Inject Database database;

    @Inject Event<BackupStarting> starting;

    @Inject DemoMode demoMode;

    Clock clock = Clock.systemUTC();

    ToLongFunction<Path> freeSpace = Backups::usableSpace;

    private final ReentrantLock running = new ReentrantLock();

    public BackupFile backup() {
        String url = demoMode.databaseUrl();
        if (!url.startsWith("jdbc:h2:")) {
            throw new ProblemException(
                    OperationsProblem.BACKUP_NOT_SUPPORTED,
                    "the database is PostgreSQL: back it up with pg_dump or a base backup (docs/operations.md)");
        }
        Path dir =
                backupDir
                        .map(String::strip)
                        .filter(s -> !s.isEmpty())
                        .map(Path::of)
                        .orElseThrow(
                                () ->
                                        new ProblemException(
                                                OperationsProblem.BACKUP_NOT_CONFIGURED,
                                                "set cardvault.backup.dir (env CARDVAULT_BACKUP_DIR) to a directory outside the data directory, ideally on another disk"));
        if (!running.tryLock()) {
            throw new ProblemException(
                    OperationsProblem.BACKUP_RUNNING, "wait for the running backup to finish");
        }
        try {
            return write(dir.toAbsolutePath().normalize(), h2File(url));
        } finally {
            running.unlock();
        }
    }

    private BackupFile write(Path dir, Optional<Path> databaseFile) {
        prepareDirectory(dir);
        if (databaseFile.isPresent() && Files.isRegularFile(databaseFile.get())) {
            long needed = size(databaseFile.get());
            long free = freeSpace.applyAsLong(dir);
            if (free >= 0 && free < needed) {
                throw failed(
                        "not enough free space in the backup directory "
                                + dir
                                + ": about "
                                + mib(needed)
                                + " MiB needed, "
                                + mib(free)
                                + " MiB free");
            }
            Path dataDir = databaseFile.get().toAbsolutePath().normalize().getParent();
            if (dataDir != null && dir.startsWith(dataDir)) {
                LOG.warning(
                        "cardvault.backup.dir is inside the data directory: one lost disk loses the database and its backups");
            }
        }
        Instant createdAt = clock.instant();
        Path target = freeName(dir, createdAt);
        Path partial = target.resolveSibling(target.getFileName() + ".partial");
        long start = System.nanoTime();
        try {
            starting.fire(new BackupStarting());
            runBackup(partial);
            check(partial);
            flush(partial);
            Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE);
            flushDirectory(dir);
        } catch (IOException | SQLException | RuntimeException e) {
            deleteQuietly(partial);
            LOG.log(Level.WARNING, "backup into " + dir + " failed", e);
            if (e instanceof ProblemException pe) {
                throw pe;
            }
            throw failed(
                    noSpace(e)
                            ? "no space left in the backup directory " + dir
                            : "the backup could not be written to "
                                    + dir
                                    + " (see the server log); the database is unchanged");
        }
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        long size = size(target);
        LOG.info(
                () ->
                        "backup written: "
                                + target.getFileName()
                                + ", "
                                + size
                                + " bytes in "
                                + took.toMillis()
                                + " ms");
        return new BackupFile(target.getFileName().toString(), size, took, createdAt);
    }

    private void runBackup(Path file) throws SQLException {
        String literal = "'" + file.toString().replace("'", "''") + "'";
        try (Connection c = database.dataSource().getConnection();
                Statement st = c.createStatement()) {
            st.execute("BACKUP TO " + literal);
        }
    }

    /** A backup must be a zip that holds the database file; anything else is not kept. */
    private static void check(Path file) throws IOException {
        try (ZipFile zip = new ZipFile(file.toFile())) {
            Enumeration<? extends ZipEntry> entries = zip.entries();
            while (entries.hasMoreElements()) {
                ZipEntry e = entries.nextElement();
                if (e.getName().endsWith(".mv.db") && e.getSize() > 0) {
                    return;
                }
            }
        }
        throw new IOException("the backup file holds no database file");
    }

    private static void prepareDirectory(Path dir) {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw failed("the backup directory " + dir + " cannot be created (" + reason(e) + ")");
        }
        if (!Files.isDirectory(dir) || !Files.isWritable(dir)) {
            throw failed("the backup directory " + dir + " is not writable");
        }
    }

    private static Path freeName(Path dir, Instant at) {
        String stem = "cardvault-" + NAME_TIME.format(at);
        Path p = dir.resolve(stem + ".zip");
        for (int i = 2; i < 100 && (Files.exists(p) || Files.exists(partialOf(p))); i++) {
            p = dir.resolve(stem + "-" + i + ".zip");
        }
        return p;
    }

    private static Path partialOf(Path p) {
        return p.resolveSibling(p.getFileName() + ".partial");
    }

    /** {@code jdbc:h2:file:/x/cardvault;...} → {@code /x/cardvault.mv.db}; empty for in-memory. */
    static Optional<Path> h2File(String url) {
        String rest = url.substring("jdbc:h2:".length());
        int semi = rest.indexOf(';');
        if (semi >= 0) {
            rest = rest.substring(0, semi);
        }
        if (rest.startsWith("mem:") || rest.startsWith("tcp:") || rest.startsWith("ssl:")) {
            return Optional.empty();
        }
        if (rest.startsWith("file:")) {
            rest = rest.substring("file:".length());
        }
        if (rest.startsWith("~")) {
            return Optional.empty();
        }
        try {
            return Optional.of(Path.of(rest + ".mv.db"));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    private static void flush(Path file) throws IOException {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE)) {
            ch.force(true);
        }
    }

    private static void flushDirectory(Path dir) {
        try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
            ch.force(true);
        } catch (IOException | RuntimeException e) {
            // not every platform can sync a directory; the file itself is on disk
        }
    }

    private static boolean noSpace(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            String m = t.getMessage();
            if (m != null && m.toLowerCase(java.util.Locale.ROOT).contains("no space left")) {
                return true;
            }
        }
        return false;
    }

    private static long usableSpace(Path dir) {
        try {
            return Files.getFileStore(dir).getUsableSpace();
        } catch (IOException e) {
            return -1;
        }
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            return 0;
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            LOG.warning("could not remove the partial backup file " + file);
        }
    }

    private static long mib(long bytes) {
        return (bytes + (1 << 20) - 1) >> 20;
    }

    private static String reason(IOException e) {
        return e instanceof java.nio.file.FileAlreadyExistsException
                ? "a file of that name exists"
                : e instanceof java.nio.file.AccessDeniedException
                        ? "permission denied"
                        : e.getClass().getSimpleName();
    }

    private static ProblemException failed(String detail) {
        return new ProblemException(OperationsProblem.BACKUP_FAILED, detail);
    }
}
