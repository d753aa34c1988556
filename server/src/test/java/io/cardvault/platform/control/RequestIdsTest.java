package io.cardvault.platform.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class RequestIdsTest {

    @Test
    void uniqueId_isARandomUuidV4() {
        UUID id = UUID.fromString(RequestIds.uniqueId());
        assertEquals(4, id.version());
        assertEquals(2, id.variant());
    }

    @Test
    void timeOrderedId_isAUuidV7CarryingTheMillisecondsOfItsMaking() {
        long before = System.currentTimeMillis();
        String text = RequestIds.timeOrderedId();
        long after = System.currentTimeMillis();

        UUID id = UUID.fromString(text);
        assertEquals(text, id.toString(), "the canonical lower-case form");
        assertEquals(7, id.version());
        assertEquals(2, id.variant());
        long millis = id.getMostSignificantBits() >>> 16;
        assertTrue(
                before <= millis && millis <= after, millis + " not in " + before + ".." + after);
    }

    @Test
    void timeOrderedIds_sortAsTextByTheMillisecondOfTheirMaking_andNeverRepeat() throws Exception {
        // the property the forward audit's primary key relies on: ids made later sort after (as
        // the database compares them, as text), so a batch's rows go into the index's last pages
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            ids.add(RequestIds.timeOrderedId());
            Thread.sleep(2);
        }
        for (int i = 1; i < ids.size(); i++) {
            assertTrue(
                    ids.get(i - 1).compareTo(ids.get(i)) < 0,
                    ids.get(i - 1) + " should sort before " + ids.get(i));
        }
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 100_000; i++) {
            assertTrue(seen.add(RequestIds.timeOrderedId()), "an id came twice");
        }
    }
}
