// What a statement's results hold where the R2DBC TCK leaves it open: results per statement, segments, counts, metadata.
package org.psycopg.r2dbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.r2dbc.spi.ColumnMetadata;
import io.r2dbc.spi.R2dbcDataIntegrityViolationException;
import io.r2dbc.spi.Result;
import io.r2dbc.spi.Row;
import java.math.BigDecimal;
import java.util.List;
import java.util.NoSuchElementException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

class ResultSegmentsTest {

    private PsycopgConnection connection;

    @BeforeEach
    void connect() {
        connection = TestDatabase.connect();
        run("CREATE TEMP TABLE item (id integer PRIMARY KEY, name varchar(20), price numeric(10,2))");
    }

    @AfterEach
    void close() {
        connection.close().block(TestDatabase.TIMEOUT);
    }

    @Test
    void eachStatementOfASimpleQueryGivesItsOwnResult() {
        List<List<Object>> results = Flux.from(connection.createStatement(
                        "INSERT INTO item VALUES (1, 'pen', 1.50), (2, 'ink', 3.00); SELECT name FROM item ORDER BY id; SELECT 42 AS answer")
                        .execute())
                .concatMap(result -> result.flatMap(segment -> {
                    if (segment instanceof Result.RowSegment row) {
                        return Mono.just(row.row().get(0));
                    }
                    return Mono.just(((Result.UpdateCount) segment).value());
                }).collectList())
                .collectList().block(TestDatabase.TIMEOUT);

        // A SELECT's result ends with the count of its rows, as its CommandComplete says.
        assertEquals(List.of(List.of(2L), List.of("pen", "ink", 2L), List.of(42, 1L)), results);
    }

    @Test
    void rowsUpdatedCountsTheRowsOfInsertUpdateAndDelete() {
        assertEquals(3L, rowsUpdated("INSERT INTO item VALUES (1, 'pen', 1), (2, 'ink', 2), (3, 'pad', 3)"));
        assertEquals(2L, rowsUpdated("UPDATE item SET price = price * 2 WHERE id > 1"));
        assertEquals(0L, rowsUpdated("UPDATE item SET price = 0 WHERE id > 100"));
        assertEquals(3L, rowsUpdated("DELETE FROM item"));
    }

    @Test
    void rowsUpdatedOfABatchOfBindingsGivesOneCountPerBinding() {
        PsycopgStatement insert = connection.createStatement("INSERT INTO item (id, name) VALUES ($1, $2)");
        insert.bind(0, 1).bind(1, "pen").add().bind(0, 2).bind(1, "ink").add().bind(0, 3).bind(1, "pad");

        List<Long> counts = Flux.from(insert.execute()).concatMap(PsycopgResult::getRowsUpdated)
                .collectList().block(TestDatabase.TIMEOUT);

        assertEquals(List.of(1L, 1L, 1L), counts);
    }

    @Test
    void errorInABatchOfBindingsIsAMessageSegmentThroughFlatMap() {
        List<Object> segments = Flux.from(duplicateKeyBatch().execute())
                .concatMap(result -> result.flatMap(segment -> Mono.<Object>just(
                        segment instanceof Result.Message message ? message.sqlState() : ((Result.UpdateCount) segment).value())))
                .collectList().block(TestDatabase.TIMEOUT);

        assertEquals(List.of(1L, "23505"), segments);
    }

    @Test
    void errorInABatchOfBindingsIsAnErrorSignalThroughMapAndRollsTheBatchBack() {
        StepVerifier.create(Flux.from(duplicateKeyBatch().execute()).concatMap(result -> result.map(row -> row.get(0))))
                .expectError(R2dbcDataIntegrityViolationException.class)
                .verify(TestDatabase.TIMEOUT);

        // The bindings share one Sync, hence one implicit transaction: the first insert is undone too.
        assertEquals(0L, scalar("SELECT count(*) FROM item", Long.class));
    }

    @Test
    void errorSegmentCarriesTheServerMessageAndTheConnectionGoesOn() {
        Result.Message message = Flux.from(connection.createStatement("SELECT 1/0").execute())
                .concatMap(result -> result.filter(Result.Message.class::isInstance).flatMap(segment -> Mono.just((Result.Message) segment)))
                .single().block(TestDatabase.TIMEOUT);

        assertEquals("22012", message.sqlState());
        assertEquals("division by zero", message.message());
        assertEquals(7, scalar("SELECT 7", Integer.class));
    }

    @Test
    void columnMetadataDescribesTypeJavaTypePrecisionAndScale() {
        run("INSERT INTO item VALUES (1, 'pen', 12.34)");

        List<? extends ColumnMetadata> columns = Flux.from(connection.createStatement("SELECT id, name, price FROM item").execute())
                .concatMap(result -> result.map((row, metadata) -> metadata.getColumnMetadatas()))
                .single().block(TestDatabase.TIMEOUT);

        assertEquals(List.of("id", "name", "price"), columns.stream().map(ColumnMetadata::getName).toList());
        assertEquals(List.of("int4", "varchar", "numeric"), columns.stream().map(column -> column.getType().getName()).toList());
        assertEquals(List.of(Integer.class, String.class, BigDecimal.class), columns.stream().map(ColumnMetadata::getJavaType).toList());
        assertEquals(List.of(23, 1043, 1700), columns.stream().map(ColumnMetadata::getNativeTypeMetadata).toList());
        assertNull(columns.get(0).getPrecision());
        assertEquals(20, columns.get(1).getPrecision());
        assertNull(columns.get(1).getScale());
        assertEquals(10, columns.get(2).getPrecision());
        assertEquals(2, columns.get(2).getScale());
    }

