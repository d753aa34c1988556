package io.cardvault.forwarding.control;

import io.cardvault.platform.control.DaemonThreads;
import io.cardvault.platform.control.Database;
import io.cardvault.platform.control.Jdbc;
import io.cardvault.platform.entity.BackupStarting;
import io.cardvault.tenants.entity.TenantId;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The audit trail of forwards and their previews (marked {@code preview}): who, which token,
 * method, destination host and path (no query: it may carry card data), status, duration and the
 * proxy's error code. Never bodies or header values.
 *
 * <p>Write-ahead: a forward is recorded <em>before</em> the request leaves ({@link #sending}, error
 * code {@value #IN_FLIGHT}) and again with its outcome ({@link #record}), so a crash between the
 * two leaves an {@value #IN_FLIGHT} (or, on the embedded database, {@value #INTERRUPTED}) row,
 * never no row. On the embedded database both go to an append-only journal beside the database file
 * (one {@code write}, microseconds, survives a crash of the process) and are moved into the table
 * in batches, one transaction every {@value #BATCH_MILLIS} ms; entries a crash left in the journal
 * are stored at the next start. On PostgreSQL, where a commit is durable on its own, both are rows.
 */
@ApplicationScoped
public class AuditLog {

    private static final Logger LOG = Logger.getLogger(AuditLog.class.getName());

    /** The error code of a forward sent and not yet answered. */
    public static final String IN_FLIGHT = "in-flight";

    /** The error code of a forward that was sent when the process stopped before its answer. */
    public static final String INTERRUPTED = "interrupted";

    static final long BATCH_MILLIS = 200;

    public record Entry(
            String forwardId,
            TenantId tenantId,
            String tokenId,
            String method,
            String host,
            String path,
            int status,
            long durationMillis,
            String errorCode,
            long createdAt,
            boolean preview) {

        Entry withErrorCode(String code) {
            return new Entry(
                    forwardId,
                    tenantId,
                    tokenId,
                    method,
                    host,
                    path,
                    status,
                    durationMillis,
                    code,
                    createdAt,
                    preview);
        }
    }

    @Inject Jdbc jdbc;

    @Inject Database database;

    private AuditJournal journal;
    ScheduledExecutorService mover; // package-private: a test stops it to play a crash
    private final Object storing = new Object();

    /** Stores what a crash left in the journal at deployment, not at the first forward. */
    void startEagerly(
            @Observes
                    @Priority(Interceptor.Priority.APPLICATION + 200)
                    @Initialized(ApplicationScoped.class)
                    Object applicationStarted) {
        // the observer's bean instance is created, and opened, to deliver the event
    }

    @PostConstruct
    void open() {
        Optional<Path> directory = database.embeddedDirectory();
        if (directory.isEmpty()) {
            return;
        }
        AuditJournal.Batches left = AuditJournal.leftOver(directory.get());
        if (!left.entries().isEmpty()) {
            store(left.entries());
            LOG.info(
                    () ->
                            "forward audit: "
                                    + left.entries().size()
                                    + " entries of an earlier run moved from the journal");
        }
        left.stored();
        // single node: a row still in flight in the table belongs to a run that stopped
        jdbc.update(
                "update forward_audit set error_code = ? where error_code = ?",
                INTERRUPTED,
                IN_FLIGHT);
        journal = AuditJournal.open(directory.get());
        mover = Executors.newSingleThreadScheduledExecutor(DaemonThreads.named("cardvault-audit"));
        mover.scheduleWithFixedDelay(
                this::moveQuietly, BATCH_MILLIS, BATCH_MILLIS, TimeUnit.MILLISECONDS);
    }

    /** Before the request leaves: the forward is on record even if the process dies now. */
    public void sending(Entry e) {
        Entry inFlight = e.withErrorCode(IN_FLIGHT);
        if (journal != null) {
            journal.append(inFlight);
        } else {
            insert(inFlight);
        }
    }

    /** The outcome (or a preview, or a forward refused before it was sent). */
    public void record(Entry e) {
        try {
            if (journal != null) {
                journal.append(e);
            } else {
                completeOrInsert(e);
            }
        } catch (RuntimeException failure) {
            LOG.log(
                    Level.SEVERE,
                    "could not write the audit record of forward {0}: {1}",
                    new Object[] {e.forwardId(), failure.getClass().getSimpleName()});
        }
    }

    /** Moves what the journal holds into the table now (before a read, and at shutdown). */
    public void flush() {
        if (journal == null) {
            return;
        }
        synchronized (storing) {
            AuditJournal.Batch batch = journal.takeBatch();
            if (!batch.entries().isEmpty()) {
                store(batch.entries());
            }
            batch.stored();
        }
    }

    /** A backup is about to copy the database: the journal's entries go into it first. */
    void beforeBackup(@Observes BackupStarting e) {
        flush();
    }

    @PreDestroy
    void close() {
        if (mover != null) {
            mover.shutdownNow();
            moveQuietly();
            journal.close();
        }
    }

    private void moveQuietly() {
        try {
            flush();
        } catch (RuntimeException e) {
            // the entries stay in the journal's segment and are stored at the next start
            LOG.warning("could not move forward audit entries: " + e.getClass().getName());
        }
    }

    /** One transaction (durable when it returns) for a batch of entries. */
    private void store(List<Entry> entries) {
        jdbc.inTransaction(() -> entries.forEach(this::completeOrInsert));
    }

    /** The outcome onto the forward's in-flight row, or a row of its own when it has none. */
    private void completeOrInsert(Entry e) {
        int completed =
                jdbc.update(
                        "update forward_audit set status = ?, duration_ms = ?, error_code = ? where id = ?",
                        e.status(),
                        e.durationMillis(),
                        e.errorCode(),
                        e.forwardId());
        if (completed == 0) {
            insert(e);
        }
    }

    private void insert(Entry e) {
        jdbc.update(INSERT, params(e));
    }

    private static final String INSERT =
            "insert into forward_audit (id, tenant_id, token_id, method, destination_host, destination_path, status,"
                    + " duration_ms, error_code, created_at, preview) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

    private static Object[] params(Entry e) {
        return new Object[] {
            e.forwardId(),
            e.tenantId().value(),
            e.tokenId(),
            e.method(),
            truncate(e.host(), 255),
            truncate(e.path(), 2000),
            e.status(),
            e.durationMillis(),
            e.errorCode(),
            e.createdAt(),
            e.preview()
        };
    }

    static Entry interrupted(Entry e) {
        return e.withErrorCode(INTERRUPTED);
    }

    public List<Entry> recent(TenantId tenantId, int limit) {
        flush();
        return jdbc.query(
                "select * from forward_audit where tenant_id = ? order by created_at desc limit "
                        + Math.min(limit, 1000),
                rs ->
                        new Entry(
                                rs.getString("id"),
                                new TenantId(rs.getString("tenant_id")),
                                rs.getString("token_id"),
                                rs.getString("method"),
                                rs.getString("destination_host"),
                                rs.getString("destination_path"),
                                rs.getInt("status"),
                                rs.getLong("duration_ms"),
                                rs.getString("error_code"),
                                rs.getLong("created_at"),
                                rs.getBoolean("preview")),
                tenantId.value());
    }

    private static String truncate(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }
}
