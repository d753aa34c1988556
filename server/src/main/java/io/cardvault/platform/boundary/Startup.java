package io.cardvault.platform.boundary;

import io.cardvault.crypto.control.Keyring;
import io.cardvault.platform.control.Database;
import io.cardvault.platform.control.DemoMode;
import io.cardvault.tenants.control.AdminGuard;
import io.cardvault.tenants.control.DemoTenant;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.Singleton;
import jakarta.inject.Inject;
import java.net.URI;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Brings the vault up at deployment: database and migrations, keyring, and in demo mode the demo
 * tenant, then prints where to go. Failing here fails the deployment, which is what an operator
 * wants when the master key or database is wrong.
 */
@Singleton
@jakarta.ejb.Startup
public class Startup {

    private static final Logger LOG = Logger.getLogger("cardvault");

    @Inject Database database;

    @Inject Keyring keyring;

    @Inject DemoMode demoMode;

    @Inject DemoTenant demoTenant;

    @Inject AdminGuard adminGuard;

    @Inject
    @ConfigProperty(name = "cardvault.public-url", defaultValue = "http://localhost:8080")
    String publicUrl;

    @PostConstruct
    void start() {
        database.dataSource();
        keyring.cardEncryptor();
        if (!demoMode.enabled()) {
            LOG.info(
                    adminGuard.hasConfiguredKey()
                            ? "cardvault ready (admin API enabled)"
                            : "cardvault ready; admin API disabled: set cardvault.admin.key to enable it");
            return;
        }
        DemoTenant.Demo demo =
                demoTenant.ensure(
                        demoMode.dataDirectory(),
                        URI.create(publicUrl),
                        adminGuard.hasConfiguredKey());
        if (!adminGuard.hasConfiguredKey()) {
            adminGuard.useDemoKey(demo.adminKey());
        }
        String base =
                publicUrl.endsWith("/")
                        ? publicUrl.substring(0, publicUrl.length() - 1)
                        : publicUrl;
        StringBuilder banner =
                new StringBuilder(
                                "\n\n=== cardvault is running in DEMO MODE (embedded database in ")
                        .append(demoMode.dataDirectory().toAbsolutePath().normalize())
                        .append(") ===\n")
                        .append("  Demo checkout : ")
                        .append(base)
                        .append("/demo/\n")
                        .append("  API           : ")
                        .append(base)
                        .append("/api/v1  (OpenAPI: ")
                        .append(base)
                        .append("/openapi)\n")
                        .append("  Demo tenant   : ")
                        .append(demo.tenantId())
                        .append('\n');
        if (demo.created()) {
            banner.append("  Publishable key : ")
                    .append(demo.publishableKey())
                    .append('\n')
                    .append("  Secret key      : ")
                    .append(demo.secretKey())
                    .append('\n')
                    .append("  Admin key       : ")
                    .append(
                            adminGuard.hasConfiguredKey()
                                    ? "(from cardvault.admin.key)"
                                    : demo.adminKey())
                    .append('\n')
                    .append("  These keys are shown once; they are also in ");
        } else {
            banner.append("  Keys reused from the first start; load them into your shell with: . ");
        }
        banner.append(demoMode.dataDirectory().resolve("demo.env"))
                .append('\n')
                .append("  Demo mode is for trying cardvault: do not put real cards in it.\n");
        LOG.info(banner::toString);
    }
}