    @Test
    void columnsAreFoundByNameWhateverItsCase() {
        run("INSERT INTO item VALUES (1, 'pen', 1.50)");

        List<Object> values = Flux.from(connection.createStatement("SELECT id, name AS \"Label\", price FROM item").execute())
                .concatMap(result -> result.map((row, metadata) -> List.<Object>of(row.get("ID"), row.get("label"), row.get("Price"),
                        row.get("LABEL", String.class), metadata.contains("lAbEl"), metadata.getColumnMetadata("PRICE").getName())))
                .single().block(TestDatabase.TIMEOUT);

        assertEquals(List.of(1, "pen", new BigDecimal("1.50"), "pen", true, "price"), values);
    }

    @Test
    void unknownColumnNameIsNoSuchElement() {
        List<Exception> errors = Flux.from(connection.createStatement("SELECT 1 AS one").execute())
                .concatMap(result -> result.map((row, metadata) -> List.<Exception>of(
                        assertThrows(NoSuchElementException.class, () -> row.get("two")),
                        assertThrows(NoSuchElementException.class, () -> row.get("two", Integer.class)),
                        assertThrows(NoSuchElementException.class, () -> metadata.getColumnMetadata("two")))))
                .single().block(TestDatabase.TIMEOUT);

        assertEquals(3, errors.size());
        assertEquals(false, Flux.from(connection.createStatement("SELECT 1 AS one").execute())
                .concatMap(result -> result.map((row, metadata) -> metadata.contains("two"))).single().block(TestDatabase.TIMEOUT));
    }

    @Test
    void rowIsUnusableOnceTheMappingFunctionReturned() {
        Row row = Flux.from(connection.createStatement("SELECT 1 AS one").execute())
                .concatMap(result -> result.map((r, metadata) -> r))
                .single().block(TestDatabase.TIMEOUT);

        assertThrows(IllegalStateException.class, () -> row.get(0));
        assertEquals(2, scalar("SELECT 2", Integer.class));
    }

    @Test
    void resultIsConsumedOnlyOnce() {
        List<Integer> firstRead = Flux.from(connection.createStatement("SELECT 1 AS one").execute())
                .concatMap(result -> result.map(row -> row.get(0, Integer.class)).collectList()
                        .doOnNext(values -> {
                            StepVerifier.create(result.getRowsUpdated()).expectError(IllegalStateException.class).verify(TestDatabase.TIMEOUT);
                            StepVerifier.create(result.filter(segment -> true).flatMap(Mono::just)).expectError(IllegalStateException.class)
                                    .verify(TestDatabase.TIMEOUT);
                        }))
                .single().block(TestDatabase.TIMEOUT);
        assertEquals(List.of(1), firstRead);
    }

    @Test
    void aResultNotReadAsItArrivesIsSkippedAndTheConnectionGoesOn() {
        PsycopgResult skipped = Flux.from(connection.createStatement("SELECT generate_series(1, 100000)").execute())
                .single().block(TestDatabase.TIMEOUT);
        IllegalStateException error = assertThrows(IllegalStateException.class,
                () -> skipped.map(row -> row.get(0)).blockLast(TestDatabase.TIMEOUT));
        assertTrue(error.getMessage().contains("not read when it was emitted"), error.getMessage());
        assertEquals(2, scalar("SELECT 2", Integer.class));
    }

    private PsycopgStatement duplicateKeyBatch() {
        return connection.createStatement("INSERT INTO item (id) VALUES ($1)").bind(0, 1).add().bind(0, 1);
    }

    private long rowsUpdated(String sql) {
        return Flux.from(connection.createStatement(sql).execute()).concatMap(PsycopgResult::getRowsUpdated)
                .single().block(TestDatabase.TIMEOUT);
    }

    private <T> T scalar(String sql, Class<T> type) {
        return Flux.from(connection.createStatement(sql).execute()).concatMap(result -> result.map(row -> row.get(0, type)))
                .single().block(TestDatabase.TIMEOUT);
    }

    private void run(String sql) {
        Flux.from(connection.createStatement(sql).execute()).concatMap(PsycopgResult::getRowsUpdated).then().block(TestDatabase.TIMEOUT);
    }

    @Test
    void monoFromExecuteHandsOnTheResultEvenThoughItCancelsTheRest() {
        List<Integer> values = Mono.from(connection.createStatement("SELECT generate_series(1, 3)").execute())
                .flatMapMany(result -> result.map(row -> row.get(0, Integer.class)))
                .collectList().block(TestDatabase.TIMEOUT);
        assertEquals(List.of(1, 2, 3), values);
        List<Integer> firstOfTwo = Mono.from(connection.createStatement("SELECT 1; SELECT 2").execute())
                .flatMapMany(result -> result.map(row -> row.get(0, Integer.class)))
                .collectList().block(TestDatabase.TIMEOUT);
        assertEquals(List.of(1), firstOfTwo);
        assertEquals(3, scalar("SELECT 3", Integer.class));
    }
}
