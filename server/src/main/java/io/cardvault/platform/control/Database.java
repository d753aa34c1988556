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
 * {@code cardvault.db.url} alone, and migrated by Flyway with the same scripts for both.
 *
 * <p>Durability: H2 is opened with {@code WRITE_DELAY=0}, so a commit is written to the file before
 * the statement returns and a token acknowledged with 201 survives {@code kill -9} of the process.
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

    @Inject DemoMode demoMode;

    private volatile JdbcConnectionPool pool;
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
            pool = JdbcConnectionPool.create(pg);
        } else {
            throw new IllegalStateException(
                    "cardvault.db.url must be a jdbc:h2: or jdbc:postgresql: URL");
        }
        pool.setMaxConnections(maxConnections);
        Flyway.configure(Database.class.getClassLoader())
                .dataSource(pool)
                .locations("classpath:db/migration", "classpath:db/vendor/{vendor}")
                .load()
                .migrate();
        if (url.startsWith("jdbc:h2:")) {
            OwnerOnlyFiles.databaseOf(url).ifPresent(OwnerOnlyFiles::restrict);
        }
        LOG.info(
                () ->
                        "database ready: "
                                + (url.startsWith("jdbc:h2:") ? "embedded H2" : "PostgreSQL"));
    }

    static String withDurability(String url) {
        return url.toUpperCase().contains("WRITE_DELAY") ? url : url + ";WRITE_DELAY=0";
    }

    public DataSource dataSource() {
        return pool;
    }

    /**
     * Every use of a connection holds this shared; {@link #rewriteEmbeddedFiles} holds it alone.
     */
    public ReentrantReadWriteLock gate() {
        return gate;
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
                pool = fresh;
            }
        } finally {
            gate.writeLock().unlock();
        }
    }

    @PreDestroy
    void close() {
        if (pool != null) {
            pool.dispose();
        }
    }
}
