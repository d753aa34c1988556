package io.cardvault.platform.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Demo mode is on by default with the embedded database and off as soon as an external database is
 * configured; {@code cardvault.demo=true|false} overrides. In demo mode the server creates a demo
 * tenant, an admin key and a master key file on first start and reuses them later.
 */
@ApplicationScoped
public class DemoMode {

    @Inject
    @ConfigProperty(name = "cardvault.data-dir", defaultValue = "./data")
    String dataDir;

    @Inject
    @ConfigProperty(name = "cardvault.db.url")
    Optional<String> dbUrl;

    @Inject
    @ConfigProperty(name = "cardvault.demo", defaultValue = "auto")
    String demo;

    public boolean enabled() {
        if ("true".equalsIgnoreCase(demo)) {
            return true;
        }
        if ("false".equalsIgnoreCase(demo)) {
            return false;
        }
        return databaseUrl().startsWith("jdbc:h2:");
    }

    public Path dataDirectory() {
        return Path.of(dataDir);
    }

    public String databaseUrl() {
        return dbUrl.filter(u -> !u.isBlank())
                .orElseGet(
                        () ->
                                "jdbc:h2:file:"
                                        + dataDirectory()
                                                .toAbsolutePath()
                                                .normalize()
                                                .resolve("cardvault"));
    }
}
