package org.psycopg.r2dbc;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

class PipeliningTest {

    private final PsycopgConnection connection = TestDatabase.connect();

    @AfterEach
    void close() {
        connection.close().block(TestDatabase.TIMEOUT);
    }

    @Test
    void twoHundredStatementsIssuedAtOnceEachGetTheirOwnRows() {
        List<Mono<List<String>>> queries = IntStream.range(0, 200)
                .mapToObj(i -> Flux.from(connection.createStatement("SELECT $1::int AS i, s FROM generate_series(1, $1::int % 7) AS s")
                                .bind(0, i).execute())
                        .flatMap(result -> result.map(row -> row.get("i", Integer.class) + ":" + row.get("s", Integer.class)))
                        .collectList())
                .toList();
        // All 200 are subscribed together: they are written before the first answer arrives.
        List<List<String>> answers = Flux.mergeSequential(queries, 200, 1).collectList().block(TestDatabase.TIMEOUT);
        for (int i = 0; i < 200; i++) {
            int n = i;
            List<String> expected = IntStream.rangeClosed(1, i % 7).mapToObj(s -> n + ":" + s).collect(Collectors.toList());
            assertEquals(expected, answers.get(i), "statement " + i);
        }
    }

    @Test
    void fiveThousandStatementsWaitingBehindADescribeAllRun() {
        // The first statement is new text (described first): the others queue behind it.
        List<Integer> values = Flux.range(0, 5000)
                .flatMapSequential(i -> Flux.from(connection.createStatement("SELECT $1::int + 1 AS queued").bind(0, i).execute())
                        .flatMap(result -> result.map(row -> row.get(0, Integer.class))), 5000)
                .collectList().block(TestDatabase.TIMEOUT);
        assertEquals(IntStream.rangeClosed(1, 5000).boxed().toList(), values);
    }

    @Test
    void statementsIssuedTogetherLeaveInOneFlush() {
        String sql = "SELECT $1::int * 2";
        assertEquals(List.of(0), Flux.from(connection.createStatement(sql).bind(0, 0).execute())
                .flatMap(result -> result.map(row -> row.get(0, Integer.class))).collectList().block(TestDatabase.TIMEOUT));
        long before = connection.session().flushes();
        // Issued in one task of the connection's event loop, as a burst of requests is.
        List<Integer> doubled = Flux.range(1, 100)
                .flatMapSequential(i -> Flux.from(connection.createStatement(sql).bind(0, i).execute())
                        .flatMap(result -> result.map(row -> row.get(0, Integer.class))), 100)
                .subscribeOn(Schedulers.fromExecutor(connection.session().eventLoop()))
                .collectList().block(TestDatabase.TIMEOUT);
        assertEquals(IntStream.rangeClosed(1, 100).map(i -> i * 2).boxed().toList(), doubled);
        assertEquals(1, connection.session().flushes() - before);
    }

    @Test
    void aFailingStatementDoesNotDisturbTheOthersInThePipeline() {
        Mono<Integer> before = single("SELECT 1");
        Mono<Integer> failing = single("SELECT 1/0").onErrorReturn(-1);
        Mono<Integer> after = single("SELECT 3");
        List<Integer> values = Flux.mergeSequential(List.of(before, failing, after)).collectList().block(TestDatabase.TIMEOUT);
        assertEquals(List.of(1, -1, 3), values);
    }

    private Mono<Integer> single(String sql) {
        return Flux.from(connection.createStatement(sql).execute())
                .flatMap(result -> result.map(row -> row.get(0, Integer.class)))
                .single();
    }

    @Test
    void aStatementBeingDescribedIsNotOvertakenByOnesIssuedAfterIt() {
        String read = "SELECT current_setting('application_name')";
        assertEquals(List.of(""), Flux.from(connection.createStatement(read).execute())
                .flatMap(result -> result.map(row -> row.get(0, String.class))).collectList().block(TestDatabase.TIMEOUT));
        // The SET is new SQL text (described first); the SELECT's description is cached.
        Mono<List<String>> set = Flux.from(connection.createStatement("SET application_name = 'issued first'").execute())
                .flatMap(PsycopgResult::getRowsUpdated).then(Mono.just(List.<String>of()));
        Mono<List<String>> select = Flux.from(connection.createStatement(read).execute())
                .flatMap(result -> result.map(row -> row.get(0, String.class))).collectList();
        List<List<String>> answers = Flux.mergeSequential(List.of(set, select), 2, 1).collectList().block(TestDatabase.TIMEOUT);
        assertEquals(List.of("issued first"), answers.get(1));
    }
}
