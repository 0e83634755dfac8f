package org.psycopg.r2dbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.r2dbc.spi.IsolationLevel;
import io.r2dbc.spi.R2dbcException;
import io.r2dbc.spi.R2dbcTimeoutException;
import io.r2dbc.spi.R2dbcTransientException;
import io.r2dbc.spi.TransactionDefinition;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.psycopg.r2dbc.error.PostgresException;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

class TransactionTest {

    private final PsycopgConnection connection = TestDatabase.connect();

    @AfterEach
    void close() {
        connection.close().block(TestDatabase.TIMEOUT);
    }

    private String show(PsycopgConnection on, String sql) {
        return Flux.from(on.createStatement(sql).execute())
                .flatMap(result -> result.map(row -> row.get(0, String.class))).blockLast(TestDatabase.TIMEOUT);
    }

    private static Throwable failure(Mono<?> mono) {
        return mono.map(value -> (Throwable) new AssertionError("no error: " + value))
                .onErrorResume(Mono::just).block(TestDatabase.TIMEOUT);
    }

    private static TransactionDefinition definition(Map<io.r2dbc.spi.Option<?>, Object> attributes) {
        return new TransactionDefinition() {
            @Override
            @SuppressWarnings("unchecked")
            public <T> T getAttribute(io.r2dbc.spi.Option<T> option) {
                return (T) attributes.get(option);
            }
        };
    }

    @Test
    void aTransactionDefinitionSetsIsolationReadOnlyAndDeferrable() {
        Map<io.r2dbc.spi.Option<?>, Object> attributes = new HashMap<>();
        attributes.put(TransactionDefinition.ISOLATION_LEVEL, IsolationLevel.SERIALIZABLE);
        attributes.put(TransactionDefinition.READ_ONLY, true);
        attributes.put(PsycopgConnection.DEFERRABLE, true);
        attributes.put(TransactionDefinition.LOCK_WAIT_TIMEOUT, Duration.ofMillis(1500));
        connection.beginTransaction(definition(attributes)).block(TestDatabase.TIMEOUT);
        assertEquals("serializable", show(connection, "SHOW transaction_isolation"));
        assertEquals("on", show(connection, "SHOW transaction_read_only"));
        assertEquals("on", show(connection, "SHOW transaction_deferrable"));
        assertEquals("1500ms", show(connection, "SHOW lock_timeout"));
        assertFalse(connection.isAutoCommit());
        connection.commitTransaction().block(TestDatabase.TIMEOUT);
        assertEquals("0", show(connection, "SHOW lock_timeout"));
        assertTrue(connection.isAutoCommit());
    }

    @Test
    void beginGoesWithTheFirstStatementOfTheTransaction() {
        Flux.from(connection.createStatement("CREATE TEMP TABLE begun (id int)").execute())
                .flatMap(PsycopgResult::getRowsUpdated).blockLast(TestDatabase.TIMEOUT);
        for (int run = 1; run <= 2; run++) {
            connection.beginTransaction().block(TestDatabase.TIMEOUT);
            // Begun, not sent: the server is still idle, the connection no longer auto-commits.
            assertEquals(ConnectionInfo.TransactionStatus.IDLE, connection.info().transactionStatus());
            assertFalse(connection.isAutoCommit());
            long flushes = connection.session().flushes();
            List<Long> counts = Flux.from(connection.createStatement("INSERT INTO begun VALUES ($1)").bind(0, run).execute())
                    .flatMap(PsycopgResult::getRowsUpdated).collectList().block(TestDatabase.TIMEOUT);
            assertEquals(List.of(1L), counts, "the BEGIN gives no result of its own");
            assertEquals(ConnectionInfo.TransactionStatus.IN_TRANSACTION, connection.info().transactionStatus());
            if (run == 2) {
                // Once both texts are described (the first run), BEGIN and the INSERT leave together.
                assertEquals(1, connection.session().flushes() - flushes);
            }
            connection.rollbackTransaction().block(TestDatabase.TIMEOUT);
            assertTrue(connection.isAutoCommit());
        }
        assertEquals("0", show(connection, "SELECT count(*)::text FROM begun"));
    }

