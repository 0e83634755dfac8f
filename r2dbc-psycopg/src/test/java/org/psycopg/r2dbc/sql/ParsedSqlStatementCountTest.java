// Specification of statement counting: top-level semicolons separate statements, empty ones do not count.
package org.psycopg.r2dbc.sql;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class ParsedSqlStatementCountTest {

    private static int count(String sql) {
        return ParsedSql.parse(sql).statementCount();
    }

    @Test
    void oneStatementWithOrWithoutATrailingSemicolon() {
        assertEquals(1, count("SELECT 1"));
        assertEquals(1, count("SELECT 1;"));
        assertEquals(1, count("SELECT 1 ;  \n"));
    }

    @Test
    void semicolonsSeparateStatements() {
        assertEquals(2, count("SELECT 1; SELECT 2"));
        assertEquals(3, count("BEGIN; UPDATE t SET a = 1; COMMIT;"));
    }

    @Test
    void emptyStatementsDoNotCount() {
        assertEquals(0, count(""));
        assertEquals(0, count("   "));
        assertEquals(0, count(";;"));
        assertEquals(1, count(";; SELECT 1 ;;"));
        assertEquals(2, count("SELECT 1;;;SELECT 2"));
    }

    @Test
    void commentsAloneAreNotAStatement() {
        assertEquals(0, count("-- nothing here"));
        assertEquals(0, count("/* nothing */ ; -- here"));
        assertEquals(1, count("SELECT 1; -- done"));
        assertEquals(1, count("SELECT 1; /* done */"));
    }

    @Test
    void semicolonsInsideQuotesAndCommentsDoNotSeparate() {
        assertEquals(1, count("SELECT ';', \";\", E'\\';', $$;$$, $f$;$f$ -- ;\n /* ; */"));
    }

    @Test
    void semicolonsInsideParenthesesDoNotSeparate() {
        assertEquals(1, count("SELECT (1; 2)"));
    }

    @Test
    void dollarQuotedFunctionBodyIsOneStatement() {
        assertEquals(2, count("CREATE FUNCTION f() RETURNS int AS $$ BEGIN RETURN 1; END; $$ LANGUAGE plpgsql;"
                + " SELECT f()"));
    }

    @Test
    void sqlStandardFunctionBodyIsOneStatement() {
        assertEquals(1, count("CREATE FUNCTION f() RETURNS int LANGUAGE sql BEGIN ATOMIC SELECT 1; SELECT 2; END;"));
        assertEquals(2, count("create or replace procedure p() begin atomic insert into t values (1); end; call p()"));
    }

    @Test
    void caseInsideAFunctionBodyClosesWithItsOwnEnd() {
        assertEquals(2, count("CREATE FUNCTION f(x int) RETURNS int LANGUAGE sql BEGIN ATOMIC"
                + " SELECT CASE WHEN x > 0 THEN 1 ELSE 0 END; SELECT 2; END; SELECT 3"));
    }

    @Test
    void beginOutsideARoutineDefinitionIsATransaction() {
        assertEquals(3, count("BEGIN; SELECT CASE WHEN true THEN 1 END; END"));
    }

    @Test
    void placeholdersAreFoundAcrossStatements() {
        ParsedSql parsed = ParsedSql.parse("INSERT INTO t VALUES (:a); SELECT :a, :b");
        assertEquals(2, parsed.statementCount());
        assertEquals("INSERT INTO t VALUES ($1); SELECT $1, $2", parsed.sql());
    }
}
