// The JVM's shared test server as configurations and connections for the replication tests.
package org.psycopg.r2dbc.replication;

import java.time.Duration;
import org.psycopg.r2dbc.PsycopgConnection;
import org.psycopg.r2dbc.PsycopgConnectionConfiguration;
import org.psycopg.r2dbc.PsycopgConnectionFactory;
import org.psycopg.r2dbc.PsycopgResult;
import org.psycopg.r2dbc.embedded.PostgresServer;
import org.psycopg.r2dbc.codec.Lsn;
import org.psycopg.r2dbc.sql.Literal;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Connections to {@link PostgresServer#shared()} as its superuser, who may replicate. */
final class TestServer {

    /** Every reactive wait in these tests is bounded by this. */
    static final Duration TIMEOUT = Duration.ofSeconds(60);

    private TestServer() {
    }

    static PsycopgConnectionConfiguration.Builder configuration() {
        PostgresServer server = PostgresServer.shared();
        return PsycopgConnectionConfiguration.builder()
                .host(server.host(), server.port())
                .user(server.user())
                .password(server.password())
                .database(server.database());
    }

    static PsycopgConnection connect() {
        return new PsycopgConnectionFactory(configuration().build()).create().block(TIMEOUT);
    }

    static ReplicationConnection replication(ReplicationMode mode) {
        return ReplicationConnection.open(configuration(), mode).block(TIMEOUT);
    }

    /** Runs SQL (simple protocol when it holds several statements) and waits for it. */
    static void run(PsycopgConnection connection, String sql) {
        Flux.from(connection.createBatch().add(sql).execute()).flatMap(PsycopgResult::getRowsUpdated).blockLast(TIMEOUT);
    }

    /** Drops the slots whose names are LIKE {@code pattern}, waiting for any walsender still using one to end. */
    static void dropSlots(PsycopgConnection sql, ReplicationConnection replication, String pattern) {
        Flux.from(sql.createStatement("SELECT slot_name FROM pg_replication_slots WHERE slot_name LIKE $1 AND NOT temporary")
                        .bind(0, pattern).execute())
                .concatMap(r -> r.map(row -> row.get(0, String.class)))
                .concatMap(name -> replication.dropSlot(name, true))
                .blockLast(TIMEOUT);
    }

    /** Waits until a slot exists (a ChangeStream creates its own when it first connects). */
    static void awaitSlotExists(PsycopgConnection sql, String slot) {
        Mono.defer(() -> query(sql, "SELECT count(*)::text FROM pg_replication_slots WHERE slot_name = " + Literal.of(slot).render()))
                .filter("1"::equals)
                .repeatWhenEmpty(attempts -> attempts.delayElements(Duration.ofMillis(50)))
                .block(TIMEOUT);
    }

    /** Waits until a logical slot's confirmed_flush_lsn has reached {@code position}. */
    static void awaitConfirmedFlush(PsycopgConnection sql, String slot, Lsn position) {
        Mono.defer(() -> query(sql, "SELECT confirmed_flush_lsn::text FROM pg_replication_slots WHERE slot_name = "
                        + Literal.of(slot).render()))
                .filter(lsn -> Lsn.parse(lsn).compareTo(position) >= 0)
                .repeatWhenEmpty(attempts -> attempts.delayElements(Duration.ofMillis(50)))
                .block(TIMEOUT);
    }

    /** Waits until no walsender uses the slot any more (a cancelled stream's server process ends a moment later). */
    static void awaitSlotInactive(PsycopgConnection sql, String slot) {
        Mono.defer(() -> query(sql, "SELECT active::text FROM pg_replication_slots WHERE slot_name = " + Literal.of(slot).render()))
                .filter("false"::equals)
                .repeatWhenEmpty(attempts -> attempts.delayElements(Duration.ofMillis(50)))
                .block(TIMEOUT);
    }

    /** The first column of the first row of a query, as a String. */
    static String queryString(PsycopgConnection connection, String sql) {
        return query(connection, sql).block(TIMEOUT);
    }

    private static Mono<String> query(PsycopgConnection connection, String sql) {
        return Flux.from(connection.createStatement(sql).execute())
                .concatMap(r -> r.map(row -> String.valueOf(row.get(0)))).next();
    }
}
