package org.psycopg.r2dbc.notify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.r2dbc.spi.R2dbcNonTransientResourceException;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.psycopg.r2dbc.PsycopgConnection;
import org.psycopg.r2dbc.PsycopgConnectionFactory;
import org.psycopg.r2dbc.TestDatabase;
import org.psycopg.r2dbc.embedded.EmbeddedPostgres;
import org.psycopg.r2dbc.notify.ListenerEvent.Received;
import org.psycopg.r2dbc.notify.ListenerEvent.Reconnected;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.test.StepVerifier;

/**
 * The resilient listener against the real server, its backend terminated and the server restarted
 * (this class restarts the shared server; no other test class does).
 */
class NotificationListenerTest {

    private static final ReconnectPolicy QUICK = new ReconnectPolicy(Duration.ofMillis(50), Duration.ofMillis(500), 100);

    private final String applicationName = "listener-" + UUID.randomUUID();
    private NotificationListener listener;
    private final Sinks.Many<ListenerEvent> recorded = Sinks.many().replay().all();
    private Disposable recording;

    @BeforeEach
    void start() {
        PsycopgConnectionFactory factory = new PsycopgConnectionFactory(
                TestDatabase.configuration().applicationName(applicationName).build());
        listener = factory.listener(QUICK);
        recording = listener.events().subscribe(recorded::tryEmitNext, recorded::tryEmitError, recorded::tryEmitComplete);
    }

    @AfterEach
    void stop() {
        listener.close().block(TestDatabase.TIMEOUT);
        recording.dispose();
    }

    /** The first {@code count} events the listener emitted since the test began, waiting for them. */
    private List<ListenerEvent> events(int count) {
        return recorded.asFlux().take(count).collectList().block(TestDatabase.TIMEOUT);
    }

    private static void notify(String channel, String payload) {
        PsycopgConnection sender = TestDatabase.connect();
        try {
            sender.notify(channel, payload).block(TestDatabase.TIMEOUT);
        } finally {
            sender.close().block(TestDatabase.TIMEOUT);
        }
    }

    private static <T> T sql(String sql, Class<T> type, Object... parameters) {
        return query(sql, type, parameters).block(TestDatabase.TIMEOUT);
    }

    /** Runs one query on a connection of its own and answers the first column of its last row. */
    private static <T> Mono<T> query(String sql, Class<T> type, Object... parameters) {
        return Mono.usingWhen(TestDatabase.factory().create(), connection -> {
            var statement = connection.createStatement(sql);
            for (int i = 0; i < parameters.length; i++) {
                statement.bind(i, parameters[i]);
            }
            return Flux.from(statement.execute()).flatMap(result -> result.map(row -> row.get(0, type))).last();
        }, PsycopgConnection::close);
    }

    /** Ends the listener's backend and waits until it is gone (a timeout makes pg_terminate_backend wait). */
    private void terminateListenerBackend() {
        assertEquals(Boolean.TRUE, sql("SELECT pg_terminate_backend(pid, 10000) FROM pg_stat_activity WHERE application_name = $1",
                Boolean.class, applicationName));
    }

    private static String payload(ListenerEvent event) {
        return assertInstanceOf(Received.class, event).notification().payload();
    }

    @Test
    void notificationsOnEveryChannelAreEmittedInOrder() {
        listener.listen("alpha").block(TestDatabase.TIMEOUT);
        listener.listen("beta").block(TestDatabase.TIMEOUT);
        notify("alpha", "1");
        notify("beta", "2");
        notify("gamma", "not listened");
        notify("alpha", "3");
        List<ListenerEvent> events = events(3);
        assertEquals(List.of("1", "2", "3"), events.stream().map(NotificationListenerTest::payload).toList());
        assertEquals("beta", ((Received) events.get(1)).notification().channel());
        assertEquals(Set.of("alpha", "beta"), listener.channels());
    }

    @Test
    void resumesAfterItsBackendIsTerminated() {
        listener.listen("jobs").block(TestDatabase.TIMEOUT);
        notify("jobs", "before");
        events(1);
        terminateListenerBackend();
        recorded.asFlux().ofType(Reconnected.class).next().block(TestDatabase.TIMEOUT);
        notify("jobs", "after");
        List<ListenerEvent> events = events(3);
        assertEquals("before", payload(events.get(0)));
        Reconnected reconnected = assertInstanceOf(Reconnected.class, events.get(1));
        assertEquals(Set.of("jobs"), reconnected.channels());
        assertTrue(reconnected.attempts() >= 1);
        assertFalse(reconnected.window().isNegative());
        assertEquals("after", payload(events.get(2)));
    }

    @Test
    void aStreamOfNotificationsHasOneGapAtTheReconnectionAndNoneAfter() {
        listener.listen("seq").block(TestDatabase.TIMEOUT);
        PsycopgConnection sender = TestDatabase.connect();
        try {
            int count = 2000;
            CompletableFuture<Void> sent = Flux.range(1, count)
                    .concatMap(i -> sender.notify("seq", Integer.toString(i))).then().toFuture();
            recorded.asFlux().skip(199).next().block(TestDatabase.TIMEOUT);
            terminateListenerBackend();
            recorded.asFlux().ofType(Reconnected.class).next().block(TestDatabase.TIMEOUT);
            // One more once the sender is done, sent surely after the new connection listens.
            String last = Integer.toString(count + 1);
            Mono.fromFuture(sent).then(sender.notify("seq", last)).block(TestDatabase.TIMEOUT);
            List<ListenerEvent> events = recorded.asFlux()
                    .takeUntil(event -> event instanceof Received received && received.notification().payload().equals(last))
                    .collectList().block(TestDatabase.TIMEOUT);
            int reconnectedAt = 0;
            while (!(events.get(reconnectedAt) instanceof Reconnected)) {
                reconnectedAt++;
            }
            List<Integer> before = events.subList(0, reconnectedAt).stream().map(e -> Integer.parseInt(payload(e))).toList();
            List<Integer> after = events.subList(reconnectedAt + 1, events.size()).stream()
                    .map(e -> Integer.parseInt(payload(e))).toList();
            // Everything up to the loss, then everything from the moment the new connection listens.
            assertEquals(IntStream.rangeClosed(1, before.size()).boxed().toList(), before);
            int first = after.get(0);
            assertTrue(first > before.size(), "nothing delivered twice");
            assertEquals(IntStream.rangeClosed(first, count + 1).boxed().toList(), after);
            System.out.printf("stream across a reconnection: %d before, %d missed, %d after%n",
                    before.size(), first - before.size() - 1, after.size());
        } finally {
            sender.close().block(TestDatabase.TIMEOUT);
        }
    }

