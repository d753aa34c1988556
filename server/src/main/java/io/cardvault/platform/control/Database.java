package io.cardvault.platform.control;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcConnectionPool;
import org.postgresql.ds.PGConnectionPoolDataSource;

/**
 * The one connection pool, for the embedded H2 file database (default) or PostgreSQL, chosen by
 * {@code cardvault.db.url} alone, and migrated by Flyway with the same scripts for both. An
 * operator who wants the container's pool (validation, leak detection, metrics) binds a {@code
 * DataSource} on their server and names it in {@code cardvault.db.datasource} (for example {@code
 * java:comp/env/jdbc/cardvault} or {@code jdbc/cardvault}); it is used as it is.
 *
 * <p>Durability: H2 is opened with {@code WRITE_DELAY=0}, so a commit is written to the file before
 * the statement returns and survives {@code kill -9} of the process. H2 never flushes the file to
 * the device by itself, so {@link Jdbc} calls {@link #awaitDurable} after every write it
 * acknowledges: one {@code fsync} of the database file covers every commit made before it started
 * (group commit), so a {@code 201} also survives a power cut. The {@code fsync} is made on a
 * channel of our own, not with {@code CHECKPOINT SYNC}: H2 runs that inside a lock on the whole
 * database, so no commit could proceed while the device flushes, and a group never grew past two or
 * three commits. PostgreSQL flushes its WAL at commit itself ({@code synchronous_commit=on}).
 * Tokenizations also share the commit itself ({@link Jdbc#inSharedTransaction}).
 *
 * <p>Disk: {@code WRITE_DELAY=0} also stops H2's background thread, which frees the space of
 * superseded pages; {@link #housekeep} does that work instead, every {@value #HOUSEKEEPING_MILLIS}
 * ms.
 */
@ApplicationScoped
public class Database {

    private static final Logger LOG = Logger.getLogger(Database.class.getName());

    @Inject
    @ConfigProperty(name = "cardvault.db.user", defaultValue = "sa")
    String user;

    @Inject
    @ConfigProperty(name = "cardvault.db.password")
    java.util.Optional<String> password;

    @Inject
    @ConfigProperty(name = "cardvault.db.max-connections", defaultValue = "20")
    int maxConnections;

    @Inject
    @ConfigProperty(name = "cardvault.db.datasource")
    java.util.Optional<String> containerDataSource = java.util.Optional.empty();

    @Inject DemoMode demoMode;

    private volatile JdbcConnectionPool pool;
    private DataSource containerPool;
    private String h2Url;
    private final ReentrantReadWriteLock gate = new ReentrantReadWriteLock();

    /** Opens and migrates the database at deployment, so a wrong URL fails the deployment. */
    void startEagerly(
            @Observes
                    @Priority(Interceptor.Priority.APPLICATION + 100)
                    @Initialized(ApplicationScoped.class)
                    Object applicationStarted) {
        dataSource();
    }

    @PostConstruct
    void open() {
        if (containerDataSource.filter(n -> !n.isBlank()).isPresent()) {
            containerPool = lookup(containerDataSource.get());
            migrate(containerPool);
            LOG.info("database ready: the container's DataSource " + containerDataSource.get());
            return;
        }
        String url = demoMode.databaseUrl();
        if (url.startsWith("jdbc:h2:")) {
            OwnerOnlyFiles.databaseOf(url).ifPresent(OwnerOnlyFiles::prepare);
            h2Url = withDurability(url);
            pool = JdbcConnectionPool.create(h2Url, user, password.orElse(""));
        } else if (url.startsWith("jdbc:postgresql:")) {
            PGConnectionPoolDataSource pg = new PGConnectionPoolDataSource();
            pg.setURL(url);
            pg.setUser(user);
            pg.setPassword(password.orElse(""));
            // a database that does not answer fails a request in bounded time, never hangs it
            pg.setConnectTimeout(5);
            pg.setSocketTimeout(30);
            pool = JdbcConnectionPool.create(pg);
        } else {
            throw new IllegalStateException(
                    "cardvault.db.url must be a jdbc:h2: or jdbc:postgresql: URL");
        }
        pool.setMaxConnections(maxConnections);
        if (onDisk()) {
            housekeeping =
                    java.util.concurrent.Executors.newSingleThreadScheduledExecutor(
                            DaemonThreads.named("cardvault-h2-housekeeping"));
            housekeeping.scheduleWithFixedDelay(
                    this::housekeepQuietly,
                    HOUSEKEEPING_MILLIS,
                    HOUSEKEEPING_MILLIS,
                    java.util.concurrent.TimeUnit.MILLISECONDS);
        }
        pool.setLoginTimeout(10); // seconds to wait for a free connection, then 503
        migrate(pool);
        if (url.startsWith("jdbc:h2:")) {
            OwnerOnlyFiles.databaseOf(url).ifPresent(OwnerOnlyFiles::restrict);
        }
        LOG.info(
                () ->
                        "database ready: "
                                + (url.startsWith("jdbc:h2:") ? "embedded H2" : "PostgreSQL"));
    }

