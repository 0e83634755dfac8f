// A server-side cursor, psycopg2's named cursor: rows fetched from the server a batch at a time.
package org.psycopg.r2dbc.cursor;

import io.r2dbc.spi.Connection;
import io.r2dbc.spi.Readable;
import io.r2dbc.spi.Result;
import java.util.function.Function;
import org.psycopg.r2dbc.sql.Identifier;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * A cursor the server keeps: DECLARE'd by {@link #declare}, read with FETCH, positioned with MOVE,
 * ended with CLOSE. {@link #stream} fetches batch after batch as demand arrives and closes the
 * cursor when the rows run out or the subscriber cancels. Operations run in the order they are
 * called, on the cursor's connection; a cursor is used by one subscriber at a time.
 */
public final class Cursor {

    private final Connection connection;
    private final String name;

    private Cursor(Connection connection, String name) {
        this.connection = connection;
        this.name = Identifier.of(name).render();
    }

    /**
     * Declares a cursor for {@code query}, whose placeholders take {@code parameters} in order.
     * Without {@code withHold} it must be declared inside a transaction, as PostgreSQL requires.
     */
    public static Mono<Cursor> declare(Connection connection, String name, String query, CursorOptions options, Object... parameters) {
        Cursor cursor = new Cursor(connection, name);
        String sql = "DECLARE " + cursor.name + (options.scrollable() ? " SCROLL" : " NO SCROLL")
                + " CURSOR" + (options.withHold() ? " WITH HOLD" : "") + " FOR " + query;
        return Mono.defer(() -> {
            var statement = connection.createStatement(sql);
            for (int i = 0; i < parameters.length; i++) {
                statement.bind(i, parameters[i]);
            }
            return Flux.from(statement.execute()).flatMap(Result::getRowsUpdated).then(Mono.just(cursor));
        });
    }

    /** The next {@code count} rows (fewer at the end). */
    public <T> Flux<T> fetch(int count, Function<? super Readable, ? extends T> mapper) {
        return rows("FETCH FORWARD " + positive(count) + " FROM " + name, mapper);
    }

    /** The {@code count} rows before the current position, nearest first (a SCROLL cursor only). */
    public <T> Flux<T> fetchBackward(int count, Function<? super Readable, ? extends T> mapper) {
        return rows("FETCH BACKWARD " + positive(count) + " FROM " + name, mapper);
    }

    /** Every remaining row. */
    public <T> Flux<T> fetchAll(Function<? super Readable, ? extends T> mapper) {
        return rows("FETCH ALL FROM " + name, mapper);
    }

    /** The row at {@code position} (1-based; negative counts from the end), leaving the cursor on it. */
    public <T> Mono<T> fetchAbsolute(long position, Function<? super Readable, ? extends T> mapper) {
        return this.<T>rows("FETCH ABSOLUTE " + position + " FROM " + name, mapper).next();
    }

    /** Moves without returning rows, psycopg2's {@code scroll(value, mode)}. */
    public Mono<Void> scroll(long value, ScrollMode mode) {
        String sql = "MOVE " + (mode == ScrollMode.ABSOLUTE ? "ABSOLUTE " : "RELATIVE ") + value + " IN " + name;
        return Flux.from(connection.createStatement(sql).execute()).flatMap(Result::getRowsUpdated).then();
    }

    /** Every remaining row, fetched {@code batch} at a time as demand arrives; the cursor is closed at the end or on cancel. */
    public <T> Flux<T> stream(int batch, Function<? super Readable, ? extends T> mapper) {
        String sql = "FETCH FORWARD " + positive(batch) + " FROM " + name;
        Flux<T> batches = Mono.defer(() -> this.<T>rows(sql, mapper).collectList())
                .repeat()
                .takeWhile(rows -> !rows.isEmpty())
                .concatMapIterable(rows -> rows, 1);
        return Flux.usingWhen(Mono.just(this), cursor -> batches, Cursor::close, (cursor, error) -> cursor.close(), Cursor::close);
    }

    /** CLOSE: frees the cursor on the server. */
    public Mono<Void> close() {
        return Flux.from(connection.createStatement("CLOSE " + name).execute()).flatMap(Result::getRowsUpdated).then();
    }

    private <T> Flux<T> rows(String sql, Function<? super Readable, ? extends T> mapper) {
        return Flux.from(connection.createStatement(sql).execute()).flatMap(result -> result.map(mapper));
    }

    private static int positive(int count) {
        if (count <= 0) {
            throw new IllegalArgumentException("count must be positive: " + count);
        }
        return count;
    }
}
