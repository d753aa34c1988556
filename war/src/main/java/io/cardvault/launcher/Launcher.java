package io.cardvault.launcher;

import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The runnable bundle's entry point ({@code java -jar cardvault.jar ...}): decides clustering
 * ({@link ClusterOptions}), prepares HTTPS, then hands the arguments to Payara Micro; once that has
 * booted, puts the edge filter into its HTTP listeners ({@link EdgeHook}).
 *
 * <p>With {@code --sslport <port>} it reads {@code CARDVAULT_TLS_CERT_FILE} (PEM chain) and {@code
 * CARDVAULT_TLS_KEY_FILE} (PEM PKCS#8 key), checks that they belong together, and writes them as a
 * PKCS#12 key store into a fresh owner-only directory that also holds Payara Micro's runtime
 * directory; Payara's HTTPS listener then serves that certificate ({@code --sslcert cardvault}). A
 * missing or unreadable file stops here, before Payara starts, with one line naming the file.
 */
public final class Launcher {

    static final String CERT_ENV = "CARDVAULT_TLS_CERT_FILE";
    static final String KEY_ENV = "CARDVAULT_TLS_KEY_FILE";

    /** Payara Micro's master password, which is also the password of its key store. */
    private static final char[] PAYARA_KEYSTORE_PASSWORD = "changeit".toCharArray();

    private static final String PAYARA_MAIN = "fish.payara.micro.PayaraMicro";

    private Launcher() {}

    public static void main(String[] args) throws Throwable {
        edgeDefaults();
        String[] payaraArgs;
        Path keystore = null;
        try {
            args = ClusterOptions.apply(args).toArray(new String[0]);
            // the application then insists on the data grid (platform.control.Grid)
            option(args, "--clustermode")
                    .ifPresent(m -> System.setProperty("cardvault.clustermode", m));
        } catch (IllegalArgumentException e) {
            System.err.println("cardvault: " + e.getMessage());
            System.exit(2);
            return;
        }
        try {
            Prepared prepared = prepare(args, System.getenv());
            payaraArgs = prepared.args();
            keystore = prepared.keystore();
        } catch (TlsSetupException e) {
            System.err.println("cardvault: cannot start HTTPS: " + e.getMessage());
            System.exit(2);
            return;
        }
        GracefulStop.install();
        try {
            Class.forName(PAYARA_MAIN)
                    .getMethod("main", String[].class)
                    .invoke(null, (Object) payaraArgs);
            GracefulStop.install(); // again, in case booting replaced the handler
            EdgeHook.install(Thread.currentThread().getContextClassLoader());
        } catch (InvocationTargetException e) {
            throw e.getCause();
        } finally {
            if (keystore != null) {
                // Payara copied it into its (owner-only) runtime directory while booting
                Files.deleteIfExists(keystore);
            }
        }
    }

    /**
     * HTTP edge (issue 10 #17): Grizzly answers a header value outside ASCII with an empty {@code
     * 400} before the application runs; with its strict check off, such a request reaches
     * cardvault's header filter, which answers {@code 400 malformed-request} as problem+json.
     * Header names keep Grizzly's strict check. An explicit {@code -D} setting wins.
     */
    static void edgeDefaults() {
        if (System.getProperty(GRIZZLY_STRICT_HEADER_VALUES) == null) {
            System.setProperty(GRIZZLY_STRICT_HEADER_VALUES, "false");
        }
    }

    static final String GRIZZLY_STRICT_HEADER_VALUES =
            "org.glassfish.grizzly.http.STRICT_HEADER_VALUE_VALIDATION_RFC_9110";

    record Prepared(String[] args, Path keystore) {}

    static Prepared prepare(String[] args, Map<String, String> env) {
        Optional<String> sslPort = option(args, "--sslport");
        Optional<String> cert = setting(env, CERT_ENV, "cardvault.tls.cert-file");
        Optional<String> key = setting(env, KEY_ENV, "cardvault.tls.key-file");
        if (sslPort.isEmpty()) {
            if (cert.isPresent() || key.isPresent()) {
                System.err.println(
                        "cardvault: "
                                + CERT_ENV
                                + "/"
                                + KEY_ENV
                                + " are set but --sslport is not: serving plain HTTP only");
            }
            return new Prepared(args, null);
        }
        if (!sslPort.get().matches("[0-9]{1,5}")) {
            throw new TlsSetupException("--sslport needs a port number");
        }
        if (cert.isEmpty() || key.isEmpty()) {
            throw new TlsSetupException(
                    "--sslport needs "
                            + CERT_ENV
                            + " (PEM certificate chain) and "
                            + KEY_ENV
                            + " (PEM PKCS#8 private key)");
        }
        PemKeystore pem = PemKeystore.read(Path.of(cert.get()), Path.of(key.get()));
        Path keystore;
        try {
            Path dir = privateDirectory();
            keystore = dir.resolve("keystore.p12");
            pem.writePkcs12(keystore, PAYARA_KEYSTORE_PASSWORD);
            if (option(args, "--rootdir").isEmpty()
                    && System.getProperty("fish.payara.micro.tmpdir") == null
                    && System.getProperty("glassfish.embedded.tmpdir") == null) {
                // Payara copies the key store into its runtime directory: keep that private too
                System.setProperty("glassfish.embedded.tmpdir", dir.toString());
            } else {
                System.err.println(
                        "cardvault: Payara Micro copies the HTTPS key store into its runtime directory (--rootdir): make sure only this user can read it");
            }
        } catch (IOException e) {
            throw new TlsSetupException(
                    "cannot write the HTTPS key store to a temporary directory: "
                            + e.getClass().getSimpleName());
        }
        System.setProperty("javax.net.ssl.keyStore", keystore.toString());
        System.setProperty("cardvault.https-port", sslPort.get());
        List<String> all = new ArrayList<>(Arrays.asList(args));
        if (option(args, "--sslcert").isEmpty()) {
            all.add("--sslcert");
            all.add(PemKeystore.ALIAS);
        }
        return new Prepared(all.toArray(new String[0]), keystore);
    }

    private static Path privateDirectory() throws IOException {
        try {
            return Files.createTempDirectory(
                    "cardvault-",
                    PosixFilePermissions.asFileAttribute(
                            PosixFilePermissions.fromString("rwx------")));
        } catch (UnsupportedOperationException noPosix) {
            return Files.createTempDirectory("cardvault-");
        }
    }

    /** The value after {@code name} (Payara Micro's options are case-insensitive). */
    static Optional<String> option(String[] args, String name) {
        for (int i = 0; i < args.length; i++) {
            if (args[i].toLowerCase(Locale.ROOT).equals(name)) {
                return Optional.of(i + 1 < args.length ? args[i + 1] : "");
            }
        }
        return Optional.empty();
    }

    private static Optional<String> setting(Map<String, String> env, String envName, String prop) {
        String v = System.getProperty(prop);
        if (v == null || v.isBlank()) {
            v = env.get(envName);
        }
        return Optional.ofNullable(v).map(String::strip).filter(s -> !s.isEmpty());
    }
}
