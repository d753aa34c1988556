package io.cardvault.launcher;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.cert.Certificate;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.InvalidKeySpecException;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns the two PEM files an operator gets from Let's Encrypt or a corporate CA (a certificate
 * chain and a PKCS#8 private key) into the PKCS#12 key store Payara Micro's HTTPS listener reads.
 * Every failure is a {@link TlsSetupException} whose message names the file and says what to do; no
 * key material ever appears in a message.
 */
public final class PemKeystore {

    /** The alias of the one entry; passed to Payara Micro as {@code --sslcert}. */
    public static final String ALIAS = "cardvault";

    private static final Pattern KEY_BLOCK =
            Pattern.compile(
                    "-----BEGIN ([A-Z0-9 ]+)-----([A-Za-z0-9+/=\\s]+)-----END \\1-----",
                    Pattern.DOTALL);

    private final List<X509Certificate> chain;
    private final PrivateKey key;

    private PemKeystore(List<X509Certificate> chain, PrivateKey key) {
        this.chain = chain;
        this.key = key;
    }

    /** Reads and checks both files: readable, parseable, and the key belongs to the certificate. */
    public static PemKeystore read(Path certFile, Path keyFile) {
        List<X509Certificate> chain = readChain(certFile);
        PrivateKey key = readKey(keyFile);
        if (!matches(key, chain.get(0).getPublicKey())) {
            throw new TlsSetupException(
                    "the private key in "
                            + keyFile
                            + " does not belong to the first certificate in "
                            + certFile
                            + " (the server certificate must come first in the chain)");
        }
        return new PemKeystore(chain, key);
    }

    public X509Certificate certificate() {
        return chain.get(0);
    }

    /** Writes a PKCS#12 store with the one entry {@link #ALIAS}, protected by {@code password}. */
    public void writePkcs12(Path file, char[] password) throws IOException {
        try {
            KeyStore ks = KeyStore.getInstance("PKCS12");
            ks.load(null, password);
            ks.setKeyEntry(ALIAS, key, password, chain.toArray(new Certificate[0]));
            try (OutputStream out = Files.newOutputStream(file)) {
                ks.store(out, password);
            }
        } catch (GeneralSecurityException e) {
            throw new TlsSetupException(
                    "cannot build the HTTPS key store from the PEM files: "
                            + e.getClass().getSimpleName());
        }
    }

    static List<X509Certificate> readChain(Path certFile) {
        byte[] bytes = readFile(certFile, "CARDVAULT_TLS_CERT_FILE");
        Collection<? extends Certificate> certs;
        try {
            certs =
                    CertificateFactory.getInstance("X.509")
                            .generateCertificates(new ByteArrayInputStream(bytes));
        } catch (CertificateException e) {
            throw new TlsSetupException(
                    certFile + " is not a PEM certificate chain (-----BEGIN CERTIFICATE-----)");
        }
        List<X509Certificate> chain = new ArrayList<>();
        for (Certificate c : certs) {
            chain.add((X509Certificate) c);
        }
        if (chain.isEmpty()) {
            throw new TlsSetupException(
                    certFile + " holds no certificate (-----BEGIN CERTIFICATE-----)");
        }
        return chain;
    }

    static PrivateKey readKey(Path keyFile) {
        String text =
                new String(readFile(keyFile, "CARDVAULT_TLS_KEY_FILE"), StandardCharsets.US_ASCII);
        Matcher m = KEY_BLOCK.matcher(text);
        while (m.find()) {
            String type = m.group(1).strip();
            switch (type) {
                case "PRIVATE KEY":
                    return decodePkcs8(keyFile, m.group(2));
                case "ENCRYPTED PRIVATE KEY":
                    throw new TlsSetupException(
                            keyFile
                                    + " is encrypted; give an unencrypted PKCS#8 key (openssl pkcs8 -topk8 -nocrypt -in <file> -out <new file>) and protect the file with owner-only permissions");
                case "RSA PRIVATE KEY", "EC PRIVATE KEY":
                    throw new TlsSetupException(
                            keyFile
                                    + " holds a "
                                    + type
                                    + " (PKCS#1/SEC1); convert it to PKCS#8 with: openssl pkcs8 -topk8 -nocrypt -in <file> -out <new file>");
                default:
                    // e.g. EC PARAMETERS before the key: keep looking
            }
        }
        throw new TlsSetupException(
                keyFile + " holds no PKCS#8 private key (-----BEGIN PRIVATE KEY-----)");
    }

    private static PrivateKey decodePkcs8(Path keyFile, String base64) {
        byte[] der;
        try {
            der = Base64.getMimeDecoder().decode(base64);
        } catch (IllegalArgumentException e) {
            throw new TlsSetupException(keyFile + " holds a private key that is not valid base64");
        }
        PKCS8EncodedKeySpec spec = new PKCS8EncodedKeySpec(der);
        for (String algorithm : List.of("RSA", "EC", "Ed25519", "Ed448", "RSASSA-PSS")) {
            try {
                return KeyFactory.getInstance(algorithm).generatePrivate(spec);
            } catch (InvalidKeySpecException | java.security.NoSuchAlgorithmException e) {
                // try the next algorithm
            }
        }
        throw new TlsSetupException(
                keyFile + " holds a private key of an unsupported type (use RSA or EC)");
    }

    /** Signs a random challenge with the key and verifies it with the certificate's public key. */
    static boolean matches(PrivateKey key, PublicKey certKey) {
        if (!key.getAlgorithm().equals(certKey.getAlgorithm())) {
            return false;
        }
        String algorithm =
                switch (key.getAlgorithm()) {
                    case "RSA" -> "SHA256withRSA";
                    case "EC" -> "SHA256withECDSA";
                    case "RSASSA-PSS" -> "RSASSA-PSS";
                    default -> key.getAlgorithm(); // Ed25519, Ed448
                };
        try {
            byte[] challenge = new byte[32];
            new SecureRandom().nextBytes(challenge);
            Signature signer = Signature.getInstance(algorithm);
            if ("RSASSA-PSS".equals(algorithm)) {
                signer.setParameter(
                        new java.security.spec.PSSParameterSpec(
                                "SHA-256",
                                "MGF1",
                                java.security.spec.MGF1ParameterSpec.SHA256,
                                32,
                                1));
            }
            signer.initSign(key);
            signer.update(challenge);
            byte[] signature = signer.sign();
            Signature verifier = Signature.getInstance(algorithm);
            if ("RSASSA-PSS".equals(algorithm)) {
                verifier.setParameter(
                        new java.security.spec.PSSParameterSpec(
                                "SHA-256",
                                "MGF1",
                                java.security.spec.MGF1ParameterSpec.SHA256,
                                32,
                                1));
            }
            verifier.initVerify(certKey);
            verifier.update(challenge);
            return verifier.verify(signature);
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    private static byte[] readFile(Path file, String setting) {
        try {
            if (Files.isDirectory(file)) {
                throw new TlsSetupException(
                        setting + " names a directory, not a file: " + file.toString());
            }
            return Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new TlsSetupException(setting + " names a file that does not exist: " + file);
        } catch (AccessDeniedException e) {
            throw new TlsSetupException(
                    setting + " names a file this process may not read: " + file);
        } catch (IOException e) {
            throw new TlsSetupException(
                    "cannot read " + file + " (" + setting + "): " + e.getClass().getSimpleName());
        }
    }
}
