// Specification of placeholder styles: rewriting to $n, numbering, names and the errors of bad SQL.
package org.psycopg.r2dbc.sql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class ParsedSqlPlaceholderTest {

    @Test
    void sqlWithoutPlaceholdersIsSentUnchanged() {
        ParsedSql parsed = ParsedSql.parse("SELECT 1");
        assertEquals("SELECT 1", parsed.sql());
        assertEquals(0, parsed.parameterCount());
        assertEquals(List.of(), parsed.parameterNames());
    }

    @Test
    void nativeParametersAreSentUnchangedAndCountedByHighestNumber() {
        ParsedSql parsed = ParsedSql.parse("SELECT * FROM t WHERE a = $2 AND b = $1 OR c = $2");
        assertEquals("SELECT * FROM t WHERE a = $2 AND b = $1 OR c = $2", parsed.sql());
        assertEquals(2, parsed.parameterCount());
        assertEquals(List.of("$1", "$2"), parsed.parameterNames());
    }

    @Test
    void nativeParameterGapsStillCountUpToTheHighestNumber() {
        ParsedSql parsed = ParsedSql.parse("SELECT $3");
        assertEquals(3, parsed.parameterCount());
        assertEquals(List.of("$1", "$2", "$3"), parsed.parameterNames());
    }

    @Test
    void nativeParametersAreFoundByDollarName() {
        ParsedSql parsed = ParsedSql.parse("SELECT $1, $2, $10");
        assertEquals(0, parsed.indexOf("$1"));
        assertEquals(1, parsed.indexOf("$2"));
        assertEquals(9, parsed.indexOf("$10"));
    }

    @Test
    void nativeParameterZeroIsRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ParsedSql.parse("SELECT $0"));
        assertTrue(e.getMessage().contains("$0"), e.getMessage());
    }

    @Test
    void nativeParameterAboveTheBindLimitIsRejected() {
        assertEquals(65535, ParsedSql.parse("SELECT $65535").parameterCount());
        assertThrows(IllegalArgumentException.class, () -> ParsedSql.parse("SELECT $65536"));
        assertThrows(IllegalArgumentException.class, () -> ParsedSql.parse("SELECT $99999999999999999999"));
    }

    @Test
    void colonNamesAreNumberedInOrderOfFirstAppearance() {
        ParsedSql parsed = ParsedSql.parse("SELECT :b, :a, :b_2");
        assertEquals("SELECT $1, $2, $3", parsed.sql());
        assertEquals(List.of("b", "a", "b_2"), parsed.parameterNames());
        assertEquals(3, parsed.parameterCount());
    }

    @Test
    void aColonNameUsedTwiceIsOneParameter() {
        ParsedSql parsed = ParsedSql.parse("UPDATE t SET a = :v WHERE b = :id OR c = :v");
        assertEquals("UPDATE t SET a = $1 WHERE b = $2 OR c = $1", parsed.sql());
        assertEquals(List.of("v", "id"), parsed.parameterNames());
    }

    @Test
    void colonNamesAreFoundWithOrWithoutTheColon() {
        ParsedSql parsed = ParsedSql.parse("SELECT :first, :second");
        assertEquals(0, parsed.indexOf("first"));
        assertEquals(1, parsed.indexOf("second"));
        assertEquals(1, parsed.indexOf(":second"));
    }

    @Test
    void colonNamesAreCaseSensitive() {
        ParsedSql parsed = ParsedSql.parse("SELECT :id, :ID");
        assertEquals("SELECT $1, $2", parsed.sql());
        assertEquals(List.of("id", "ID"), parsed.parameterNames());
    }

    @Test
    void colonNameEndsAtTheFirstCharacterOutsideTheNameSyntax() {
        ParsedSql parsed = ParsedSql.parse("SELECT :a1_b+1, (:c)::int, :d,:e");
        assertEquals("SELECT $1+1, ($2)::int, $3,$4", parsed.sql());
        assertEquals(List.of("a1_b", "c", "d", "e"), parsed.parameterNames());
    }

    @Test
    void colonNameFollowedByACastIsAPlaceholderAndACast() {
        ParsedSql parsed = ParsedSql.parse("SELECT :a::int");
        assertEquals("SELECT $1::int", parsed.sql());
    }

    @Test
    void colonNameRunningIntoNonAsciiLettersIsRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ParsedSql.parse("SELECT :naïve"));
        assertTrue(e.getMessage().contains(":naïve"), e.getMessage());
    }

    @Test
    void percentPlaceholdersAreNumberedLeftToRight() {
        ParsedSql parsed = ParsedSql.parse("INSERT INTO t VALUES (%s, %s, %s)");
        assertEquals("INSERT INTO t VALUES ($1, $2, $3)", parsed.sql());
        assertEquals(List.of("$1", "$2", "$3"), parsed.parameterNames());
        assertEquals(2, parsed.indexOf("$3"));
    }

    @Test
    void percentNamedPlaceholdersShareNumbersByName() {
        ParsedSql parsed = ParsedSql.parse("SELECT %(x)s + %(y)s * %(x)s");
        assertEquals("SELECT $1 + $2 * $1", parsed.sql());
        assertEquals(List.of("x", "y"), parsed.parameterNames());
        assertEquals(1, parsed.indexOf("y"));
    }

    @Test
    void doublePercentIsALiteralPercentInPsycopgStyle() {
        assertEquals("SELECT $1 % 2, 'a%'", ParsedSql.parse("SELECT %s %% 2, 'a%%'").sql());
        assertEquals("SELECT $1 % 2", ParsedSql.parse("SELECT %(n)s %% 2").sql());
    }

    @Test
    void doublePercentIsLeftAloneOutsidePsycopgStyle() {
        assertEquals("SELECT 10 %% 3", ParsedSql.parse("SELECT 10 %% 3").sql());
        assertEquals("SELECT $1 % 3, '%%'", ParsedSql.parse("SELECT :n % 3, '%%'").sql());
    }

    @Test
    void moduloOperatorIsLeftAloneOutsidePsycopgStyle() {
        assertEquals("SELECT $1 % 2", ParsedSql.parse("SELECT $1 % 2").sql());
        assertEquals("SELECT $1 %(2)", ParsedSql.parse("SELECT :a %(2)").sql());
        assertEquals("SELECT 7 % 2", ParsedSql.parse("SELECT 7 % 2").sql());
    }

    @Test
    void lonePercentInPsycopgStyleIsRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ParsedSql.parse("SELECT %s % 2"));
        assertTrue(e.getMessage().contains("%%"), e.getMessage());
        assertTrue(e.getMessage().contains("offset 10"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> ParsedSql.parse("SELECT %d, %s"));
    }

    @Test
    void malformedPercentNamedPlaceholderIsRejected() {
        for (String sql : List.of("SELECT %(a)d", "SELECT %(a", "SELECT %()s", "SELECT %(1a)s", "SELECT %(a b)s",
                "SELECT %s, %(a)")) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ParsedSql.parse(sql), sql);
            assertTrue(e.getMessage().startsWith("Malformed placeholder '%("), e.getMessage());
        }
    }

    @Test
    void malformedPercentNamedPlaceholderMessageShowsWhatWasFound() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ParsedSql.parse("SELECT %(id)d FROM t"));
        assertEquals("Malformed placeholder '%(id)d' at offset 7: expected %(name)s with a name matching"
                + " [A-Za-z_][A-Za-z0-9_]*; for the modulo operator write '% ('", e.getMessage());
    }

    @Test
    void nativeAndColonStylesTogetherAreRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ParsedSql.parse("SELECT $1, :a"));
        assertEquals("SQL mixes placeholder styles: '$1' at offset 7 and ':a' at offset 11;"
                + " use only one of $n, :name, %s or %(name)s", e.getMessage());
    }

    @Test
    void everyPairOfStylesIsRejected() {
        List<String> one = List.of("$1", ":a", "%s", "%(b)s");
        for (String first : one) {
            for (String second : one) {
                if (!first.equals(second)) {
                    String sql = "SELECT " + first + ", " + second;
                    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                            () -> ParsedSql.parse(sql), sql);
                    assertTrue(e.getMessage().startsWith("SQL mixes placeholder styles: '" + first + "'"),
                            e.getMessage());
                }
            }
        }
    }

    @Test
    void unknownNameIsAnIllegalArgumentNamingTheKnownOnes() {
        ParsedSql parsed = ParsedSql.parse("SELECT :id, :name");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> parsed.indexOf("nme"));
        assertEquals("Unknown parameter name 'nme': the statement's parameters are id, name", e.getMessage());
    }

    @Test
    void dollarNamesDoNotFindColonParameters() {
        ParsedSql parsed = ParsedSql.parse("SELECT :id");
        assertThrows(IllegalArgumentException.class, () -> parsed.indexOf("$1"));
    }

    @Test
    void unknownNativeNameIsAnIllegalArgument() {
        ParsedSql parsed = ParsedSql.parse("SELECT $1, $2");
        for (String name : List.of("$3", "$0", "1", "$", "$1a", "a", "")) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> parsed.indexOf(name));
            assertEquals("Unknown parameter name '" + name + "': the statement's parameters are $1, $2",
                    e.getMessage());
        }
    }

    @Test
    void anyNameIsUnknownWithoutParameters() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ParsedSql.parse("SELECT 1").indexOf("$1"));
        assertEquals("Unknown parameter name '$1': the statement has no parameters", e.getMessage());
    }

    @Test
    void nullNameIsAnIllegalArgument() {
        assertThrows(IllegalArgumentException.class, () -> ParsedSql.parse("SELECT $1").indexOf(null));
    }

    @Test
    void nullSqlIsAnIllegalArgument() {
        assertThrows(IllegalArgumentException.class, () -> ParsedSql.parse(null));
    }

    @Test
    void unknownNameMessageListsAtMostSixteenNames() {
        ParsedSql parsed = ParsedSql.parse("SELECT $20");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> parsed.indexOf("x"));
        assertTrue(e.getMessage().endsWith("$15, $16, ..."), e.getMessage());
    }

    @Test
    void moreThan65535PercentPlaceholdersAreRejected() {
        String many = "SELECT " + "%s,".repeat(65535) + "%s";
        assertThrows(IllegalArgumentException.class, () -> ParsedSql.parse(many));
        assertEquals(65535, ParsedSql.parse("SELECT " + "%s,".repeat(65534) + "%s").parameterCount());
    }

    @Test
    void parsingTheSameSqlAgainReturnsTheCachedResult() {
        String sql = "SELECT :cached_" + System.nanoTime();
        assertSame(ParsedSql.parse(sql), ParsedSql.parse(sql));
    }
}