    @Test
    void resumesAfterAServerRestart() {
        EmbeddedPostgres server = TestDatabase.server().embedded().orElse(null);
        Assumptions.assumeTrue(server != null, "only the embedded server can be restarted by the tests");
        listener.listen("jobs").block(TestDatabase.TIMEOUT);
        listener.listen("mail").block(TestDatabase.TIMEOUT);
        notify("jobs", "before");
        events(1);
        long stopped = System.nanoTime();
        server.restart();
        Reconnected reconnected = recorded.asFlux().ofType(Reconnected.class).next().block(TestDatabase.TIMEOUT);
        System.out.printf("restart: listening again %d ms after the stop began, after %d attempts (window %d ms)%n",
                (System.nanoTime() - stopped) / 1_000_000, reconnected.attempts(), reconnected.window().toMillis());
        notify("mail", "after");
        List<ListenerEvent> events = events(3);
        assertEquals("before", payload(events.get(0)));
        assertEquals(reconnected, events.get(1));
        assertEquals(Set.of("jobs", "mail"), reconnected.channels());
        assertEquals("after", payload(events.get(2)));
        assertEquals("mail", ((Received) events.get(2)).notification().channel());
    }

    @Test
    void aChannelAddedWhileReconnectingIsListenedToOnTheNewConnection() {
        listener.listen("jobs").block(TestDatabase.TIMEOUT);
        terminateListenerBackend();
        // Completes once a connection has run LISTEN for it: the old one, if it is not yet seen lost, fails it.
        listener.listen("late").block(TestDatabase.TIMEOUT);
        notify("late", "made it");
        StepVerifier.create(recorded.asFlux().ofType(Received.class).next())
                .assertNext(event -> assertEquals("made it", event.notification().payload()))
                .verifyComplete();
        assertEquals(1L, recorded.asFlux().ofType(Reconnected.class).take(Duration.ofMillis(100)).count()
                .block(TestDatabase.TIMEOUT));
    }

    @Test
    void unlistenStopsAChannelsNotifications() {
        listener.listen("kept").block(TestDatabase.TIMEOUT);
        listener.listen("dropped").block(TestDatabase.TIMEOUT);
        listener.unlisten("dropped").block(TestDatabase.TIMEOUT);
        notify("dropped", "not wanted");
        notify("kept", "wanted");
        assertEquals("wanted", payload(events(1).get(0)));
        assertEquals(Set.of("kept"), listener.channels());
    }

    @Test
    void unlistenStarStopsEveryChannel() {
        listener.listen("one").block(TestDatabase.TIMEOUT);
        listener.listen("two").block(TestDatabase.TIMEOUT);
        listener.unlisten("*").block(TestDatabase.TIMEOUT);
        assertEquals(Set.of(), listener.channels());
        notify("one", "not wanted");
        notify("two", "not wanted");
        listener.listen("three").block(TestDatabase.TIMEOUT);
        notify("three", "wanted");
        assertEquals("wanted", payload(events(1).get(0)));
    }

    @Test
    void closeCompletesTheEventsAndEndsTheConnection() {
        listener.listen("jobs").block(TestDatabase.TIMEOUT);
        StepVerifier.create(listener.events())
                .then(() -> listener.close().block(TestDatabase.TIMEOUT))
                .verifyComplete();
        // The server ends the backend once it has read Terminate.
        Eventually.until(() -> query("SELECT count(*) = 0 FROM pg_stat_activity WHERE application_name = $1",
                Boolean.class, applicationName));
        StepVerifier.create(listener.listen("again"))
                .expectErrorMessage("the notification listener is closed")
                .verify(TestDatabase.TIMEOUT);
    }

    @Test
    void givesUpAfterItsAttemptsWithTheConnectionError() throws IOException {
        int unusedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            unusedPort = socket.getLocalPort();
        }
        NotificationListener nowhere = new PsycopgConnectionFactory(TestDatabase.configuration()
                .host("127.0.0.1", unusedPort).build())
                .listener(new ReconnectPolicy(Duration.ofMillis(10), Duration.ofMillis(20), 3));
        StepVerifier events = StepVerifier.create(nowhere.events())
                .expectError(R2dbcNonTransientResourceException.class).verifyLater();
        StepVerifier.create(nowhere.listen("jobs"))
                .expectErrorSatisfies(error -> {
                    assertInstanceOf(R2dbcNonTransientResourceException.class, error);
                    assertTrue(error.getMessage().startsWith("the notification listener could not connect in 3 attempts"),
                            error.getMessage());
                })
                .verify(TestDatabase.TIMEOUT);
        events.verify(TestDatabase.TIMEOUT);
    }
}
