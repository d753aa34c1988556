package io.cardvault.forwarding.control;

import io.cardvault.platform.control.JsonFactories;
import io.cardvault.tenants.entity.TenantId;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.stream.JsonGenerator;
import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The write-ahead journal of the forward audit on the embedded database: one line per audit entry
 * (JSON, no card data: the same fields as the table), appended to a segment file beside the
 * database. An append is one {@code write} to the operating system, so it survives a crash of the
 * process the instant it returns; {@link AuditLog} moves the entries into the table in batches and
 * only then deletes the segment. Entries of one forward fold by id: the last one wins.
 */
final class AuditJournal {

    private static final Pattern SEGMENT = Pattern.compile("forward-audit\\.(\\d+)\\.journal");

    private final Path directory;
    private FileChannel channel; // guarded by this
    private long segment; // guarded by this
    private Map<String, AuditLog.Entry> unstored = new LinkedHashMap<>(); // guarded by this

    private AuditJournal(Path directory, long firstSegment) {
        this.directory = directory;
        this.segment = firstSegment;
    }

    /** Opens a new segment after any that a previous run left behind (see {@link #leftOver}). */
    static AuditJournal open(Path directory) {
        long next =
                segments(directory).stream().mapToLong(AuditJournal::number).max().orElse(0) + 1;
        AuditJournal journal = new AuditJournal(directory, next);
        synchronized (journal) {
            journal.channel = journal.openSegment(next);
        }
        return journal;
    }

    /** Appends one entry; it is in the operating system's hands when this returns. */
    void append(AuditLog.Entry entry) {
        // formatted outside the lock: under it, only the write and the map
        ByteBuffer line = ByteBuffer.wrap(line(entry).getBytes(StandardCharsets.UTF_8));
        synchronized (this) {
            try {
                while (line.hasRemaining()) {
                    channel.write(line);
                }
            } catch (IOException e) {
                throw new UncheckedIOException("could not append to the forward audit journal", e);
            }
            unstored.put(entry.forwardId(), entry);
        }
    }

    /**
     * What was appended since the last batch, and a fresh segment for what comes next; delete the
     * returned segment once the batch is stored.
     */
    Batch takeBatch() {
        long next;
        synchronized (this) {
            if (unstored.isEmpty()) {
                return new Batch(List.of(), null);
            }
            next = segment + 1;
        }
        // the next segment is created outside the lock (file creation is the slow part); callers
        // take batches one at a time (AuditLog.flush), so the segment number cannot move meanwhile
        FileChannel fresh = openSegment(next);
        Map<String, AuditLog.Entry> entries;
        Path done;
        FileChannel old;
        synchronized (this) {
            entries = unstored;
            unstored = new LinkedHashMap<>();
            done = segmentPath(segment);
            old = channel;
            segment = next;
            channel = fresh;
        }
        try {
            old.close();
        } catch (IOException ignored) {
            // every append to it already returned
        }
        return new Batch(new ArrayList<>(entries.values()), done);
    }

    /** A batch to store, and the segment file to delete once it is stored. */
    record Batch(List<AuditLog.Entry> entries, Path segment) {
        void stored() {
            if (segment != null) {
                try {
                    Files.deleteIfExists(segment);
                } catch (IOException e) {
                    throw new UncheckedIOException(
                            "could not delete a stored forward audit segment", e);
                }
            }
        }
    }

