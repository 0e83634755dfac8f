// Specification of placeholders in composed SQL: $n and :name, with the names ParsedSql gives them.
package org.psycopg.r2dbc.sql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class PlaceholderTest {

    @Test
    void numberedPlaceholderRendersDollarNumber() {
        assertEquals("$1", Placeholder.of(1).render());
        assertEquals("$65535", Placeholder.of(65535).render());
        assertEquals("$3", Placeholder.of(3).name());
    }

    @Test
    void namedPlaceholderRendersColonName() {
        assertEquals(":user_id", Placeholder.of("user_id").render());
        assertEquals("user_id", Placeholder.of("user_id").name());
    }

    @Test
    void numberOutsideTheBindRangeIsRejected() {
        assertThrows(IllegalArgumentException.class, () -> Placeholder.of(0));
        assertThrows(IllegalArgumentException.class, () -> Placeholder.of(65536));
    }

    @Test
    void nameOutsideTheNameSyntaxIsRejected() {
        for (String name : new String[] {"", "1a", "a-b", "a b", "$1", ":a", "naïve", null}) {
            assertThrows(IllegalArgumentException.class, () -> Placeholder.of(name), String.valueOf(name));
        }
    }

    @Test
    void placeholderNameIsTheOneParsedSqlFindsItBy() {
        Placeholder named = Placeholder.of("id");
        ParsedSql parsed = ParsedSql.parse("SELECT " + named.render());
        assertEquals(0, parsed.indexOf(named.name()));
        Placeholder numbered = Placeholder.of(2);
        assertEquals(1, ParsedSql.parse("SELECT " + numbered.render()).indexOf(numbered.name()));
    }
}
