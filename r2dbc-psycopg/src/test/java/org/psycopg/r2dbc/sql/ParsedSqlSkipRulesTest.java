// Specification of where placeholders are not placeholders: quotes, comments, casts and slices.
package org.psycopg.r2dbc.sql;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ParsedSqlSkipRulesTest {

    /** Parses {@code sql}, which should hold exactly the placeholder {@code :p}, and checks its rewrite. */
    private static void assertOnlyPlaceholderIsP(String sql, String expected) {
        ParsedSql parsed = ParsedSql.parse(sql);
        assertEquals(expected, parsed.sql());
        assertEquals(List.of("p"), parsed.parameterNames());
    }

    @Test
    void singleQuotedStringsHideColonNames() {
        assertOnlyPlaceholderIsP("SELECT ':a', :p", "SELECT ':a', $1");
    }

    @Test
    void doubledQuotesStayInsideTheString() {
        assertOnlyPlaceholderIsP("SELECT 'it''s :a', :p", "SELECT 'it''s :a', $1");
        assertOnlyPlaceholderIsP("SELECT '''', :p, ''':a'''", "SELECT '''', $1, ''':a'''");
    }

    @Test
    void backslashEndsNothingInAStandardString() {
        assertOnlyPlaceholderIsP("SELECT 'C:\\' = :p", "SELECT 'C:\\' = $1");
    }

    @Test
    void escapeStringsTakeBackslashEscapedQuotes() {
        assertOnlyPlaceholderIsP("SELECT E'it\\'s :a', :p", "SELECT E'it\\'s :a', $1");
        assertOnlyPlaceholderIsP("SELECT e'\\\\', :p", "SELECT e'\\\\', $1");
        assertOnlyPlaceholderIsP("SELECT E'a''b :a', :p", "SELECT E'a''b :a', $1");
    }

    @Test
    void aWordEndingInEIsNotAnEscapeString() {
        // DATE'...' is a typed constant: the backslash does not escape the closing quote
        assertOnlyPlaceholderIsP("SELECT DATE'\\', :p", "SELECT DATE'\\', $1");
    }

    @Test
    void escapeStringContinuedOnTheNextLineKeepsBackslashEscapes() {
        assertOnlyPlaceholderIsP("SELECT E'a'\n'\\' :a', :p", "SELECT E'a'\n'\\' :a', $1");
        assertOnlyPlaceholderIsP("SELECT E'a' -- note\n  '\\' :a', :p", "SELECT E'a' -- note\n  '\\' :a', $1");
    }

    @Test
    void escapeStringFollowedByAStringOnTheSameLineIsNotContinued() {
        // 'b' on the same line is a separate standard string, where the backslash is plain text
        assertOnlyPlaceholderIsP("SELECT E'a' '\\', :p", "SELECT E'a' '\\', $1");
    }

    @Test
    void prefixedStringConstantsHideColonNames() {
        assertOnlyPlaceholderIsP("SELECT B'1:a', X'1F:a', N':a', U&':a', :p",
                "SELECT B'1:a', X'1F:a', N':a', U&':a', $1");
    }

    @Test
    void quotedIdentifiersHidePlaceholders() {
        assertOnlyPlaceholderIsP("SELECT \":a\"\"$1\" FROM t WHERE x = :p", "SELECT \":a\"\"$1\" FROM t WHERE x = $1");
        assertOnlyPlaceholderIsP("SELECT U&\":a\", :p", "SELECT U&\":a\", $1");
    }

    @Test
    void dollarQuotedStringsHidePlaceholders() {
        assertOnlyPlaceholderIsP("SELECT $$ :a $1 ' $$, :p", "SELECT $$ :a $1 ' $$, $1");
    }

    @Test
    void taggedDollarQuotesEndOnlyAtTheSameTag() {
        assertOnlyPlaceholderIsP("SELECT $fn$ $$ :a $x$ $fn$ || :p", "SELECT $fn$ $$ :a $x$ $fn$ || $1");
        assertOnlyPlaceholderIsP("SELECT $_1$ :a $_1$, :p", "SELECT $_1$ :a $_1$, $1");
        assertOnlyPlaceholderIsP("SELECT $é$ :a $é$, :p", "SELECT $é$ :a $é$, $1");
    }

    @Test
    void taggedDollarQuotesAreCaseSensitive() {
        assertOnlyPlaceholderIsP("SELECT $T$ $t$ :a $T$, :p", "SELECT $T$ $t$ :a $T$, $1");
    }

    @Test
    void dollarFollowedByADigitIsAParameterNotAQuote() {
        ParsedSql parsed = ParsedSql.parse("SELECT $1$ || $2");
        assertEquals(2, parsed.parameterCount());
    }

    @Test
    void dollarInsideAnIdentifierIsPartOfIt() {
        // foo$1 is one identifier: no parameter and no dollar quote
        ParsedSql parsed = ParsedSql.parse("SELECT foo$1, bar$$ FROM t WHERE x = :p");
        assertEquals("SELECT foo$1, bar$$ FROM t WHERE x = $1", parsed.sql());
        assertEquals(List.of("p"), parsed.parameterNames());
    }

    @Test
    void unclosedDollarQuoteHidesTheRest() {
        assertEquals(0, ParsedSql.parse("SELECT $q$ :a").parameterCount());
    }

    @Test
    void lineCommentsHidePlaceholders() {
        assertOnlyPlaceholderIsP("SELECT 1 -- :a $1 %s\n + :p", "SELECT 1 -- :a $1 %s\n + $1");
        assertOnlyPlaceholderIsP("SELECT :p -- :a", "SELECT $1 -- :a");
        assertOnlyPlaceholderIsP("SELECT 1 -- :a\r:p", "SELECT 1 -- :a\r$1");
    }

    @Test
    void nestedBlockCommentsHidePlaceholders() {
        assertOnlyPlaceholderIsP("SELECT /* :a /* :b */ :c */ :p", "SELECT /* :a /* :b */ :c */ $1");
        assertOnlyPlaceholderIsP("SELECT /**/ :p /*/ :a */", "SELECT /**/ $1 /*/ :a */");
    }

    @Test
    void singleDashAndSlashAreOperators() {
        assertOnlyPlaceholderIsP("SELECT 4 - :p / 2", "SELECT 4 - $1 / 2");
    }

    @Test
    void quotesInsideCommentsOpenNothing() {
        assertOnlyPlaceholderIsP("SELECT /* it's */ :p -- don't\n", "SELECT /* it's */ $1 -- don't\n");
    }

    @ParameterizedTest
    @ValueSource(strings = {"SELECT x::int", "SELECT x::text[]", "SELECT '1'::int", "SELECT a[1:2]", "SELECT a[1:]",
        "DO $$ BEGIN x := 1; END $$", "SELECT f(a := 1)", "SELECT :", "SELECT : a", "SELECT a[:2]"})
    void castsAssignmentsAndSlicesAreNotPlaceholders(String sql) {
        ParsedSql parsed = ParsedSql.parse(sql);
        assertEquals(sql, parsed.sql());
        assertEquals(0, parsed.parameterCount());
    }

    @Test
    void castAfterAPlaceholderStaysACast() {
        assertOnlyPlaceholderIsP("SELECT x::int + :p::int", "SELECT x::int + $1::int");
    }

    @ParameterizedTest
    @ValueSource(strings = {"SELECT '%s'", "SELECT \"%s\"", "SELECT $$%s$$", "SELECT 1 -- %s", "SELECT /* %(a)s */ 1",
        "SELECT E'\\'%s'"})
    void percentPlaceholdersInsideQuotesAndCommentsAreText(String sql) {
        ParsedSql parsed = ParsedSql.parse(sql);
        assertEquals(sql, parsed.sql());
        assertEquals(0, parsed.parameterCount());
    }

    @Test
    void aPlaceholderInsideAStringIsLeftAloneButDoublePercentStillMeansPercent() {
        ParsedSql parsed = ParsedSql.parse("SELECT * FROM t WHERE name LIKE 'a%' AND x = %s AND y LIKE '%s%%'");
        assertEquals("SELECT * FROM t WHERE name LIKE 'a%' AND x = $1 AND y LIKE '%s%'", parsed.sql());
        assertEquals(1, parsed.parameterCount());
    }

    @Test
    void nativeParametersInsideQuotesAreNotCounted() {
        ParsedSql parsed = ParsedSql.parse("SELECT '$3', \"$4\", $$ $5 $$, $1 -- $6");
        assertEquals(1, parsed.parameterCount());
    }

    @Test
    void unterminatedStringHidesTheRest() {
        assertEquals(0, ParsedSql.parse("SELECT 'abc :a").parameterCount());
        assertEquals(0, ParsedSql.parse("SELECT \"abc :a").parameterCount());
        assertEquals(0, ParsedSql.parse("SELECT /* abc :a").parameterCount());
        assertEquals(0, ParsedSql.parse("SELECT E'abc\\").parameterCount());
    }

    @Test
    void nonAsciiTextAroundPlaceholdersIsKept() {
        assertOnlyPlaceholderIsP("SELECT 'żółw 🐢', :p AS \"名前\"", "SELECT 'żółw 🐢', $1 AS \"名前\"");
    }
}
