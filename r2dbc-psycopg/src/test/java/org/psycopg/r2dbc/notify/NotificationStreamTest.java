package org.psycopg.r2dbc.notify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import io.r2dbc.spi.R2dbcDataIntegrityViolationException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.psycopg.r2dbc.Notification;
import org.psycopg.r2dbc.PsycopgConnection;
import org.psycopg.r2dbc.PsycopgResult;
import org.psycopg.r2dbc.TestDatabase;
import org.psycopg.r2dbc.error.PostgresException;
import org.reactivestreams.Subscription;
import reactor.core.Disposable;
import reactor.core.publisher.BaseSubscriber;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

/** A connection's notifications() and notices(): hot, complete, in order, never holding the connection. */
class NotificationStreamTest {

    private PsycopgConnection receiver;
    private PsycopgConnection sender;

    @BeforeEach
    void connect() {
        receiver = TestDatabase.connect();
        sender = TestDatabase.connect();
    }

    @AfterEach
    void close() {
        receiver.close().block(TestDatabase.TIMEOUT);
        sender.close().block(TestDatabase.TIMEOUT);
    }

    private static void run(PsycopgConnection connection, String sql) {
        Flux.from(connection.createStatement(sql).execute()).flatMap(PsycopgResult::getRowsUpdated)
                .then().block(TestDatabase.TIMEOUT);
    }

    @Test
    void notificationsArriveWhileTheConnectionIsIdle() {
        receiver.listen("idle jobs").block(TestDatabase.TIMEOUT);
        int senderPid = sender.info().backendPid();
        StepVerifier.create(receiver.notifications().take(2))
                .then(() -> {
                    sender.notify("idle jobs", "first").block(TestDatabase.TIMEOUT);
                    sender.notify("idle jobs", "").block(TestDatabase.TIMEOUT);
                })
                .expectNext(new Notification("idle jobs", "first", senderPid))
                .expectNext(new Notification("idle jobs", "", senderPid))
                .verifyComplete();
    }

    @Test
    void aNotificationSentDuringALongQueryArrivesBeforeTheQueryEnds() {
        receiver.listen("during").block(TestDatabase.TIMEOUT);
        List<Notification> received = new CopyOnWriteArrayList<>();
        Disposable listening = receiver.notifications().subscribe(received::add);
        List<Notification> receivedWhenTheQueryEnded = new ArrayList<>();
        // One second of sleep, then 10,000 rows; the server sends the notification after the rows and
        // before ReadyForQuery, while the query's exchange is still running.
        Mono<Long> longQuery = Flux.from(receiver.createStatement(
                        "SELECT g FROM (SELECT pg_sleep(1)) s, generate_series(1, 10000) g").execute())
                .flatMap(result -> result.map(row -> row.get(0, Integer.class)))
                .count()
                .doOnSuccess(rows -> receivedWhenTheQueryEnded.addAll(received));
        int receiverPid = receiver.info().backendPid();
        StepVerifier.create(longQuery)
                .then(() -> {
                    awaitActive(receiverPid);
                    sender.notify("during", "while you were busy").block(TestDatabase.TIMEOUT);
                })
                .expectNext(10_000L)
                .verifyComplete();
        listening.dispose();
        assertEquals(List.of(new Notification("during", "while you were busy", sender.info().backendPid())),
                receivedWhenTheQueryEnded);
    }

    /** Waits until the backend runs a statement, as pg_stat_activity says. */
    private void awaitActive(int pid) {
        Eventually.until(() -> Flux.from(sender.createStatement(
                        "SELECT count(*) = 1 FROM pg_stat_activity WHERE pid = $1 AND state = 'active'")
                .bind(0, pid).execute()).flatMap(result -> result.map(row -> row.get(0, Boolean.class))).next());
    }

    @Test
    void hundredThousandNotificationsOverSeveralChannelsArriveCompleteAndInOrder() {
        int total = 100_000;
        List<String> channels = List.of("kanal-ü-0", "канал 1", "チャネル2", "Channel \"3\"");
        for (String channel : channels) {
            receiver.listen(channel).block(TestDatabase.TIMEOUT);
        }
        long started = System.nanoTime();
        StepVerifier.create(receiver.notifications().take(total).collectList())
                .then(() -> {
                    // Ten transactions of 10,000; each notification's channel and payload follow from i.
                    for (int batch = 0; batch < 10; batch++) {
                        run(sender, "DO $$ DECLARE channels text[] := ARRAY['kanal-ü-0', 'канал 1', 'チャネル2', 'Channel \"3\"'];"
                                + " BEGIN FOR i IN " + (batch * 10_000 + 1) + ".." + (batch + 1) * 10_000 + " LOOP"
                                + " PERFORM pg_notify(channels[i % 4 + 1], 'ünïcødé ✓ 🐘 ' || i); END LOOP; END $$");
                    }
                })
                .assertNext(all -> {
                    assertEquals(total, all.size());
                    for (int i = 1; i <= total; i++) {
                        Notification notification = all.get(i - 1);
                        assertEquals(channels.get(i % 4), notification.channel());
                        assertEquals("ünïcødé ✓ 🐘 " + i, notification.payload());
                    }
                })
                .verifyComplete();
        System.out.printf("100,000 notifications sent and received in %d ms%n", (System.nanoTime() - started) / 1_000_000);
    }

