package org.psycopg.r2dbc;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;

class SmokeTest {

    @Test
    void selectsRows() {
        PsycopgConnection connection = TestDatabase.connect();
        try {
            List<Integer> values = Flux.from(connection.createStatement("SELECT generate_series(1, $1) AS n").bind(0, 5).execute())
                    .flatMap(result -> result.map((row, meta) -> row.get("n", Integer.class)))
                    .collectList().block(TestDatabase.TIMEOUT);
            assertEquals(List.of(1, 2, 3, 4, 5), values);
            List<String> again = Flux.from(connection.createStatement("SELECT generate_series(1, $1) AS n").bind(0, 3).execute())
                    .flatMap(result -> result.map((row, meta) -> row.get("n", String.class)))
                    .collectList().block(TestDatabase.TIMEOUT);
            assertEquals(List.of("1", "2", "3"), again);
        } finally {
            connection.close().block(TestDatabase.TIMEOUT);
        }
    }
}
