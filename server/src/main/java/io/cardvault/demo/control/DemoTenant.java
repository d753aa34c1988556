package io.cardvault.demo.control;

import io.cardvault.tenants.control.ApiKeys;
import io.cardvault.tenants.control.TenantRegistry;
import io.cardvault.tenants.entity.Tenant;
import io.cardvault.tenants.entity.TenantId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Properties;

/**
 * Demo mode's tenant: created on first start with an admin key and a key pair, all written to
 * {@code <data-dir>/demo.env} (owner-only) so later starts reuse them and a shell can source them.
 * Its origins and destinations always include this server itself (demo page and sandbox PSP).
 */
@ApplicationScoped
public class DemoTenant {

    public record Demo(
            TenantId tenantId,
            String publishableKey,
            String secretKey,
            String adminKey,
            boolean created) {}

    @Inject TenantRegistry registry;

    private volatile Demo current;

    /** The demo tenant of this run, once {@link #ensure} ran (demo mode only). */
    public Optional<Demo> current() {
        return Optional.ofNullable(current);
    }

    /**
     * Demo mode only: makes sure the origin and sandbox destination of the port actually serving
     * are allowed.
     */
    public void allowLocalPort(int port) {
        Demo demo = current;
        if (demo == null) {
            return;
        }
        registry.find(demo.tenantId())
                .ifPresent(t -> allowSelf(t, URI.create("http://localhost:" + port)));
    }

    /** Adds this server's own origins and sandbox destination at {@code url} to the demo tenant. */
    private void allowSelf(Tenant t, URI url) {
        List<String> origins = merge(t.allowedOrigins(), origins(url));
        List<String> destinations = merge(t.allowedDestinations(), destinations(url));
        if (!origins.equals(t.allowedOrigins()) || !destinations.equals(t.allowedDestinations())) {
            registry.update(t.with(t.name(), origins, destinations));
        }
    }

    /**
     * @param configuredAdminKey {@code cardvault.admin.key} when set: then it is the effective
     *     admin key, and demo.env lists it instead of a demo key that would not work
     */
    public Demo ensure(Path dataDir, URI publicUrl, Optional<String> configuredAdminKey) {
        Path file = dataDir.resolve("demo.env");
        Properties p = read(file);
        String tenantId = p.getProperty("CARDVAULT_DEMO_TENANT");
        Optional<Tenant> existing = tenantId == null ? Optional.empty() : registry.find(tenantId);
        String adminKey =
                configuredAdminKey
                        .or(() -> Optional.ofNullable(p.getProperty("CARDVAULT_ADMIN_KEY")))
                        .orElseGet(() -> "ak_" + ApiKeys.randomBase62(32));
        if (existing.isPresent()) {
            allowSelf(existing.get(), publicUrl);
            String pk = p.getProperty("CARDVAULT_DEMO_PK");
            String sk = p.getProperty("CARDVAULT_DEMO_SK");
            TenantId id = existing.get().id();
            if (!adminKey.equals(p.getProperty("CARDVAULT_ADMIN_KEY"))) {
                write(file, id.value(), pk, sk, adminKey);
            }
            current = new Demo(id, pk, sk, adminKey, false);
            return current;
        }
        TenantRegistry.Created created =
                registry.create("Demo Shop", origins(publicUrl), destinations(publicUrl));
        Tenant t = created.tenant();
        var keys = created.keys();
        write(file, t.id().value(), keys.publishableKey(), keys.secretKey(), adminKey);
        current = new Demo(t.id(), keys.publishableKey(), keys.secretKey(), adminKey, true);
        return current;
    }

    static List<String> origins(URI publicUrl) {
        int port = publicUrl.getPort();
        String suffix = port == -1 ? "" : ":" + port;
        return List.of("http://localhost" + suffix, "http://127.0.0.1" + suffix);
    }

    static List<String> destinations(URI publicUrl) {
        int port = publicUrl.getPort() == -1 ? 80 : publicUrl.getPort();
        return List.of(
                "http://127.0.0.1:" + port + "/sandbox/psp/*",
                "http://localhost:" + port + "/sandbox/psp/*");
    }

    private static List<String> merge(List<String> a, List<String> b) {
        LinkedHashSet<String> s = new LinkedHashSet<>(a);
        s.addAll(b);
        return new ArrayList<>(s);
    }

    private static Properties read(Path file) {
        Properties p = new Properties();
        if (Files.exists(file)) {
            try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                p.load(r);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + file, e);
            }
        }
        return p;
    }

    private static void write(Path file, String tenantId, String pk, String sk, String adminKey) {
        try {
            Files.createDirectories(file.getParent());
            try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
                w.write(
                        "# cardvault demo mode: keys of the demo tenant. Source it: . data/demo.env\n");
                w.write("CARDVAULT_DEMO_TENANT=" + tenantId + "\n");
                w.write("CARDVAULT_DEMO_PK=" + pk + "\n");
                w.write("CARDVAULT_DEMO_SK=" + sk + "\n");
                w.write("CARDVAULT_ADMIN_KEY=" + adminKey + "\n");
            }
            try {
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException ignored) {
                // not a POSIX file system: the operator protects the data directory
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }
}
