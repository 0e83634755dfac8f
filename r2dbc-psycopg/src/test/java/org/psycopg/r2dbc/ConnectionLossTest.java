package org.psycopg.r2dbc;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.r2dbc.spi.R2dbcNonTransientResourceException;
import io.r2dbc.spi.ValidationDepth;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

class ConnectionLossTest {

    @Test
    void aBackendKilledMidQueryFailsThePendingQueryAndLaterCallsFast() {
        PsycopgConnection victim = TestDatabase.connect();
        PsycopgConnection killer = TestDatabase.connect();
        try {
            int pid = victim.info().backendPid();
            Mono<Object> running = Flux.from(victim.createStatement("SELECT pg_sleep(30)").execute())
                    .flatMap(result -> result.map(row -> row.get(0))).next();
            long[] killedAt = new long[1];
            StepVerifier.create(running)
                    .then(() -> {
                        killedAt[0] = System.nanoTime();
                        Flux.from(killer.createStatement("SELECT pg_terminate_backend($1)").bind(0, pid).execute())
                                .flatMap(result -> result.map(row -> row.get(0))).blockLast(TestDatabase.TIMEOUT);
                    })
                    .expectErrorSatisfies(error -> {
                        assertInstanceOf(R2dbcNonTransientResourceException.class, error);
                        assertTrue(Duration.ofNanos(System.nanoTime() - killedAt[0]).compareTo(Duration.ofSeconds(1)) < 0,
                                "the pending query failed more than a second after the kill was asked for");
                    })
                    .verify(Duration.ofSeconds(5));
            StepVerifier.create(Flux.from(victim.createStatement("SELECT 1").execute()))
                    .expectError(R2dbcNonTransientResourceException.class)
                    .verify(Duration.ofSeconds(1));
            assertFalse(victim.validate(ValidationDepth.LOCAL).block(TestDatabase.TIMEOUT));
            assertFalse(victim.validate(ValidationDepth.REMOTE).block(TestDatabase.TIMEOUT));
        } finally {
            victim.close().block(TestDatabase.TIMEOUT);
            killer.close().block(TestDatabase.TIMEOUT);
        }
    }
}
