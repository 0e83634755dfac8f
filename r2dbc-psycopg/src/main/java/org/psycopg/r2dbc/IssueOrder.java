// Keeps a connection's requests in the order they were issued.
package org.psycopg.r2dbc;

import java.util.ArrayDeque;
import java.util.function.Function;
import org.reactivestreams.Publisher;
import reactor.core.CoreSubscriber;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

/**
 * Statements reach the server in the order they are subscribed to, even when one of them must
 * first be described (a round trip of its own): each request waits until the request before it
 * has been handed to the session. Requests that need no preparation pass at once, so pipelining
 * is unaffected. Work a request does during its own turn (beginning a transaction, learning
 * types) goes to the session directly, not through this gate.
 */
final class IssueOrder {

    /**
     * The turns passed on by this thread while it is already passing one on. Passing a turn
     * starts the next request, which may pass its own turn at once, and so on: run nested, a
     * thousand requests queued behind one being described would nest a thousand deep and
     * overflow the stack, so the inner ones wait here and run one after the other.
     */
    private static final ThreadLocal<ArrayDeque<Runnable>> PASSING = new ThreadLocal<>();

    private Mono<Void> last = Mono.empty();

    /**
     * Runs {@code request} in its turn. It receives a callback to run once its last message has
     * been handed to the session ({@link #thenHandedOver} does that for a publisher that submits
     * when subscribed); the turn also passes if it ends or is cancelled first.
     */
    <T> Flux<T> inTurn(Function<Runnable, Publisher<T>> request) {
        return Flux.defer(() -> {
            Sinks.Empty<Void> handedOver = Sinks.empty();
            Mono<Void> previous;
            synchronized (this) {
                previous = last;
                last = handedOver.asMono();
            }
            Runnable done = () -> pass(handedOver::tryEmitEmpty);
            return previous.thenMany(Flux.defer(() -> request.apply(done))).doFinally(signal -> done.run());
        });
    }

    private static void pass(Runnable turn) {
        ArrayDeque<Runnable> passing = PASSING.get();
        if (passing != null) {
            passing.add(turn);
            return;
        }
        passing = new ArrayDeque<>();
        PASSING.set(passing);
        try {
            for (Runnable next = turn; next != null; next = passing.poll()) {
                next.run();
            }
        } finally {
            PASSING.remove();
        }
    }

    /** The source, running {@code done} as soon as subscribing to it has handed its request to the session. */
    static <T> Flux<T> thenHandedOver(Publisher<T> source, Runnable done) {
        return new Flux<T>() {
            @Override
            public void subscribe(CoreSubscriber<? super T> actual) {
                Flux.from(source).subscribe(actual);
                done.run();
            }
        };
    }
}
