// Specification of identifier quoting: double quotes, doubled inner quotes, qualified names.
package org.psycopg.r2dbc.sql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class IdentifierTest {

    @Test
    void plainNameIsDoubleQuoted() {
        assertEquals("\"users\"", Identifier.of("users").render());
    }

    @Test
    void caseAndKeywordsAreKeptByQuoting() {
        assertEquals("\"Order\"", Identifier.of("Order").render());
        assertEquals("\"select\"", Identifier.of("select").render());
    }

    @Test
    void innerDoubleQuotesAreDoubled() {
        assertEquals("\"a\"\"b\"", Identifier.of("a\"b").render());
        assertEquals("\"\"\"\"", Identifier.of("\"").render());
    }

    @Test
    void qualifiedNameJoinsQuotedPartsWithDots() {
        assertEquals("\"schema\".\"table\"", Identifier.of("schema", "table").render());
        assertEquals("\"db\".\"my schema\".\"t.x\"", Identifier.of("db", "my schema", "t.x").render());
        assertEquals(List.of("schema", "table"), Identifier.of("schema", "table").names());
    }

    @Test
    void unicodeAndSpacesAreKeptAsTheyAre() {
        assertEquals("\"名前 ü 🐘\"", Identifier.of("名前 ü 🐘").render());
    }

    @Test
    void singleQuotesAndSemicolonsNeedNoEscape() {
        assertEquals("\"x'); DROP TABLE t; --\"", Identifier.of("x'); DROP TABLE t; --").render());
    }

    @Test
    void emptyNullOrMissingNamesAreRejected() {
        assertThrows(IllegalArgumentException.class, Identifier::of);
        assertThrows(IllegalArgumentException.class, () -> Identifier.of(""));
        assertThrows(IllegalArgumentException.class, () -> Identifier.of("s", null));
        assertThrows(IllegalArgumentException.class, () -> Identifier.of((String[]) null));
    }

    @Test
    void nulCharacterIsRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Identifier.of("a\0b"));
        assertEquals("Identifier name holds a NUL character (U+0000) at index 1, which PostgreSQL cannot store",
                e.getMessage());
    }

    @Test
    void identifiersAreEqualWhenTheyRenderTheSame() {
        assertEquals(Identifier.of("s", "t"), Identifier.of("s", "t"));
        assertEquals(Identifier.of("s", "t").hashCode(), Identifier.of("s", "t").hashCode());
        assertNotEquals(Identifier.of("s.t"), Identifier.of("s", "t"));
        assertNotEquals(Identifier.of("t"), SqlText.of("\"t\""));
    }
}
