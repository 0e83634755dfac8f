// Test helper: one value read from the server in binary and in text result format.
package org.psycopg.r2dbc.types;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.psycopg.r2dbc.PsycopgConnection;
import org.psycopg.r2dbc.TestDatabase;
import reactor.core.publisher.Flux;

/**
 * Reads values in both result formats: binary through the extended query protocol (the driver
 * asks binary wherever the registry has a binary codec), text through the simple query protocol
 * (a request of two statements and no parameters, whose results PostgreSQL always sends as text;
 * the second is a NULL, never decoded).
 */
final class ServerValues {

    private final PsycopgConnection connection;
    private int tables;

    ServerValues(PsycopgConnection connection) {
        this.connection = connection;
    }

    /** {@code value} twice: what a read in both formats should give. */
    static <T> List<T> both(T value) {
        return Arrays.asList(value, value);
    }

    /** The value of SQL {@code expression} as {@code type}: in binary results, then in text results. */
    <T> List<T> read(String expression, Class<T> type) {
        return Arrays.asList(first("SELECT " + expression, type), first("SELECT " + expression + "; SELECT NULL", type));
    }

    /**
     * {@code value} bound (typed as its class binds) into a new temporary column of {@code sqlType},
     * then read back as {@code type}: in binary results, then in text results.
     */
    <T> List<T> roundTrip(String sqlType, Object value, Class<T> type) {
        String table = "round_trip_" + (++tables);
        execute("CREATE TEMP TABLE " + table + " (v " + sqlType + ")");
        Flux.from(connection.createStatement("INSERT INTO " + table + " VALUES ($1)").bind(0, value).execute())
                .flatMap(result -> result.getRowsUpdated()).blockLast(TestDatabase.TIMEOUT);
        return read("v FROM " + table, type);
    }

    /** Runs {@code sql} (statements without results) and waits for it. */
    void execute(String sql) {
        Flux.from(connection.createStatement(sql).execute()).flatMap(result -> result.getRowsUpdated())
                .blockLast(TestDatabase.TIMEOUT);
    }

    /** Column 1 of the first row (of the first statement's result); null when SQL NULL. */
    private <T> T first(String sql, Class<T> type) {
        List<Optional<T>> rows = Flux.from(connection.createStatement(sql).execute())
                .concatMap(result -> result.map(row -> Optional.ofNullable(row.get(0, type))))
                .collectList().block(TestDatabase.TIMEOUT);
        return rows.get(0).orElse(null);
    }
}