    @Test
    void aFailedBeginFailsTheStatementItWentWithAndNothingOfItRuns() {
        Flux.from(connection.createStatement("CREATE TEMP TABLE after_failed_begin (id int)").execute())
                .flatMap(PsycopgResult::getRowsUpdated).blockLast(TestDatabase.TIMEOUT);
        // Described (and so known to the connection) before its transaction fails.
        Flux.from(connection.createStatement("INSERT INTO after_failed_begin SELECT $1 WHERE false").bind(0, 1).execute())
                .flatMap(PsycopgResult::getRowsUpdated).blockLast(TestDatabase.TIMEOUT);
        connection.beginTransaction().block(TestDatabase.TIMEOUT);
        assertInstanceOf(R2dbcException.class, failure(Flux.from(connection.createStatement("SELECT 1/0").execute())
                .flatMap(PsycopgResult::getRowsUpdated).then()));
        // The transaction is aborted: the BEGIN sent with the next statement fails, and the statement does not run.
        connection.beginTransaction().block(TestDatabase.TIMEOUT);
        Throwable failed = failure(Flux.from(connection.createStatement("INSERT INTO after_failed_begin SELECT $1 WHERE false").bind(0, 1).execute())
                .flatMap(PsycopgResult::getRowsUpdated).then());
        assertEquals("25P02", ((R2dbcException) failed).getSqlState());
        assertEquals("BEGIN", ((R2dbcException) failed).getSql());
        connection.rollbackTransaction().block(TestDatabase.TIMEOUT);
        assertEquals("0", show(connection, "SELECT count(*)::text FROM after_failed_begin"));
    }

    @Test
    void aStatementThatFailsBeforeItIsSentLeavesTheBeginForTheNext() {
        Flux.from(connection.createStatement("CREATE TEMP TABLE kept_begin (id int)").execute())
                .flatMap(PsycopgResult::getRowsUpdated).blockLast(TestDatabase.TIMEOUT);
        connection.beginTransaction().block(TestDatabase.TIMEOUT);
        // Refused when described, before its pipeline (and the BEGIN) left.
        assertEquals("42P01", ((R2dbcException) failure(Flux.from(connection.createStatement("SELECT * FROM no_such_table").execute())
                .flatMap(PsycopgResult::getRowsUpdated).then())).getSqlState());
        assertFalse(connection.isAutoCommit());
        show(connection, "INSERT INTO kept_begin VALUES (1) RETURNING id::text");
        assertEquals(ConnectionInfo.TransactionStatus.IN_TRANSACTION, connection.info().transactionStatus());
        connection.rollbackTransaction().block(TestDatabase.TIMEOUT);
        assertEquals("0", show(connection, "SELECT count(*)::text FROM kept_begin"));
    }

    @Test
    void aCommitAfterABeginThatWasNeverSentStillEndsTheServersTransaction() {
        show(connection, "CREATE TABLE IF NOT EXISTS committed_late (id int)");
        show(connection, "TRUNCATE committed_late");
        connection.setAutoCommit(false).block(TestDatabase.TIMEOUT);
        // The statement begins a transaction on the server; the explicit begin that follows adds nothing to send.
        show(connection, "INSERT INTO committed_late VALUES (1) RETURNING id::text");
        connection.beginTransaction().then(connection.commitTransaction()).block(TestDatabase.TIMEOUT);
        assertEquals(ConnectionInfo.TransactionStatus.IDLE, connection.info().transactionStatus());
        PsycopgConnection other = TestDatabase.connect();
        try {
            assertEquals("1", show(other, "SELECT count(*)::text FROM committed_late"));
        } finally {
            other.close().block(TestDatabase.TIMEOUT);
        }
        connection.setAutoCommit(true).block(TestDatabase.TIMEOUT);
        show(connection, "DROP TABLE committed_late");
    }

