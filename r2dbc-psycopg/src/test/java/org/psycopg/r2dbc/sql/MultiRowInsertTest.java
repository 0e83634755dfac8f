// Specification of the multi-row INSERT rewrite: which statements qualify and the text written for n rows.
package org.psycopg.r2dbc.sql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class MultiRowInsertTest {

    private static MultiRowInsert of(String sql) {
        return MultiRowInsert.of(ParsedSql.parse(sql));
    }

    private static String rows(String sql, int rows) {
        MultiRowInsert insert = of(sql);
        assertNotNull(insert, sql);
        return insert.sql(rows);
    }

    @Test
    void theTupleRepeatsWithItsParametersRenumbered() {
        assertEquals("INSERT INTO t (a, b) VALUES ($1, $2), ($3, $4), ($5, $6)",
                rows("INSERT INTO t (a, b) VALUES ($1, $2)", 3));
        assertEquals("INSERT INTO t (a, b) VALUES ($1, $2)", rows("INSERT INTO t (a, b) VALUES ($1, $2)", 1));
    }

    @Test
    void expressionsConstantsAndRepeatedParametersInTheTupleAreKept() {
        assertEquals("insert into t values (lower($2), $1::int, 'a,$3)', $1 + 1), (lower($4), $3::int, 'a,$3)', $3 + 1)",
                rows("insert into t values (lower($2), $1::int, 'a,$3)', $1 + 1)", 2));
    }

    @Test
    void onConflictAndReturningFollowTheLastTuple() {
        assertEquals("INSERT INTO t VALUES ($1), ($2) ON CONFLICT (id) DO UPDATE SET n = excluded.n RETURNING id;",
                rows("INSERT INTO t VALUES ($1) ON CONFLICT (id) DO UPDATE SET n = excluded.n RETURNING id;", 2));
    }

    @Test
    void namedAndPsycopgPlaceholdersAreRewrittenToo() {
        assertEquals("INSERT INTO t VALUES ($1, $2, $1), ($3, $4, $3)", rows("INSERT INTO t VALUES (:a, :b, :a)", 2));
        assertEquals("INSERT INTO t VALUES ($1, $2), ($3, $4)", rows("INSERT INTO t VALUES (%s, %s)", 2));
        assertEquals("INSERT INTO t VALUES ($1), ($2)", rows("INSERT INTO t VALUES (%(x)s)", 2));
    }

    @Test
    void commentsAndQuotedNamesDoNotConfuseIt() {
        assertEquals("/* VALUES ($9) */ INSERT INTO \"values\" (\"VALUES\") VALUES ($1), ($2) -- ($3)",
                rows("/* VALUES ($9) */ INSERT INTO \"values\" (\"VALUES\") VALUES ($1) -- ($3)", 2));
    }

    @Test
    void statementsThatAreNotASingleRowInsertAreLeftAlone() {
        assertNull(of("INSERT INTO t VALUES (1)"), "no parameters");
        assertNull(of("INSERT INTO t VALUES ($1), ($2)"), "already several rows");
        assertNull(of("INSERT INTO t SELECT $1"), "no VALUES");
        assertNull(of("INSERT INTO t SELECT * FROM (VALUES ($1)) v"), "VALUES inside a subquery");
        assertNull(of("WITH x AS (SELECT 1) INSERT INTO t VALUES ($1)"), "WITH");
        assertNull(of("UPDATE t SET a = $1"), "not an INSERT");
        assertNull(of("INSERT INTO t VALUES ($1) ON CONFLICT (id) DO UPDATE SET n = $2"), "a parameter after the tuple");
        assertNull(of("INSERT INTO t VALUES ($1); INSERT INTO t VALUES ($2)"), "two statements");
        assertNull(of("INSERT INTO t VALUES ($1) ; SELECT 1"), "two statements");
    }

    @Test
    void aStatementTakesAtMostTheParametersABindMessageCarries() {
        MultiRowInsert insert = of("INSERT INTO t VALUES ($1, $2, $3)");
        assertEquals(3, insert.parameterCount());
        assertEquals(21_845, insert.maxRows());
        assertThrows(IllegalArgumentException.class, () -> insert.sql(21_846));
        assertThrows(IllegalArgumentException.class, () -> insert.sql(0));
    }
}
