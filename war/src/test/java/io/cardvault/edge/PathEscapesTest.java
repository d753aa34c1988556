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

    @Test
    void undecodable_escapesTheContainerRefuses_true() {
        for (String p :
                new String[] {
                    "/api/v1/tokens/%C3%28",
                    "/api/v1/tokens/%FF",
                    "/api/v1/tokens/%C0%AE",
                    "/api/v1/tokens/%00",
                    "/api/v1/tokens/a%5Cb",
                    "/%2e%2e/api/v1/tokens/x",
                    "/a/%2E%2E/%2e%2e/b"
                }) {
            assertTrue(PathEscapes.undecodable(p), p);
            assertFalse(PathEscapes.undecodable(PathEscapes.escapeAllPercents(p)), p);
        }
    }

    @Test
    void undecodable_validEscapesAndPlainPaths_false() {
        for (String p :
                new String[] {
                    "/",
                    "/api/v1/tokens/%41%42",
                    "/caf%C3%A9",
                    "/a%2Fb",
                    "/api/v1/%2e%2e/v1/x",
                    "/a/../b",
                    "/plain/..",
                    "/%20"
                }) {
            assertFalse(PathEscapes.undecodable(p), p);
        }
    }
}
