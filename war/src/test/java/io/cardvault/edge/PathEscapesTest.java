package io.cardvault.edge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class PathEscapesTest {

    @Test
    void hasStrayPercent_escapesAndPlainPaths_false() {
        for (String p : new String[] {"/", "/api/v1/tokens/tok_1", "/a%20b", "/%2F%2e%C3%A9", ""}) {
            assertFalse(PathEscapes.hasStrayPercent(p), p);
        }
    }

    @Test
    void hasStrayPercent_badHexOrCutEscape_true() {
        for (String p : new String[] {"/%ZZ", "/%", "/a%2", "/%g1", "/%%41", "/%2Fx%"}) {
            assertTrue(PathEscapes.hasStrayPercent(p), p);
        }
    }

    @Test
    void escapeStrayPercents_onlyStraySigns_rest_unchanged() {
        assertEquals("/api/v1/tokens/%25ZZ", PathEscapes.escapeStrayPercents("/api/v1/tokens/%ZZ"));
        assertEquals("/a%20b%25", PathEscapes.escapeStrayPercents("/a%20b%"));
        assertEquals("/%25%41", PathEscapes.escapeStrayPercents("/%%41"));
        assertEquals("/caf\u00c3\u00a9%252", PathEscapes.escapeStrayPercents("/caf\u00c3\u00a9%2"));
        assertFalse(PathEscapes.hasStrayPercent(PathEscapes.escapeStrayPercents("/%Z%1%")));
    }
}