    private static void migrate(DataSource ds) {
        Flyway.configure(Database.class.getClassLoader())
                .dataSource(ds)
                .locations("classpath:db/migration", "classpath:db/vendor/{vendor}")
                .load()
                .migrate();
    }

    private static DataSource lookup(String name) {
        try {
            return (DataSource) new javax.naming.InitialContext().lookup(name);
        } catch (javax.naming.NamingException | ClassCastException e) {
            throw new IllegalStateException(
                    "cardvault.db.datasource names no DataSource the server has bound: " + name);
        }
    }

    static String withDurability(String url) {
        String upper = url.toUpperCase(java.util.Locale.ROOT);
        String out = upper.contains("WRITE_DELAY") ? url : url + ";WRITE_DELAY=0";
        // H2 keeps a superseded chunk this long before it reuses its space (default 45 s, on the
        // assumption that the OS writes a file's pages out within that time); every write here is
        // on the device within a second (awaitDurable, and the housekeeping's fsync), so 10 s
        // keeps a margin while the file stays a fraction of the size under load
        out = upper.contains("RETENTION_TIME") ? out : out + ";RETENTION_TIME=" + RETENTION_MS;
        // closed by close() below, not by H2's own JVM hook, which runs after the container has
        // stopped and logs a stack trace on every SIGTERM
        return upper.contains("DB_CLOSE_ON_EXIT") ? out : out + ";DB_CLOSE_ON_EXIT=FALSE";
    }

    static final int RETENTION_MS = 10_000;

    private final java.util.concurrent.atomic.AtomicLong commits =
            new java.util.concurrent.atomic.AtomicLong();
    private final Object syncLock = new Object();
    private volatile long synced; // written under syncLock

    /**
     * Returns once every commit this thread made is on the device. Call it after the commit, with
     * no connection held. On the embedded database that is one {@code CHECKPOINT SYNC} ({@code
     * fsync} of the database file) shared by every commit that finished before it began: a thread
     * whose commit an fsync already covers returns without its own. A no-op for PostgreSQL and a
     * container's pool, whose commit is already durable.
     */
    public void awaitDurable() {
        if (!onDisk()) {
            return;
        }
        long mine = commits.incrementAndGet();
        synchronized (syncLock) {
            if (synced >= mine) {
                return;
            }
            try {
                syncFile();
            } catch (java.io.IOException e) {
                throw new DataAccessException("sync", new java.sql.SQLException(e));
            }
        }
    }

    /**
     * One {@code fsync} of the database file, covering every commit counted before it began. Takes
     * {@code syncLock}, then the gate shared: always in that order, or a {@link
     * #rewriteEmbeddedFiles} waiting for the gate could deadlock the two callers.
     */
    private void syncFile() throws java.io.IOException {
        synchronized (syncLock) {
            long upTo = commits.get();
            gate.readLock().lock();
            try {
                // H2 has written every commit to the file before the commit returned
                // (WRITE_DELAY=0); fsync applies to the file, whichever descriptor wrote it
                syncChannel().force(false);
            } finally {
                gate.readLock().unlock();
            }
            synced = Math.max(synced, upTo);
        }
    }

    private java.util.concurrent.ScheduledExecutorService housekeeping;
    private boolean housekeepingFailed; // only the housekeeping thread touches these two
    private long commitsAtLastHousekeeping;

    /**
     * A round that saw at most this many commits since the last one counts as idle (the key jobs'
     * lease commits once a second; under load there are hundreds a round).
     */
    static final int IDLE_COMMITS = 1;

    /**
     * The housekeeping's period. Four rounds of at most 1 MB a second, not one: side by side at
     * about 3,300 tokenizations a second (16 clients, 25-s rounds for 3.5 minutes), one round a
     * second let the file grow by about 26 MB a second, four rounds by 5-6 MB a second (about what
     * the tokens themselves add at half the chunks' space in use), with the same p99 (20-25 against
     * 20-37 ms); ten rounds a second did no better than four.
     */
    static final long HOUSEKEEPING_MILLIS = 250;

    /**
     * Every {@value #HOUSEKEEPING_MILLIS} ms on the embedded database in a file: H2's chunk
     * compaction, which its own background thread would do if cardvault opened it with a write
     * delay ({@link EmbeddedStoreHousekeeping}), then an {@code fsync} of the file unless a commit
     * came meanwhile (the next commit's own {@code fsync} covers the round's writes), so that
     * nothing H2 wrote waits in the OS's cache for much longer than a second (the margin of {@link
     * #RETENTION_MS}).
     */
    void housekeep() throws java.sql.SQLException, java.io.IOException {
        long seen = commits.get();
        // idle: hardly a commit since the last round (see IDLE_COMMITS)
        boolean idle = seen - commitsAtLastHousekeeping <= IDLE_COMMITS;
        gate.readLock().lock();
        try (java.sql.Connection c = pool.getConnection()) {
            EmbeddedStoreHousekeeping.run(c, idle);
        } finally {
            gate.readLock().unlock();
        }
        commitsAtLastHousekeeping = seen;
        if (idle || commits.get() == seen) {
            // while commits go on, the fsync of the next one covers what this round wrote
            syncFile();
        }
    }

