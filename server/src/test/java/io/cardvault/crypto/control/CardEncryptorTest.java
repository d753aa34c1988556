package io.cardvault.crypto.control;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.aead.AeadConfig;
import com.google.crypto.tink.aead.PredefinedAeadParameters;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class CardEncryptorTest {

    private static final String TENANT = "ten_a";
    private static final String OTHER_TENANT = "ten_b";
    private static final String TOKEN = "6f1c2b1e-7a0d-4c4e-9f5e-2b8a8d0e4c11";
    private static final String OTHER_TOKEN = "0b6a1f8e-3c2d-4e5f-8a9b-0c1d2e3f4a5b";
    private static final byte[] PLAINTEXT =
            "{\"number\":\"4111111111111111\",\"expiryMonth\":12,\"expiryYear\":2030}"
                    .getBytes(StandardCharsets.UTF_8);

    private static Aead aead;

    @BeforeAll
    static void createAead() throws Exception {
        AeadConfig.register();
        aead =
                KeysetHandle.generateNew(PredefinedAeadParameters.AES256_GCM)
                        .getPrimitive(RegistryConfiguration.get(), Aead.class);
    }

    @Test
    void decrypt_sameTenantAndToken_returnsPlaintext() {
        CardEncryptor encryptor = new CardEncryptor(aead);
        byte[] ct = encryptor.encrypt(PLAINTEXT, TENANT, TOKEN);
        assertArrayEquals(
                PLAINTEXT,
                encryptor.decrypt(ct, TENANT, TOKEN),
                "round trip must restore the plaintext");
    }

    @Test
    void encrypt_anyPayload_ciphertextDoesNotContainPlaintext() {
        byte[] ct = new CardEncryptor(aead).encrypt(PLAINTEXT, TENANT, TOKEN);
        String asLatin1 = new String(ct, StandardCharsets.ISO_8859_1);
        assertFalse(
                asLatin1.contains("4111111111111111"),
                "ciphertext must not contain the PAN in clear");
    }

    @Test
    void encrypt_samePlaintextTwice_differentCiphertexts() {
        CardEncryptor encryptor = new CardEncryptor(aead);
        assertFalse(
                Arrays.equals(
                        encryptor.encrypt(PLAINTEXT, TENANT, TOKEN),
                        encryptor.encrypt(PLAINTEXT, TENANT, TOKEN)),
                "AEAD encryption must be randomised");
    }

    @Test
    void decrypt_tamperedCiphertext_throwsDecryptionFailed() {
        CardEncryptor encryptor = new CardEncryptor(aead);
        byte[] ct = encryptor.encrypt(PLAINTEXT, TENANT, TOKEN);
        for (int i = 0; i < ct.length; i += Math.max(1, ct.length / 16)) {
            byte[] tampered = ct.clone();
            tampered[i] ^= 0x01;
            int index = i;
            assertThrows(
                    DecryptionFailedException.class,
                    () -> encryptor.decrypt(tampered, TENANT, TOKEN),
                    "flipped bit at byte " + index);
        }
        byte[] lastFlipped = ct.clone();
        lastFlipped[ct.length - 1] ^= (byte) 0x80;
        assertThrows(
                DecryptionFailedException.class,
                () -> encryptor.decrypt(lastFlipped, TENANT, TOKEN));
    }

    @Test
    void decrypt_truncatedOrEmptyCiphertext_throwsDecryptionFailed() {
        CardEncryptor encryptor = new CardEncryptor(aead);
        byte[] ct = encryptor.encrypt(PLAINTEXT, TENANT, TOKEN);
        assertThrows(
                DecryptionFailedException.class,
                () -> encryptor.decrypt(Arrays.copyOf(ct, ct.length - 1), TENANT, TOKEN));
        assertThrows(
                DecryptionFailedException.class,
                () -> encryptor.decrypt(new byte[0], TENANT, TOKEN));
        assertThrows(DecryptionFailedException.class, () -> encryptor.decrypt(null, TENANT, TOKEN));
    }

    @Test
    void decrypt_otherTokenId_throwsDecryptionFailed() {
        CardEncryptor encryptor = new CardEncryptor(aead);
        byte[] ct = encryptor.encrypt(PLAINTEXT, TENANT, TOKEN);
        assertThrows(
                DecryptionFailedException.class, () -> encryptor.decrypt(ct, TENANT, OTHER_TOKEN));
    }

    @Test
    void decrypt_otherTenantId_throwsDecryptionFailed() {
        CardEncryptor encryptor = new CardEncryptor(aead);
        byte[] ct = encryptor.encrypt(PLAINTEXT, TENANT, TOKEN);
        assertThrows(
                DecryptionFailedException.class, () -> encryptor.decrypt(ct, OTHER_TENANT, TOKEN));
    }

    @Test
    void decrypt_otherKey_throwsDecryptionFailed() throws Exception {
        Aead otherAead =
                KeysetHandle.generateNew(PredefinedAeadParameters.AES256_GCM)
                        .getPrimitive(RegistryConfiguration.get(), Aead.class);
        byte[] ct = new CardEncryptor(aead).encrypt(PLAINTEXT, TENANT, TOKEN);
        assertThrows(
                DecryptionFailedException.class,
                () -> new CardEncryptor(otherAead).decrypt(ct, TENANT, TOKEN));
    }

    @Test
    void decryptionFailed_anyCause_messageSaysNothingSpecific() {
        CardEncryptor encryptor = new CardEncryptor(aead);
        byte[] ct = encryptor.encrypt(PLAINTEXT, TENANT, TOKEN);
        DecryptionFailedException wrongTenant =
                assertThrows(
                        DecryptionFailedException.class,
                        () -> encryptor.decrypt(ct, OTHER_TENANT, TOKEN));
        byte[] tampered = ct.clone();
        tampered[tampered.length / 2] ^= 1;
        DecryptionFailedException tamper =
                assertThrows(
                        DecryptionFailedException.class,
                        () -> encryptor.decrypt(tampered, TENANT, TOKEN));
        assertEquals(
                wrongTenant.getMessage(), tamper.getMessage(), "all failures must look the same");
        String message = wrongTenant.getMessage().toLowerCase();
        for (String leak :
                new String[] {
                    TENANT,
                    OTHER_TENANT,
                    TOKEN,
                    "tag",
                    "tamper",
                    "key",
                    "tenant",
                    "token",
                    "aead",
                    "gcm"
                }) {
            assertFalse(
                    message.contains(leak.toLowerCase()),
                    "message must not mention '" + leak + "'");
        }
        assertEquals(null, wrongTenant.getCause(), "no cause that could leak details");
    }
}
