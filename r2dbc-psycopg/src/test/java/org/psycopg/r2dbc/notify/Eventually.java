// Waits, with the tests' timeout, until a condition checked on the server holds.
package org.psycopg.r2dbc.notify;

import java.time.Duration;
import java.util.function.Supplier;
import org.psycopg.r2dbc.TestDatabase;
import reactor.core.publisher.Mono;

/** For what the server reports only by being asked again (pg_stat_activity): checks every 20 ms. */
final class Eventually {

    private Eventually() {
    }

    static void until(Supplier<Mono<Boolean>> condition) {
        Mono.defer(condition)
                .filter(Boolean::booleanValue)
                .repeatWhenEmpty(checks -> checks.delayElements(Duration.ofMillis(20)))
                .block(TestDatabase.TIMEOUT);
    }
}