    @Test
    void aTransactionWithNothingInItSendsNothing() {
        long flushes = connection.session().flushes();
        connection.beginTransaction().then(connection.commitTransaction()).block(TestDatabase.TIMEOUT);
        connection.beginTransaction().then(connection.rollbackTransaction()).block(TestDatabase.TIMEOUT);
        assertEquals(0, connection.session().flushes() - flushes);
        assertTrue(connection.isAutoCommit());
        // No BEGIN is left over for the next statement, which runs and commits on its own.
        assertEquals("1", show(connection, "SELECT '1'"));
        assertEquals(ConnectionInfo.TransactionStatus.IDLE, connection.info().transactionStatus());
    }

    @Test
    void aLockWaitTimeoutFailsAsATransientError() {
        PsycopgConnection other = TestDatabase.connect();
        try {
            show(connection, "CREATE TABLE IF NOT EXISTS locked_row (id int PRIMARY KEY)");
            show(connection, "INSERT INTO locked_row VALUES (1) ON CONFLICT DO NOTHING");
            other.beginTransaction().block(TestDatabase.TIMEOUT);
            show(other, "SELECT id::text FROM locked_row WHERE id = 1 FOR UPDATE");
            connection.setLockWaitTimeout(Duration.ofMillis(100)).block(TestDatabase.TIMEOUT);
            Throwable error = failure(Flux.from(connection.createStatement("SELECT id FROM locked_row WHERE id = 1 FOR UPDATE").execute())
                    .flatMap(result -> result.map(row -> row.get(0))).then(Mono.just("locked")));
            assertInstanceOf(R2dbcTransientException.class, error);
            assertEquals("55P03", ((R2dbcException) error).getSqlState());
            other.rollbackTransaction().block(TestDatabase.TIMEOUT);
        } finally {
            other.close().block(TestDatabase.TIMEOUT);
        }
    }

    @Test
    void aStatementTimeoutIsAnR2dbcTimeout() {
        connection.setStatementTimeout(Duration.ofMillis(100)).block(TestDatabase.TIMEOUT);
        Throwable error = failure(Flux.from(connection.createStatement("SELECT pg_sleep(5)").execute())
                .flatMap(result -> result.map(row -> row.get(0))).then(Mono.just("slept")));
        assertInstanceOf(R2dbcTimeoutException.class, error);
        assertEquals("57014", ((R2dbcException) error).getSqlState());
        connection.setStatementTimeout(Duration.ZERO).block(TestDatabase.TIMEOUT);
        assertEquals("0", show(connection, "SHOW statement_timeout"));
    }

    @Test
    void withAutoCommitOffTheFirstStatementBeginsATransactionAsPsycopg2Does() {
        connection.setAutoCommit(false).block(TestDatabase.TIMEOUT);
        show(connection, "CREATE TEMP TABLE implicit (n int)");
        assertEquals(ConnectionInfo.TransactionStatus.IN_TRANSACTION, connection.info().transactionStatus());
        connection.rollbackTransaction().block(TestDatabase.TIMEOUT);
        assertEquals(ConnectionInfo.TransactionStatus.IDLE, connection.info().transactionStatus());
        // The table was created inside the rolled-back transaction.
        Throwable error = failure(Flux.from(connection.createStatement("SELECT count(*) FROM implicit").execute())
                .flatMap(result -> result.map(row -> row.get(0))).then(Mono.just("exists")));
        assertEquals("42P01", ((R2dbcException) error).getSqlState());
        connection.rollbackTransaction().block(TestDatabase.TIMEOUT);
        connection.setAutoCommit(true).block(TestDatabase.TIMEOUT);
    }

