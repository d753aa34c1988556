package io.cardvault.platform.control;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;
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

    @Inject
    @ConfigProperty(name = "cardvault.db.datasource")
    java.util.Optional<String> containerDataSource;

    @Inject DemoMode demoMode;

    private JdbcConnectionPool pool;
    private DataSource dataSource;

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
            dataSource = lookup(containerDataSource.get());
            migrate(dataSource);
            LOG.info("database ready: the container's DataSource " + containerDataSource.get());
            return;
        }
        String url = demoMode.databaseUrl();
        if (url.startsWith("jdbc:h2:")) {
            pool = JdbcConnectionPool.create(withDurability(url), user, password.orElse(""));
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
        pool.setLoginTimeout(10); // seconds to wait for a free connection, then 503
        dataSource = pool;
        migrate(pool);
        LOG.info(
                () ->
                        "database ready: "
                                + (url.startsWith("jdbc:h2:") ? "embedded H2" : "PostgreSQL"));
    }

    private static void migrate(DataSource ds) {
        Flyway.configure(Database.class.getClassLoader())
                .dataSource(ds)
                .locations("classpath:db/migration")
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
        return url.toUpperCase().contains("WRITE_DELAY") ? url : url + ";WRITE_DELAY=0";
    }

    public DataSource dataSource() {
        return dataSource;
    }

    @PreDestroy
    void close() {
        if (pool != null) {
            pool.dispose();
        }
    }
}
