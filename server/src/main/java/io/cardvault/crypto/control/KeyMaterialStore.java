package io.cardvault.crypto.control;

import io.cardvault.platform.control.Jdbc;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The tables {@code crypto_keys} (wrapped key material by name) and {@code key_versions} (when each
 * key-encryption key was made). The only SQL for them; never sees a key in clear.
 */
@ApplicationScoped
public class KeyMaterialStore {

    @Inject Jdbc jdbc;

    public Optional<String> read(String name) {
        return jdbc.queryOne(
                "select material from crypto_keys where name = ?", rs -> rs.getString(1), name);
    }

    /** Inserts unless present; false when another node was first. */
    public boolean insert(String name, String material) {
        return jdbc.insertIgnoringDuplicate(
                "insert into crypto_keys (name, material, created_at) values (?, ?, ?)",
                name,
                material,
                System.currentTimeMillis());
    }

    /** Replaces material only if it is still {@code expected}; false when someone changed it. */
    public boolean replace(String name, String expected, String material) {
        return jdbc.update(
                        "update crypto_keys set material = ? where name = ? and material = ?",
                        material,
                        name,
                        expected)
                == 1;
    }

    public Optional<Long> createdAt(String name) {
        return jdbc.queryOne(
                "select created_at from crypto_keys where name = ?", rs -> rs.getLong(1), name);
    }

    public List<String> namesStartingWith(String prefix) {
        return jdbc.query(
                "select name from crypto_keys where name like ?",
                rs -> rs.getString(1),
                prefix + "%");
    }

    public void recordVersion(int kekId, long createdAt) {
        jdbc.insertIgnoringDuplicate(
                "insert into key_versions (kek_id, created_at) values (?, ?)", kekId, createdAt);
    }

    public void forgetVersion(int kekId) {
        jdbc.update("delete from key_versions where kek_id = ?", kekId);
    }

    public Map<Integer, Long> versions() {
        return jdbc
                .query(
                        "select kek_id, created_at from key_versions",
                        rs -> Map.entry((int) rs.getLong(1), rs.getLong(2)))
                .stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue, (a, b) -> a));
    }
}