    /**
     * The entries that earlier runs appended and did not store (a crash), folded by forward id,
     * with the segments to delete once they are stored. An entry still in flight was sent and never
     * answered in that run: it is stored as interrupted.
     */
    static Batches leftOver(Path directory) {
        Map<String, AuditLog.Entry> folded = new LinkedHashMap<>();
        List<Path> files = segments(directory);
        files.sort((a, b) -> Long.compare(number(a), number(b)));
        for (Path file : files) {
            try {
                for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                    parse(line).ifPresent(e -> folded.put(e.forwardId(), e));
                }
            } catch (IOException e) {
                throw new UncheckedIOException("could not read a forward audit segment", e);
            }
        }
        List<AuditLog.Entry> entries = new ArrayList<>();
        for (AuditLog.Entry e : folded.values()) {
            entries.add(AuditLog.IN_FLIGHT.equals(e.errorCode()) ? AuditLog.interrupted(e) : e);
        }
        return new Batches(entries, files);
    }

    /** Entries left by earlier runs and their segment files. */
    record Batches(List<AuditLog.Entry> entries, List<Path> segments) {
        void stored() {
            for (Path p : segments) {
                new Batch(List.of(), p).stored();
            }
        }
    }

    synchronized void close() {
        try {
            channel.close();
        } catch (IOException ignored) {
            // appends already returned
        }
    }

    private FileChannel openSegment(long n) {
        Path path = segmentPath(n);
        try {
            FileChannel opened =
                    FileChannel.open(
                            path,
                            StandardOpenOption.CREATE,
                            StandardOpenOption.WRITE,
                            StandardOpenOption.APPEND);
            try {
                Files.setPosixFilePermissions(path, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException nonPosix) {
                // the operator protects the directory
            }
            return opened;
        } catch (IOException e) {
            throw new UncheckedIOException("could not open the forward audit journal", e);
        }
    }

    private Path segmentPath(long n) {
        return directory.resolve("forward-audit." + n + ".journal");
    }

    private static List<Path> segments(Path directory) {
        if (!Files.isDirectory(directory)) {
            return new ArrayList<>();
        }
        try (Stream<Path> files = Files.list(directory)) {
            return new ArrayList<>(
                    files.filter(p -> SEGMENT.matcher(p.getFileName().toString()).matches())
                            .toList());
        } catch (IOException e) {
            throw new UncheckedIOException("could not list the forward audit journal", e);
        }
    }

    private static long number(Path segment) {
        Matcher m = SEGMENT.matcher(segment.getFileName().toString());
        return m.matches() ? Long.parseLong(m.group(1)) : 0;
    }

    static String line(AuditLog.Entry e) {
        StringWriter out = new StringWriter(256);
        try (JsonGenerator g = JsonFactories.GENERATORS.createGenerator(out)) {
            g.writeStartObject().write("id", e.forwardId()).write("tenant", e.tenantId().value());
            nullable(g, "token", e.tokenId());
            g.write("method", e.method());
            nullable(g, "host", e.host());
            nullable(g, "path", e.path());
            g.write("status", e.status()).write("ms", e.durationMillis());
            nullable(g, "error", e.errorCode());
            g.write("at", e.createdAt()).write("preview", e.preview()).writeEnd();
        }
        return out.append('\n').toString();
    }

    /** One line back into an entry; a line cut short by a crash mid-write is skipped. */
    static java.util.Optional<AuditLog.Entry> parse(String line) {
        if (line.isBlank()) {
            return java.util.Optional.empty();
        }
        try (JsonReader r = JsonFactories.reader(new StringReader(line))) {
            JsonObject o = r.readObject();
            return java.util.Optional.of(
                    new AuditLog.Entry(
                            o.getString("id"),
                            new TenantId(o.getString("tenant")),
                            o.getString("token", null),
                            o.getString("method"),
                            o.getString("host", null),
                            o.getString("path", null),
                            o.getInt("status"),
                            o.getJsonNumber("ms").longValue(),
                            o.getString("error", null),
                            o.getJsonNumber("at").longValue(),
                            o.getBoolean("preview", false)));
        } catch (JsonException | ClassCastException | NullPointerException e) {
            return java.util.Optional.empty();
        }
    }

    private static void nullable(JsonGenerator g, String name, String value) {
        if (value == null) {
            g.writeNull(name);
        } else {
            g.write(name, value);
        }
    }
}