    private void housekeepQuietly() {
        try {
            housekeep();
            housekeepingFailed = false;
        } catch (java.sql.SQLException | java.io.IOException | RuntimeException e) {
            if (!housekeepingFailed) { // once per failure streak, not every round
                LOG.warning(
                        "embedded database housekeeping failed, retried every "
                                + HOUSEKEEPING_MILLIS
                                + " ms: "
                                + e.getClass().getName());
            }
            housekeepingFailed = true;
        }
    }

    private java.nio.channels.FileChannel syncChannel; // used under syncLock
    private long syncChannelGeneration;
    private volatile long fileGeneration; // changes when SHUTDOWN COMPACT replaced the file

    private java.nio.channels.FileChannel syncChannel() throws java.io.IOException {
        long generation = fileGeneration;
        if (syncChannel == null || !syncChannel.isOpen() || syncChannelGeneration != generation) {
            closeQuietly(syncChannel);
            syncChannel =
                    java.nio.channels.FileChannel.open(
                            databaseFile(), java.nio.file.StandardOpenOption.WRITE);
            syncChannelGeneration = generation;
        }
        return syncChannel;
    }

    private static void closeQuietly(java.nio.channels.FileChannel channel) {
        if (channel != null) {
            try {
                channel.close();
            } catch (java.io.IOException ignored) {
                // nothing was written through it
            }
        }
    }

    /** The file H2 keeps the embedded database in. */
    private java.nio.file.Path databaseFile() {
        java.nio.file.Path base =
                OwnerOnlyFiles.databaseOf(h2Url)
                        .orElseThrow(() -> new IllegalStateException("no database file"));
        return base.resolveSibling(base.getFileName() + ".mv.db");
    }

    /**
     * The directory of the embedded database file, where files that belong with it are kept (the
     * forward audit's journal); empty for PostgreSQL, a container's pool and in-memory databases.
     */
    public java.util.Optional<java.nio.file.Path> embeddedDirectory() {
        return onDisk()
                ? java.util.Optional.of(databaseFile().getParent())
                : java.util.Optional.empty();
    }

    /** The embedded database in a file (not an in-memory one of the unit tests). */
    private boolean onDisk() {
        return h2Url != null && !h2Url.startsWith("jdbc:h2:mem:");
    }

    public DataSource dataSource() {
        return containerPool != null ? containerPool : pool;
    }

    /**
     * Every use of a connection holds this shared; {@link #rewriteEmbeddedFiles} holds it alone.
     */
    public ReentrantReadWriteLock gate() {
        return gate;
    }

    /** The pool is cardvault's own (embedded H2 or PostgreSQL), not a container's DataSource. */
    public boolean ownsPool() {
        return containerPool == null;
    }

    public boolean embedded() {
        return h2Url != null;
    }

    /**
     * Rewrites the embedded database into fresh files ({@code SHUTDOWN COMPACT}), so that no copy
     * of a deleted row survives in old pages of the MVStore (which keeps many). Requests wait while
     * it runs (milliseconds for a small database, seconds for a large one); none fails.
     */
    public void rewriteEmbeddedFiles() {
        if (!embedded()) {
            throw new IllegalStateException("only the embedded database is rewritten this way");
        }
        gate.writeLock().lock();
        try {
            // SHUTDOWN COMPACT replaces the file: the next sync opens the new one
            fileGeneration++;
            pool.dispose();
            org.h2.jdbcx.JdbcDataSource direct = new org.h2.jdbcx.JdbcDataSource();
            direct.setURL(h2Url);
            direct.setUser(user);
            direct.setPassword(password.orElse(""));
            try (java.sql.Connection c = direct.getConnection();
                    java.sql.Statement st = c.createStatement()) {
                st.execute("SHUTDOWN COMPACT");
            } catch (java.sql.SQLException e) {
                throw new DataAccessException("compact", e);
            } finally {
                JdbcConnectionPool fresh =
                        JdbcConnectionPool.create(h2Url, user, password.orElse(""));
                fresh.setMaxConnections(maxConnections);
                fresh.setLoginTimeout(10);
                pool = fresh;
            }
        } finally {
            gate.writeLock().unlock();
        }
    }

    @PreDestroy
    void close() {
        if (housekeeping != null) {
            housekeeping.shutdownNow();
            try {
                housekeeping.awaitTermination(10, java.util.concurrent.TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        closeQuietly(syncChannel);
        if (pool != null) {
            pool.dispose();
        }
    }
}
