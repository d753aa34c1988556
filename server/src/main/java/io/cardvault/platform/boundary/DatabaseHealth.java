package io.cardvault.platform.boundary;

import io.cardvault.platform.control.DataAccessException;
import io.cardvault.platform.control.Jdbc;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready when the vault's database answers; the reason when not (a SQL state, never a URL). */
@Readiness
@ApplicationScoped
public class DatabaseHealth implements HealthCheck {

    @Inject Jdbc jdbc;

    @Override
    public HealthCheckResponse call() {
        try {
            jdbc.queryOne("select count(*) from crypto_keys", rs -> rs.getLong(1));
            return HealthCheckResponse.up("database");
        } catch (DataAccessException e) {
            return HealthCheckResponse.named("database")
                    .down()
                    .withData("reason", "database unreachable (SQL state " + e.sqlState() + ")")
                    .build();
        } catch (RuntimeException e) {
            return HealthCheckResponse.named("database")
                    .down()
                    .withData("reason", "database unreachable")
                    .build();
        }
    }
}
