package io.cardvault.crypto.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.subtle.AesGcmJce;
import io.cardvault.tenants.entity.TenantId;
import io.cardvault.testing.VaultFixture;
import io.cardvault.tokens.entity.StoredToken;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 10 #3: after delete and purge, the database files plus the master key give back nothing of
 * the deleted card. The attacker here holds every file under the data directory and the master key:
 * they open the KEK keyset with it, then try every base64 blob in every file as a wrapped data key
 * and as a card ciphertext of the deleted token (under each recovered data key, and under the KEKs
 * directly as before V20), in the raw bytes of every file and in every live value H2 reads from
 * them. A positive control shows the same search recovers a live card.
 */
class CryptoShreddingTest {

    private static final String MASTER = Base64.getEncoder().encodeToString(new byte[32]);
    private static final Pattern BLOB = Pattern.compile("[A-Za-z0-9+/]{40,}={0,2}");
    private static final TenantId TENANT = new TenantId("11111111-1111-4111-8111-111111111111");

    @TempDir Path dataDir;

    private VaultFixture fixture;

    @AfterEach
    void close() {
        if (fixture != null) {
            fixture.close();
        }
    }

    @Test
    void deleteThenPurge_filesAndMasterKey_recoverNothing() throws Exception {
        fixture = new VaultFixture(dataDir, MASTER, null);
        StoredToken deleted = fixture.tokenize(TENANT, "4111111111111111");
        StoredToken kept = fixture.tokenize(TENANT, "5555555555554444");
        for (int i = 0; i < 30; i++) {
            fixture.tokenize(TENANT, "4242424242424242");
        }
        assertTrue(fixture.vault.delete(TENANT, deleted.id()));
        assertTrue(
                recover(deleted).stream().anyMatch(p -> p.contains("4111111111111111")),
                "before the purge the database files still hold the deleted token's data key"
                        + " (this is what the purge is for)");

        assertEquals(1, fixture.shredder.purge());

        assertTrue(
                recover(kept).stream().anyMatch(p -> p.contains("5555555555554444")),
                "the search itself works");
        assertEquals(List.of(), recover(deleted));
        assertFalse(anyFileContains("4111111111111111"));
        assertEquals(0, fixture.shredder.pending());
    }

    /** Everything the attacker can decrypt for one token from the files and the master key. */
    private List<String> recover(StoredToken token) throws Exception {
        Set<String> blobs = blobs();
        blobs.addAll(liveValues());
        Aead keks = attackerKeks();
        String tenant = token.tenantId().value();
        String id = token.id().value();
        List<CardEncryptor> candidates = new ArrayList<>();
        candidates.add(new CardEncryptor(keks)); // before V20, cards were under the KEKs directly
        for (String b : blobs) {
            try {
                byte[] dek =
                        keks.decrypt(
                                Base64.getDecoder().decode(b), DataKeys.associatedData(tenant, id));
                candidates.add(new CardEncryptor(new AesGcmJce(dek)));
            } catch (Exception notADataKey) {
                // next blob
            }
        }
        List<String> recovered = new ArrayList<>();
        for (CardEncryptor enc : candidates) {
            for (String b : blobs) {
                try {
                    recovered.add(
                            new String(
                                    enc.decrypt(Base64.getDecoder().decode(b), tenant, id),
                                    StandardCharsets.UTF_8));
                } catch (Exception noCard) {
                    // next blob
                }
            }
        }
        return recovered;
    }

    /** The attacker opens the (live) keyset with the master key, as the server does. */
    private Aead attackerKeks() {
        return fixture.keyring.kek();
    }

    private Set<String> blobs() throws IOException {
        Set<String> out = new LinkedHashSet<>();
        try (Stream<Path> files = Files.walk(dataDir)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                Matcher m =
                        BLOB.matcher(
                                new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1));
                while (m.find()) {
                    String s = m.group();
                    // a stored value may touch other letters or digits of the file on either side
                    for (int i = 0; i < 8; i++) {
                        for (int j = s.length(); j > s.length() - 8 && j - i >= 40; j--) {
                            if ((j - i) % 4 == 0) {
                                out.add(s.substring(i, j));
                            }
                        }
                    }
                }
            }
        }
        return out;
    }

    /**
     * The purge rewrites the H2 file compressed, so raw bytes no longer show live values either:
     * the attacker reads the live rows through H2 too (what remains after a compaction is only
     * these).
     */
    private Set<String> liveValues() {
        Set<String> out = new LinkedHashSet<>();
        List<String> tables =
                fixture.db.jdbc.query(
                        "select table_name from information_schema.tables where table_schema = 'PUBLIC'",
                        rs -> rs.getString(1));
        for (String table : tables) {
            fixture.db.jdbc.query(
                    "select * from \"" + table + "\"",
                    rs -> {
                        for (int c = 1; c <= rs.getMetaData().getColumnCount(); c++) {
                            String v = rs.getString(c);
                            if (v != null) {
                                Matcher m = BLOB.matcher(v);
                                while (m.find()) {
                                    out.add(m.group());
                                }
                            }
                        }
                        return null;
                    });
        }
        return out;
    }

    private boolean anyFileContains(String text) throws IOException {
        try (Stream<Path> files = Files.walk(dataDir)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                if (new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1).contains(text)) {
                    return true;
                }
            }
        }
        return false;
    }
}
