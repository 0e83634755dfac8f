// Specification of Sql.format: automatic, numbered and named fields, brace escapes and template errors.
package org.psycopg.r2dbc.sql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SqlFormatTest {

    private static void assertRejected(String expectedMessage, Runnable format) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, format::run);
        assertEquals(expectedMessage, e.getMessage());
    }

    @Test
    void automaticFieldsTakeArgumentsInOrder() {
        Composed query = Sql.format("SELECT {} FROM {} WHERE {} = {}",
                SqlText.of(", ").join(List.of(Sql.identifier("id"), Sql.identifier("name"))),
                Sql.identifier("app", "user"),
                Sql.identifier("id"),
                Sql.placeholder(1));
        assertEquals("SELECT \"id\", \"name\" FROM \"app\".\"user\" WHERE \"id\" = $1", query.render());
    }

    @Test
    void numberedFieldsMayRepeatAndReorder() {
        assertEquals("\"b\" < \"a\" OR \"a\" IS NULL",
                Sql.format("{1} < {0} OR {0} IS NULL", Sql.identifier("a"), Sql.identifier("b")).render());
    }

    @Test
    void namedFieldsComeFromAMap() {
        Composed query = Sql.format("INSERT INTO {table} ({column}) VALUES ({value}) RETURNING {column}",
                Map.of("table", Sql.identifier("t"), "column", Sql.identifier("c"), "value", Sql.placeholder("v")));
        assertEquals("INSERT INTO \"t\" (\"c\") VALUES (:v) RETURNING \"c\"", query.render());
    }

    @Test
    void doubledBracesAreLiteralBraces() {
        assertEquals("SELECT '{1,2}'::int[], \"x\"",
                Sql.format("SELECT '{{1,2}}'::int[], {}", Sql.identifier("x")).render());
        assertEquals("{}", Sql.format("{{}}").render());
    }

    @Test
    void literalsInATemplateAreQuoted() {
        assertEquals("SET search_path = 'it''s', E'a\\\\b'",
                Sql.format("SET search_path = {}, {}", Sql.literal("it's"), Sql.literal("a\\b")).render());
    }

    @Test
    void templateWithoutFieldsIsOneTextPiece() {
        Composed composed = Sql.format("SELECT 1");
        assertEquals("SELECT 1", composed.render());
        assertEquals(List.of(SqlText.of("SELECT 1")), composed.parts());
    }

    @Test
    void unusedArgumentsAreAllowed() {
        assertEquals("\"a\"", Sql.format("{}", Sql.identifier("a"), Sql.identifier("b")).render());
    }

    @Test
    void composedSqlParsesIntoAStatement() {
        Composed query = Sql.format("SELECT * FROM {} WHERE {} = {} AND note = {}", Sql.identifier("t"),
                Sql.identifier("id"), Sql.placeholder("id"), Sql.literal(":not_a_name"));
        ParsedSql parsed = ParsedSql.parse(query.render());
        assertEquals("SELECT * FROM \"t\" WHERE \"id\" = $1 AND note = ':not_a_name'", parsed.sql());
        assertEquals(List.of("id"), parsed.parameterNames());
    }

    @Test
    void tooFewArgumentsAreRejected() {
        assertRejected("Format field {} at offset 7 refers to argument index 1, but 1 argument was given",
                () -> Sql.format("{} AND {}", Sql.identifier("a")));
        assertRejected("Format field {3} at offset 0 refers to argument index 3, but 2 arguments were given",
                () -> Sql.format("{3}", Sql.identifier("a"), Sql.identifier("b")));
        assertRejected("Format field {99999999999} at offset 0 refers to argument index 2147483647, but 0"
                + " arguments were given", () -> Sql.format("{99999999999}"));
    }

    @Test
    void automaticAndNumberedFieldsDoNotMix() {
        assertRejected("Format field {1} at offset 3: cannot switch from automatic fields to numbered ones",
                () -> Sql.format("{} {1}", Sql.identifier("a"), Sql.identifier("b")));
        assertRejected("Format field {} at offset 4: cannot switch from numbered fields to automatic ones",
                () -> Sql.format("{0} {}", Sql.identifier("a"), Sql.identifier("b")));
    }

    @Test
    void missingNameIsRejectedListingTheGivenOnes() {
        assertRejected("Format field {tabel} at offset 14 has no argument; the arguments are named [column, table]",
                () -> Sql.format("SELECT * FROM {tabel}",
                        Map.of("table", Sql.identifier("t"), "column", Sql.identifier("c"))));
    }

    @Test
    void namedFieldsNeedAMapAndPositionalFieldsNeedArguments() {
        assertRejected("Format field {t} at offset 0 is named, but the arguments are positional",
                () -> Sql.format("{t}", Sql.identifier("a")));
        assertRejected("Format field {} at offset 0 is positional, but the arguments are named",
                () -> Sql.format("{}", Map.of("t", Sql.identifier("a"))));
    }

    @Test
    void loneBracesAreRejected() {
        assertRejected("Single '}' at offset 8 in format template: write '}}' for a literal brace",
                () -> Sql.format("SELECT 1}"));
        assertRejected("Unclosed '{' at offset 7 in format template: write '{{' for a literal brace",
                () -> Sql.format("SELECT {"));
    }

    @Test
    void formatSpecificationsAndOddFieldsAreRejected() {
        assertRejected("Format field {0:>10} at offset 0: format specifications and conversions are not supported",
                () -> Sql.format("{0:>10}", Sql.identifier("a")));
        assertRejected("Format field {!r} at offset 0: format specifications and conversions are not supported",
                () -> Sql.format("{!r}", Sql.identifier("a")));
        assertRejected("Format field {a-b} at offset 0: expected {}, {number} or {name}",
                () -> Sql.format("{a-b}", Sql.identifier("a")));
    }

    @Test
    void nullArgumentsAreRejected() {
        assertRejected("Format field {} at offset 0 is given null; use Literal.of(null) for SQL NULL",
                () -> Sql.format("{}", (Composable) null));
        Map<String, Composable> arguments = new HashMap<>();
        arguments.put("x", null);
        assertRejected("Format field {x} at offset 0 is given null; use Literal.of(null) for SQL NULL",
                () -> Sql.format("{x}", arguments));
    }

    @Test
    void nulCharacterInTheTemplateIsRejected() {
        assertThrows(IllegalArgumentException.class, () -> Sql.format("SELECT \0 {}", Sql.identifier("a")));
    }

    @Test
    void factoriesMakeTheSamePiecesAsTheTypes() {
        assertEquals(Identifier.of("s", "t"), Sql.identifier("s", "t"));
        assertEquals(Literal.of(1), Sql.literal(1));
        assertEquals(SqlText.of("x"), Sql.text("x"));
        assertEquals(Placeholder.of(2), Sql.placeholder(2));
        assertEquals(Placeholder.of("n"), Sql.placeholder("n"));
    }
}
