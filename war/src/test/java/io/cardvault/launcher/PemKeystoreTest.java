package io.cardvault.launcher;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * PEM certificate chain + PKCS#8 key → the PKCS#12 store Payara reads, and every way the two files
 * can be wrong giving one line that names the file. Certificates come from the JDK's keytool.
 */
class PemKeystoreTest {

    @TempDir Path dir;

    @Test
    void rsaAndEcPairs_becomeAPkcs12Entry() throws Exception {
        for (String alg : new String[] {"RSA", "EC"}) {
            TestCertificates.Pem pem = TestCertificates.selfSigned(dir.resolve(alg), alg);
            PemKeystore ks = PemKeystore.read(pem.cert(), pem.key());
            Path p12 = dir.resolve(alg + ".p12");
            ks.writePkcs12(p12, "changeit".toCharArray());
            KeyStore loaded = KeyStore.getInstance("PKCS12");
            try (InputStream in = Files.newInputStream(p12)) {
                loaded.load(in, "changeit".toCharArray());
            }
            assertTrue(loaded.isKeyEntry(PemKeystore.ALIAS), alg);
            X509Certificate c = (X509Certificate) loaded.getCertificate(PemKeystore.ALIAS);
            assertArrayEquals(ks.certificate().getEncoded(), c.getEncoded(), alg);
        }
    }

    @Test
    void missingFile_namesIt() {
        Path missing = dir.resolve("nope.pem");
        TlsSetupException e =
                assertThrows(TlsSetupException.class, () -> PemKeystore.read(missing, missing));
        assertTrue(e.getMessage().contains("CARDVAULT_TLS_CERT_FILE"), e.getMessage());
        assertTrue(e.getMessage().contains("nope.pem"), e.getMessage());
        assertEquals(0, e.getStackTrace().length, "no stack trace to print");
    }

    @Test
    void missingKey_namesIt() throws Exception {
        TestCertificates.Pem pem = TestCertificates.selfSigned(dir, "EC");
        Path missing = dir.resolve("gone-key.pem");
        TlsSetupException e =
                assertThrows(TlsSetupException.class, () -> PemKeystore.read(pem.cert(), missing));
        assertTrue(e.getMessage().contains("CARDVAULT_TLS_KEY_FILE"), e.getMessage());
        assertTrue(e.getMessage().contains("gone-key.pem"), e.getMessage());
    }

    @Test
    void directory_garbage_pkcs1_encrypted_and_wrongKey_areExplained() throws Exception {
        TestCertificates.Pem pem = TestCertificates.selfSigned(dir.resolve("a"), "EC");
        TestCertificates.Pem other = TestCertificates.selfSigned(dir.resolve("b"), "EC");
        assertTrue(
                assertThrows(TlsSetupException.class, () -> PemKeystore.read(dir, pem.key()))
                        .getMessage()
                        .contains("directory"));
        Path garbage = Files.writeString(dir.resolve("garbage.pem"), "hello\n");
        assertTrue(
                assertThrows(TlsSetupException.class, () -> PemKeystore.read(garbage, pem.key()))
                        .getMessage()
                        .contains("garbage.pem"));
        assertTrue(
                assertThrows(TlsSetupException.class, () -> PemKeystore.read(pem.cert(), garbage))
                        .getMessage()
                        .contains("no PKCS#8 private key"));
        Path pkcs1 =
                Files.writeString(
                        dir.resolve("rsa1.pem"),
                        "-----BEGIN RSA PRIVATE KEY-----\nAAAA\n-----END RSA PRIVATE KEY-----\n");
        assertTrue(
                assertThrows(TlsSetupException.class, () -> PemKeystore.read(pem.cert(), pkcs1))
                        .getMessage()
                        .contains("openssl pkcs8 -topk8"));
        Path encrypted =
                Files.writeString(
                        dir.resolve("enc.pem"),
                        "-----BEGIN ENCRYPTED PRIVATE KEY-----\nAAAA\n-----END ENCRYPTED PRIVATE KEY-----\n");
        assertTrue(
                assertThrows(TlsSetupException.class, () -> PemKeystore.read(pem.cert(), encrypted))
                        .getMessage()
                        .contains("encrypted"));
        TlsSetupException wrong =
                assertThrows(
                        TlsSetupException.class, () -> PemKeystore.read(pem.cert(), other.key()));
        assertTrue(wrong.getMessage().contains("does not belong"), wrong.getMessage());
        String key = Files.readString(other.key(), StandardCharsets.US_ASCII);
        String body = key.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        assertFalse(wrong.getMessage().contains(body.substring(0, 20)), "no key material");
    }

    @Test
    void launcher_withoutSslPort_passesArgumentsThrough() {
        String[] args = {"--port", "8080"};
        Launcher.Prepared p = Launcher.prepare(args, Map.of());
        assertArrayEquals(args, p.args());
        assertEquals(null, p.keystore());
    }

    @Test
    void launcher_sslPortWithoutFiles_stopsWithTheSettingNames() {
        TlsSetupException e =
                assertThrows(
                        TlsSetupException.class,
                        () -> Launcher.prepare(new String[] {"--sslport", "8443"}, Map.of()));
        assertTrue(e.getMessage().contains("CARDVAULT_TLS_CERT_FILE"));
        assertTrue(e.getMessage().contains("CARDVAULT_TLS_KEY_FILE"));
    }
}
