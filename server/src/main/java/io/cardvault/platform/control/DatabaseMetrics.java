package io.cardvault.platform.control;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcConnectionPool;

/**
 * Gauges of the connection pool: connections in use and the pool's maximum, read at each scrape
 * (cheap: two fields of the pool). A pool near its maximum is where requests start to queue.
 */
@ApplicationScoped
public class DatabaseMetrics {

    @Inject Database database;

    void register(
            @Observes
                    @Priority(Interceptor.Priority.APPLICATION + 150)
                    @Initialized(ApplicationScoped.class)
                    Object applicationStarted) {
        Counters.gauge("cardvault_db_connections_active", () -> pool(database.dataSource(), true));
        Counters.gauge("cardvault_db_connections_max", () -> pool(database.dataSource(), false));
    }

    private static int pool(DataSource ds, boolean active) {
        if (ds instanceof JdbcConnectionPool p) {
            return active ? p.getActiveConnections() : p.getMaxConnections();
        }
        return -1;
    }
}