    @Test
    void aPayloadOverTheServerLimitFailsWithTheServersError() {
        receiver.listen("limits").block(TestDatabase.TIMEOUT);
        // The limit is in bytes of the server encoding: 3,999 two-byte characters and one byte is 7,999.
        String largest = "é".repeat(3999) + "x";
        StepVerifier.create(receiver.notifications().next())
                .then(() -> sender.notify("limits", largest).block(TestDatabase.TIMEOUT))
                .assertNext(notification -> assertEquals(largest, notification.payload()))
                .verifyComplete();
        StepVerifier.create(sender.notify("limits", "é".repeat(4000)))
                .expectErrorSatisfies(error -> {
                    assertInstanceOf(R2dbcDataIntegrityViolationException.class, error);
                    assertEquals("22023", ((R2dbcDataIntegrityViolationException) error).getSqlState());
                    assertEquals("payload string too long", ((PostgresException) error).details().message());
                })
                .verify(TestDatabase.TIMEOUT);
        run(sender, "SELECT 1");
    }

    @Test
    void aSubscriberThatNeverRequestsDoesNotHoldTheConnectionBack() {
        receiver.listen("busy").block(TestDatabase.TIMEOUT);
        SubscriberBuffer small = SubscriberBuffer.of(100, OverflowPolicy.ERROR);
        Idle idle = new Idle();
        receiver.notifications(small).subscribe(idle);
        StepVerifier.create(receiver.notifications().take(1000).count())
                .then(() -> run(sender, "SELECT pg_notify('busy', i::text) FROM generate_series(1, 1000) i"))
                .expectNext(1000L)
                .verifyComplete();
        // The receiver still runs queries, its own notifications included.
        StepVerifier.create(Flux.range(1, 20)
                        .concatMap(i -> Flux.from(receiver.createStatement("SELECT $1::int").bind(0, i).execute())
                                .flatMap(result -> result.map(row -> row.get(0, Integer.class))))
                        .collectList())
                .expectNext(List.of(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20))
                .verifyComplete();
        // The idle subscriber was told, without asking for anything, what it lost: 100 buffered and the 101st.
        SubscriberOverflowException overflow = assertInstanceOf(SubscriberOverflowException.class, idle.error);
        assertEquals(101, overflow.dropped());
        assertEquals(101, small.dropped());
    }

    /** Subscribes and never requests. */
    private static final class Idle extends BaseSubscriber<Notification> {
        volatile Throwable error;

        @Override
        protected void hookOnSubscribe(Subscription subscription) {
        }

        @Override
        protected void hookOnError(Throwable throwable) {
            error = throwable;
        }
    }

    @Test
    void dropOldestKeepsTheNewestNotificationsForASlowSubscriber() {
        receiver.listen("slow").block(TestDatabase.TIMEOUT);
        SubscriberBuffer lastFive = SubscriberBuffer.of(5, OverflowPolicy.DROP_OLDEST);
        StepVerifier.create(receiver.notifications(lastFive).map(Notification::payload), 0)
                // A second subscriber that keeps up tells when all twenty have arrived.
                .then(() -> StepVerifier.create(receiver.notifications().take(20))
                        .then(() -> run(sender, "SELECT pg_notify('slow', i::text) FROM generate_series(1, 20) i"))
                        .expectNextCount(20).verifyComplete())
                .thenRequest(10)
                .expectNext("16", "17", "18", "19", "20")
                .thenCancel()
                .verify(TestDatabase.TIMEOUT);
        assertEquals(15, lastFive.dropped());
    }

    @Test
    void dropLatestKeepsTheOldestNotificationsForASlowSubscriber() {
        receiver.listen("slow").block(TestDatabase.TIMEOUT);
        SubscriberBuffer firstFive = SubscriberBuffer.of(5, OverflowPolicy.DROP_LATEST);
        StepVerifier.create(receiver.notifications(firstFive).map(Notification::payload), 0)
                .then(() -> StepVerifier.create(receiver.notifications().take(20))
                        .then(() -> run(sender, "SELECT pg_notify('slow', i::text) FROM generate_series(1, 20) i"))
                        .expectNextCount(20).verifyComplete())
                .thenRequest(10)
                .expectNext("1", "2", "3", "4", "5")
                .thenCancel()
                .verify(TestDatabase.TIMEOUT);
        assertEquals(15, firstFive.dropped());
    }

    @Test
    void noticesArriveWithTheirFields() {
        StepVerifier.create(receiver.notices().next())
                .then(() -> run(receiver, "DO $$ BEGIN RAISE NOTICE 'hello %', 42 USING HINT = 'a hint'; END $$"))
                .assertNext(notice -> {
                    assertEquals("NOTICE", notice.severity());
                    assertEquals("00000", notice.sqlState());
                    assertEquals("hello 42", notice.message());
                    assertEquals("a hint", notice.details().hint());
                })
                .verifyComplete();
    }

    @Test
    void theStreamsCompleteWhenTheConnectionCloses() {
        StepVerifier notifications = StepVerifier.create(receiver.notifications()).expectComplete().verifyLater();
        StepVerifier notices = StepVerifier.create(receiver.notices()).expectComplete().verifyLater();
        receiver.close().block(TestDatabase.TIMEOUT);
        notifications.verify(TestDatabase.TIMEOUT);
        notices.verify(TestDatabase.TIMEOUT);
    }
}
