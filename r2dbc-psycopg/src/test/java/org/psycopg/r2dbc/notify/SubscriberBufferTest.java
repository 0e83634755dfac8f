package org.psycopg.r2dbc.notify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.reactivestreams.Subscription;
import reactor.core.publisher.BaseSubscriber;
import reactor.core.publisher.Sinks;
import reactor.test.StepVerifier;

class SubscriberBufferTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    private static void emit(Sinks.Many<Integer> source, int from, int to) {
        for (int i = from; i <= to; i++) {
            assertEquals(Sinks.EmitResult.OK, source.tryEmitNext(i), "the source never finds a subscriber without demand");
        }
    }

    @Test
    void errorPolicyEndsTheSubscriptionAtOnceSayingHowManyWereDropped() {
        Sinks.Many<Integer> source = Sinks.many().multicast().directBestEffort();
        SubscriberBuffer buffer = SubscriberBuffer.of(3, OverflowPolicy.ERROR);
        StepVerifier.create(buffer.bound(source.asFlux()), 1)
                .then(() -> emit(source, 1, 5))
                .expectNext(1)
                .expectErrorSatisfies(error -> {
                    SubscriberOverflowException overflow = assertInstanceOf(SubscriberOverflowException.class, error);
                    // 2, 3, 4 were buffered, 5 did not fit: none of them will be delivered.
                    assertEquals(4, overflow.dropped());
                    assertEquals(3, overflow.capacity());
                })
                .verify(TIMEOUT);
        assertEquals(4, buffer.dropped());
        assertEquals(0, source.currentSubscriberCount(), "the overflowed subscription left the source");
    }

    @Test
    void errorPolicyDeliversEverythingWhileTheSubscriberKeepsUp() {
        Sinks.Many<Integer> source = Sinks.many().multicast().directBestEffort();
        SubscriberBuffer buffer = SubscriberBuffer.of(3, OverflowPolicy.ERROR);
        StepVerifier.create(buffer.bound(source.asFlux()), 0)
                .then(() -> emit(source, 1, 3))
                .thenRequest(3)
                .expectNext(1, 2, 3)
                .then(() -> emit(source, 4, 6))
                .thenRequest(10)
                .expectNext(4, 5, 6)
                .then(source::tryEmitComplete)
                .verifyComplete();
        assertEquals(0, buffer.dropped());
    }

    @Test
    void dropOldestKeepsTheNewestItemsAndCountsTheRest() {
        Sinks.Many<Integer> source = Sinks.many().multicast().directBestEffort();
        SubscriberBuffer buffer = SubscriberBuffer.of(3, OverflowPolicy.DROP_OLDEST);
        StepVerifier.create(buffer.bound(source.asFlux()), 0)
                .then(() -> emit(source, 1, 10))
                .thenRequest(Long.MAX_VALUE)
                .expectNext(8, 9, 10)
                .then(() -> emit(source, 11, 12))
                .expectNext(11, 12)
                .thenCancel()
                .verify(TIMEOUT);
        assertEquals(7, buffer.dropped());
    }

    @Test
    void dropLatestKeepsTheFirstItemsAndCountsTheRest() {
        Sinks.Many<Integer> source = Sinks.many().multicast().directBestEffort();
        SubscriberBuffer buffer = SubscriberBuffer.of(3, OverflowPolicy.DROP_LATEST);
        StepVerifier.create(buffer.bound(source.asFlux()), 0)
                .then(() -> emit(source, 1, 10))
                .thenRequest(Long.MAX_VALUE)
                .expectNext(1, 2, 3)
                .then(() -> emit(source, 11, 12))
                .expectNext(11, 12)
                .thenCancel()
                .verify(TIMEOUT);
        assertEquals(7, buffer.dropped());
    }

    @Test
    void oneBufferCountsTheDropsOfAllItsSubscriptions() {
        Sinks.Many<Integer> source = Sinks.many().multicast().directBestEffort();
        SubscriberBuffer buffer = SubscriberBuffer.of(2, OverflowPolicy.DROP_LATEST);
        Recorder first = new Recorder();
        Recorder second = new Recorder();
        buffer.<Integer>bound(source.asFlux()).subscribe(first);
        buffer.<Integer>bound(source.asFlux()).subscribe(second);
        emit(source, 1, 5);
        first.request(5);
        second.request(5);
        assertEquals(List.of(1, 2), first.received);
        assertEquals(List.of(1, 2), second.received);
        assertEquals(6, buffer.dropped(), "each subscription dropped 3, 4 and 5");
    }

    /** Requests nothing until told to; the source emits on the test's thread, so delivery is synchronous. */
    private static final class Recorder extends BaseSubscriber<Integer> {
        final List<Integer> received = new ArrayList<>();

        @Override
        protected void hookOnSubscribe(Subscription subscription) {
        }

        @Override
        protected void hookOnNext(Integer value) {
            received.add(value);
        }
    }

    @Test
    void sourceErrorReachesTheSubscriberAfterTheBufferedItems() {
        Sinks.Many<Integer> source = Sinks.many().multicast().directBestEffort();
        SubscriberBuffer buffer = SubscriberBuffer.of(4, OverflowPolicy.ERROR);
        IllegalStateException failure = new IllegalStateException("connection lost");
        StepVerifier.create(buffer.bound(source.asFlux()), 0)
                .then(() -> {
                    emit(source, 1, 2);
                    source.tryEmitError(failure);
                })
                .expectNoEvent(Duration.ofMillis(10))
                .thenRequest(2)
                .expectNext(1, 2)
                .expectErrorMatches(error -> error == failure)
                .verify(TIMEOUT);
    }

    @Test
    void capacityMustBePositive() {
        assertThrows(IllegalArgumentException.class, () -> SubscriberBuffer.of(0, OverflowPolicy.ERROR));
        assertThrows(IllegalArgumentException.class, () -> SubscriberBuffer.of(1, null));
    }
}
