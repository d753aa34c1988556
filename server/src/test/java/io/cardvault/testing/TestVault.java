package io.cardvault.testing;

import io.cardvault.platform.control.Database;
import io.cardvault.platform.control.Invalidations;
import io.cardvault.platform.control.Jdbc;
import io.cardvault.platform.control.LocalInvalidations;
import io.cardvault.tenants.control.ApiKeyStore;
import io.cardvault.tenants.control.CallbackSecretStore;
import io.cardvault.tenants.control.TenantRegistry;
import io.cardvault.tenants.control.TenantStore;
import java.util.UUID;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcConnectionPool;

/**
 * The real stores on a fresh in-memory H2 database with the real migrations, and a keyring with
 * fresh random keys: what the control classes need, without a container.
 */
public final class TestVault {

    private TestVault() {}

    public static Jdbc jdbc() {
        DataSource ds =
                JdbcConnectionPool.create(
                        "jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "");
        Flyway.configure(TestVault.class.getClassLoader())
                .dataSource(ds)
                .locations("classpath:db/migration", "classpath:db/vendor/{vendor}")
                .load()
                .migrate();
        Database database =
                new Database() {
                    @Override
                    public DataSource dataSource() {
                        return ds;
                    }
                };
        return Beans.set(new Jdbc(), "database", database);
    }

    /** A tenant registry wired to {@code jdbc} with all its stores. */
    public static TenantRegistry tenantRegistry(Jdbc jdbc) {
        return tenantRegistry(jdbc, new LocalInvalidations());
    }

    /**
     * A tenant registry wired to {@code jdbc}, whose caches hear {@code invalidations} (registries
     * sharing one stand for the nodes of a cluster).
     */
    public static TenantRegistry tenantRegistry(Jdbc jdbc, Invalidations invalidations) {
        TenantRegistry registry = new TenantRegistry();
        Beans.set(registry, "invalidations", invalidations);
        Beans.set(registry, "jdbc", jdbc);
        Beans.set(registry, "tenants", Beans.set(new TenantStore(), "jdbc", jdbc));
        Beans.set(registry, "keys", Beans.set(new ApiKeyStore(), "jdbc", jdbc));
        Beans.set(registry, "callbackSecrets", Beans.set(new CallbackSecretStore(), "jdbc", jdbc));
        return Beans.call(registry, "init");
    }
}