    @Test
    void theIsolationLevelStartsAsTheSessionsDefault() {
        TestDatabase.server().embedded().orElseThrow()
                .execute("ALTER ROLE scram_user SET default_transaction_isolation = 'repeatable read'");
        try {
            PsycopgConnection scram = new PsycopgConnectionFactory(TestDatabase.configuration().user("scram_user").password("scram_pw").build())
                    .create().block(TestDatabase.TIMEOUT);
            try {
                assertEquals(IsolationLevel.REPEATABLE_READ, scram.getTransactionIsolationLevel());
                scram.setTransactionIsolationLevel(IsolationLevel.SERIALIZABLE).block(TestDatabase.TIMEOUT);
                assertEquals(IsolationLevel.SERIALIZABLE, scram.getTransactionIsolationLevel());
                scram.beginTransaction().block(TestDatabase.TIMEOUT);
                assertEquals("serializable", show(scram, "SHOW transaction_isolation"));
                scram.commitTransaction().block(TestDatabase.TIMEOUT);
            } finally {
                scram.close().block(TestDatabase.TIMEOUT);
            }
        } finally {
            TestDatabase.server().embedded().orElseThrow().execute("ALTER ROLE scram_user RESET default_transaction_isolation");
        }
        assertEquals(IsolationLevel.READ_COMMITTED, connection.getTransactionIsolationLevel());
    }

    @Test
    void namedAndPsycopgPlaceholdersBindAgainstTheServer() {
        List<String> named = Flux.from(connection.createStatement("SELECT :greeting || ' ' || :name || ' ' || :greeting")
                        .bind("greeting", "hello").bind("name", "world").execute())
                .flatMap(result -> result.map(row -> row.get(0, String.class))).collectList().block(TestDatabase.TIMEOUT);
        assertEquals(List.of("hello world hello"), named);
        List<String> pyformat = Flux.from(connection.createStatement("SELECT %s::int + %s::int AS total, '100%%' AS pct")
                        .bind(0, 40).bind(1, 2).execute())
                .flatMap(result -> result.map(row -> row.get("total", Integer.class) + " " + row.get("pct", String.class)))
                .collectList().block(TestDatabase.TIMEOUT);
        assertEquals(List.of("42 100%"), pyformat);
        List<String> pynamed = Flux.from(connection.createStatement("SELECT %(a)s::text || %(b)s::text || %(a)s::text")
                        .bind("a", "x").bind("b", "y").execute())
                .flatMap(result -> result.map(row -> row.get(0, String.class))).collectList().block(TestDatabase.TIMEOUT);
        assertEquals(List.of("xyx"), pynamed);
    }

    @Test
    void anErrorCarriesEveryDiagnosticFieldAndTheSql() {
        show(connection, "CREATE TEMP TABLE checked (id int CONSTRAINT positive_id CHECK (id > 0))");
        String sql = "INSERT INTO checked VALUES ($1)";
        Throwable error = failure(Flux.from(connection.createStatement(sql).bind(0, -1).execute())
                .flatMap(PsycopgResult::getRowsUpdated).then(Mono.just("inserted")));
        PostgresException postgres = (PostgresException) error;
        assertEquals("23514", postgres.details().code());
        assertEquals("ERROR", postgres.details().severityNonLocalized());
        assertEquals("checked", postgres.details().tableName());
        assertEquals("positive_id", postgres.details().constraintName());
        assertTrue(postgres.details().detail().contains("Failing row contains"), postgres.details().detail());
        assertTrue(postgres.details().schemaName().startsWith("pg_temp"), postgres.details().schemaName());
        assertEquals("ExecConstraints", postgres.details().routine());
        assertEquals(sql, ((R2dbcException) error).getSql());
        assertInstanceOf(io.r2dbc.spi.R2dbcDataIntegrityViolationException.class, error);
        Throwable syntax = failure(Flux.from(connection.createStatement("SELEC 1").execute())
                .flatMap(PsycopgResult::getRowsUpdated).then(Mono.just("ran")));
        assertInstanceOf(io.r2dbc.spi.R2dbcBadGrammarException.class, syntax);
        assertEquals(1, ((PostgresException) syntax).details().position());
    }
}
