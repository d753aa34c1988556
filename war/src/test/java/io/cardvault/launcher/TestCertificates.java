package io.cardvault.launcher;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.Key;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.util.Base64;
import java.util.concurrent.TimeUnit;

/**
 * Self-signed test certificates made with the JDK's keytool (for localhost and 127.0.0.1), written
 * as the PEM pair an operator would get: certificate chain and PKCS#8 private key.
 */
public final class TestCertificates {

    private TestCertificates() {}

    public record Pem(Path cert, Path key, Path pkcs12) {}

    public static Pem selfSigned(Path dir, String algorithm) throws Exception {
        Files.createDirectories(dir);
        Path p12 = dir.resolve("test.p12");
        String keytool = Path.of(System.getProperty("java.home"), "bin", "keytool").toString();
        Process p =
                new ProcessBuilder(
                                keytool,
                                "-genkeypair",
                                "-alias",
                                "test",
                                "-keyalg",
                                algorithm,
                                "-keysize",
                                "EC".equals(algorithm) ? "256" : "2048",
                                "-dname",
                                "CN=localhost",
                                "-ext",
                                "san=dns:localhost,ip:127.0.0.1",
                                "-validity",
                                "2",
                                "-storetype",
                                "PKCS12",
                                "-keystore",
                                p12.toString(),
                                "-storepass",
                                "test-pass",
                                "-keypass",
                                "test-pass")
                        .redirectErrorStream(true)
                        .redirectOutput(dir.resolve("keytool.log").toFile())
                        .start();
        if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
            p.destroyForcibly();
            throw new IOException("keytool failed; see " + dir.resolve("keytool.log"));
        }
        KeyStore ks = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(p12)) {
            ks.load(in, "test-pass".toCharArray());
        }
        Key key = ks.getKey("test", "test-pass".toCharArray());
        Certificate cert = ks.getCertificate("test");
        Path certPem = dir.resolve("fullchain.pem");
        Path keyPem = dir.resolve("privkey.pem");
        Files.writeString(
                certPem, pem("CERTIFICATE", cert.getEncoded()), StandardCharsets.US_ASCII);
        Files.writeString(keyPem, pem("PRIVATE KEY", key.getEncoded()), StandardCharsets.US_ASCII);
        return new Pem(certPem, keyPem, p12);
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN "
                + type
                + "-----\n"
                + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der)
                + "\n-----END "
                + type
                + "-----\n";
    }
}
