package io.cardvault.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cardvault.launcher.TestCertificates;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * HTTPS in the runnable bundle: {@code java -jar cardvault.jar --sslport N} with a certificate made
 * in the test (keytool) handed over as the two PEM files of docs/api.md. HTTPS answers with that
 * certificate and {@code Strict-Transport-Security}; TLS 1.2 and 1.3 are spoken, TLS 1.1 is not; a
 * missing certificate file stops the start-up with one line naming it. Loopback only: the refusal
 * of plain HTTP from other addresses is covered by TransportSecurityFilterTest and
 * TransportPolicyTest.
 */
class HttpsIT {

    @TempDir Path work;

    ServerProcess server;

    @AfterEach
    void stop() throws InterruptedException {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void https_withPemCertificate_hsts_andTls12Plus_only() throws Exception {
        TestCertificates.Pem pem = TestCertificates.selfSigned(work.resolve("tls"), "EC");
        int port = ServerProcess.freePort();
        int sslPort = ServerProcess.freePort();
        Path log = work.resolve("server.log");
        server =
                ServerProcess.start(
                        work,
                        port,
                        log,
                        Map.of(
                                "CARDVAULT_DATA_DIR", work.resolve("data").toString(),
                                "CARDVAULT_DEMO", "false",
                                "CARDVAULT_MASTER_KEY", randomKey(),
                                "CARDVAULT_ADMIN_KEY", Api.ADMIN_KEY,
                                "CARDVAULT_TLS_CERT_FILE", pem.cert().toString(),
                                "CARDVAULT_TLS_KEY_FILE", pem.key().toString()),
                        List.of("--sslport", String.valueOf(sslPort)));

        // HTTPS with the test certificate (the client trusts only it, and checks the host name)
        SSLContext trustingTestCert = trusting(pem.pkcs12());
        HttpClient https =
                HttpClient.newBuilder()
                        .sslContext(trustingTestCert)
                        .connectTimeout(Duration.ofSeconds(10))
                        .build();
        HttpResponse<String> created =
                https.send(
                        HttpRequest.newBuilder(
                                        URI.create(
                                                "https://127.0.0.1:"
                                                        + sslPort
                                                        + "/api/v1/admin/tenants"))
                                .timeout(Duration.ofSeconds(30))
                                .header("Content-Type", "application/json")
                                .header("x-admin-key", Api.ADMIN_KEY)
                                .POST(
                                        HttpRequest.BodyPublishers.ofString(
                                                "{\"name\":\"Tls Shop\",\"allowedOrigins\":[\"https://shop.example\"]}"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertEquals(201, created.statusCode(), created.body());
        assertEquals(
                "max-age=31536000",
                created.headers().firstValue("Strict-Transport-Security").orElse(null));
        X509Certificate served =
                (X509Certificate) created.sslSession().orElseThrow().getPeerCertificates()[0];
        assertEquals(
                loadCert(pem.pkcs12()).getSerialNumber(),
                served.getSerialNumber(),
                "HTTPS serves the certificate from CARDVAULT_TLS_CERT_FILE");
        HttpResponse<String> page =
                https.send(
                        HttpRequest.newBuilder(
                                        URI.create(
                                                "https://localhost:"
                                                        + sslPort
                                                        + "/fields/field.html"))
                                .timeout(Duration.ofSeconds(30))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertTrue(page.headers().firstValue("Strict-Transport-Security").isPresent());

        // plain HTTP from loopback is still served (health checks, the operator's shell) without
        // HSTS
        Api.Reply plain =
                server.api()
                        .send(
                                "GET",
                                "api/v1/admin/tenants/ten_none",
                                null,
                                "x-admin-key",
                                Api.ADMIN_KEY);
        assertNotEquals(403, plain.status(), plain.body());
        assertNull(plain.header("Strict-Transport-Security"));

        // a Java client restricted to TLS 1.1 gets no session
        assertThrows(SSLException.class, () -> handshake(trustingTestCert, sslPort, "TLSv1.1"));
        assertEquals("TLSv1.2", handshake(trustingTestCert, sslPort, "TLSv1.2"));
        assertEquals("TLSv1.3", handshake(trustingTestCert, sslPort, "TLSv1.3"));

        // openssl, which really offers TLS 1.1 when told to (security level 0), is refused too
        if (openssl("-tls1_2", sslPort) != null) {
            assertTrue(openssl("-tls1_2", sslPort), "openssl TLS 1.2 handshake");
            assertTrue(openssl("-tls1_3", sslPort), "openssl TLS 1.3 handshake");
            assertFalse(openssl("-tls1_1", sslPort), "TLS 1.1 must be refused");
            assertFalse(openssl("-tls1", sslPort), "TLS 1.0 must be refused");
        }
        String text = Files.readString(log, StandardCharsets.ISO_8859_1);
        assertFalse(text.contains("BEGIN PRIVATE KEY"), "no key material in the log");
    }

    @Test
    void missingCertificateFile_stopsStartUp_withTheFileName_andNoStackTrace() throws Exception {
        TestCertificates.Pem pem = TestCertificates.selfSigned(work.resolve("tls"), "RSA");
        Path missing = work.resolve("tls").resolve("no-such-fullchain.pem");
        Path log = work.resolve("failed.log");
        ProcessBuilder pb =
                new ProcessBuilder(
                                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                                "-jar",
                                Path.of("target", "cardvault.jar").toAbsolutePath().toString(),
                                "--port",
                                String.valueOf(ServerProcess.freePort()),
                                "--sslport",
                                String.valueOf(ServerProcess.freePort()))
                        .directory(work.toFile())
                        .redirectErrorStream(true)
                        .redirectOutput(log.toFile());
        pb.environment().keySet().removeIf(k -> k.startsWith("CARDVAULT_"));
        pb.environment().put("CARDVAULT_DATA_DIR", work.resolve("data").toString());
        pb.environment().put("CARDVAULT_TLS_CERT_FILE", missing.toString());
        pb.environment().put("CARDVAULT_TLS_KEY_FILE", pem.key().toString());
        Process p = pb.start();
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly().waitFor();
            throw new AssertionError("the server kept running without its certificate; see " + log);
        }
        assertNotEquals(0, p.exitValue());
        String out = Files.readString(log, StandardCharsets.UTF_8);
        assertTrue(out.contains("no-such-fullchain.pem"), out);
        assertTrue(out.contains("CARDVAULT_TLS_CERT_FILE"), out);
        assertFalse(out.contains("\tat "), "no stack trace: " + out);
        assertTrue(out.lines().count() <= 3, "one clear line, not a wall: " + out);
        assertFalse(Files.exists(work.resolve("data")), "nothing started, nothing written");
    }

    private static String randomKey() {
        byte[] k = new byte[32];
        new SecureRandom().nextBytes(k);
        return Base64.getEncoder().encodeToString(k);
    }

    private static X509Certificate loadCert(Path p12) throws Exception {
        KeyStore ks = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(p12)) {
            ks.load(in, "test-pass".toCharArray());
        }
        return (X509Certificate) ks.getCertificate("test");
    }

    private static SSLContext trusting(Path p12) throws Exception {
        KeyStore trust = KeyStore.getInstance("PKCS12");
        trust.load(null, null);
        trust.setCertificateEntry("test", loadCert(p12));
        TrustManagerFactory tmf =
                TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(trust);
        SSLContext ctx = SSLContext.getInstance("TLS");
        ctx.init(null, tmf.getTrustManagers(), null);
        return ctx;
    }

    /** The negotiated protocol of a client that offers only {@code protocol}. */
    private static String handshake(SSLContext ctx, int port, String protocol) throws IOException {
        try (SSLSocket s =
                (SSLSocket)
                        ctx.getSocketFactory()
                                .createSocket(InetAddress.getLoopbackAddress(), port)) {
            s.setSoTimeout(20_000);
            s.setEnabledProtocols(new String[] {protocol});
            s.startHandshake();
            return s.getSession().getProtocol();
        } catch (IllegalArgumentException unsupportedByThisJdk) {
            throw new SSLException(unsupportedByThisJdk.getMessage());
        }
    }

    /**
     * Whether {@code openssl s_client} completes a handshake with only the given protocol allowed;
     * null when openssl is not installed.
     */
    private static Boolean openssl(String protocolOption, int port) throws Exception {
        List<String> cmd = new ArrayList<>();
        cmd.add("openssl");
        cmd.add("s_client");
        cmd.add("-connect");
        cmd.add("127.0.0.1:" + port);
        cmd.add(protocolOption);
        if (!protocolOption.equals("-tls1_3")) {
            cmd.add("-cipher");
            cmd.add("DEFAULT:@SECLEVEL=0");
        }
        Process p;
        try {
            p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        } catch (IOException notInstalled) {
            return null;
        }
        p.getOutputStream().close(); // end of input: s_client closes after the handshake
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("openssl did not finish");
        }
        boolean negotiated = out.contains("Cipher is ") && !out.contains("Cipher is (NONE)");
        return p.exitValue() == 0 && negotiated;
    }
}
