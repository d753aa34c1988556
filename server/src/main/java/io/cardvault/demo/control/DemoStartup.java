package io.cardvault.demo.control;

import io.cardvault.platform.control.DemoMode;
import io.cardvault.tenants.control.AdminGuard;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;
import java.net.URI;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The last step of start-up (after the platform opened the database and the crypto feature loaded
 * the keyring): outside demo mode it says whether the admin API is on; in demo mode it ensures the
 * demo tenant and prints the banner with where to go. Failing here fails the deployment.
 */
@ApplicationScoped
public class DemoStartup {

    private static final Logger LOG = Logger.getLogger("cardvault");

    @Inject DemoMode demoMode;

    @Inject DemoTenant demoTenant;

    @Inject AdminGuard adminGuard;

    @Inject
    @ConfigProperty(name = "cardvault.public-url", defaultValue = "http://localhost:8080")
    String publicUrl;

    void start(
            @Observes
                    @Priority(Interceptor.Priority.APPLICATION + 900)
                    @Initialized(ApplicationScoped.class)
                    Object event) {
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
                        adminGuard.hasConfiguredKey()
                                ? adminGuard.effectiveKey()
                                : java.util.Optional.empty());
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
        // Secret and admin keys never go through the log (it may be a file others read): they
        // are only in demo.env, owner-only. The publishable key is public by design.
        banner.append("  Publishable key : ")
                .append(demo.publishableKey())
                .append('\n')
                .append(
                        "  Secret key and admin key: in the owner-only file (load them with . <file>): ");
        banner.append(demoMode.dataDirectory().resolve("demo.env"))
                .append('\n')
                .append("  Demo mode is for trying cardvault: do not put real cards in it.\n");
        LOG.info(banner::toString);
    }
}
