// Splits one request's backend messages into one result per statement.
package org.psycopg.r2dbc;

import io.netty.util.ReferenceCountUtil;
import java.util.function.Function;
import org.psycopg.r2dbc.protocol.backend.BackendMessage;
import org.psycopg.r2dbc.protocol.backend.CommandComplete;
import org.psycopg.r2dbc.protocol.backend.EmptyQueryResponse;
import org.psycopg.r2dbc.protocol.backend.ErrorResponse;
import org.reactivestreams.Subscription;
import reactor.core.CoreSubscriber;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Operators;

/**
 * Emits a result when the first message of a statement's outcome arrives; the result's reader
 * then pulls that statement's messages from the request, with its own demand. A result must be
 * subscribed to while it is being emitted, as {@code flatMap} and {@code concatMap} do: one left
 * unsubscribed is skipped, its rows released as they arrive, so that an unread result never
 * stalls the connection or holds its buffers. Reading it later fails with
 * {@link IllegalStateException}.
 */
final class ResultSplitter extends Flux<PsycopgResult> {

    private final Flux<BackendMessage> source;
    private final Function<Flux<BackendMessage>, PsycopgResult> toResult;

    ResultSplitter(Flux<BackendMessage> source, Function<Flux<BackendMessage>, PsycopgResult> toResult) {
        this.source = source;
        this.toResult = toResult;
    }

    @Override
    public void subscribe(CoreSubscriber<? super PsycopgResult> actual) {
        source.subscribe(new Splitter(actual, toResult));
    }

    static boolean endsResult(BackendMessage message) {
        return message instanceof CommandComplete || message instanceof ErrorResponse || message instanceof EmptyQueryResponse;
    }

    /** Upstream signals arrive in order on the connection's loop; readers may request from any thread. */
    private static final class Splitter implements CoreSubscriber<BackendMessage>, Subscription {

        private final CoreSubscriber<? super PsycopgResult> actual;
        private final Function<Flux<BackendMessage>, PsycopgResult> toResult;
        private Subscription upstream;
        private long resultDemand;
        private boolean awaitingResult;
        private boolean cancelled;
        private Part current;

        Splitter(CoreSubscriber<? super PsycopgResult> actual, Function<Flux<BackendMessage>, PsycopgResult> toResult) {
            this.actual = actual;
            this.toResult = toResult;
        }

        @Override
        public void onSubscribe(Subscription subscription) {
            upstream = subscription;
            actual.onSubscribe(this);
        }

        @Override
        public void request(long n) {
            if (!Operators.validate(n)) {
                return;
            }
            boolean fetch;
            synchronized (this) {
                resultDemand = Operators.addCap(resultDemand, n);
                fetch = current == null && !awaitingResult;
                awaitingResult |= fetch;
            }
            if (fetch) {
                upstream.request(1);
            }
        }

        /**
         * Results not started yet are not wanted. A result being emitted or read goes on (Mono.from
         * cancels before it hands the result on): its reader finishes it, or cancels it, or it is
         * skipped; the request stops after it.
         */
        @Override
        public void cancel() {
            boolean now;
            synchronized (this) {
                cancelled = true;
                now = current == null || current.abandoned;
            }
            if (now) {
                upstream.cancel();
            }
        }

        @Override
        public void onNext(BackendMessage message) {
            Part part = current;
            if (part == null) {
                if (cancelled) {
                    // Messages already on their way when the request was stopped.
                    ReferenceCountUtil.release(message);
                    return;
                }
                synchronized (this) {
                    awaitingResult = false;
                    resultDemand--;
                    part = new Part(this, message);
                    current = part;
                }
                actual.onNext(toResult.apply(part));
                if (part.abandonUnlessSubscribed()) {
                    afterAbandoned(part, message);
                }
                return;
            }
            if (part.abandoned) {
                ReferenceCountUtil.release(message);
                afterAbandoned(part, message);
                return;
            }
            part.deliver(message);
            if (endsResult(message)) {
                part.complete();
                next();
            }
        }

        private void afterAbandoned(Part part, BackendMessage message) {
            if (cancelled) {
                synchronized (this) {
                    current = null;
                }
                upstream.cancel();
            } else if (endsResult(message)) {
                part.complete();
                next();
            } else {
                upstream.request(1);
            }
        }

        /** The reader of the current result cancelled: no more results, the request stops. */
        void stop() {
            synchronized (this) {
                cancelled = true;
                current = null;
            }
            upstream.cancel();
            actual.onComplete();
        }

        /** The current result has ended: fetch the start of the next one if it is wanted. */
        private void next() {
            boolean fetch;
            boolean stop;
            synchronized (this) {
                current = null;
                stop = cancelled;
                fetch = !stop && resultDemand > 0;
                awaitingResult = fetch;
            }
            if (stop) {
                upstream.cancel();
            } else if (fetch) {
                upstream.request(1);
            }
        }

        @Override
        public void onError(Throwable error) {
            Part part = current;
            current = null;
            if (part != null && part.subscribed && !part.abandoned) {
                part.fail(error);
                actual.onComplete();
            } else {
                actual.onError(error);
            }
        }

        @Override
        public void onComplete() {
            Part part = current;
            current = null;
            if (part != null) {
                part.complete();
            }
            actual.onComplete();
        }
    }

    /** One statement's messages; the first arrives with the part, the rest on the reader's demand. */
    private static final class Part extends Flux<BackendMessage> implements Subscription {

        private final Splitter splitter;
        private BackendMessage first;
        private CoreSubscriber<? super BackendMessage> reader;
        private volatile boolean subscribed;
        private volatile boolean abandoned;
        private volatile boolean done;

        Part(Splitter splitter, BackendMessage first) {
            this.splitter = splitter;
            this.first = first;
        }

        @Override
        public void subscribe(CoreSubscriber<? super BackendMessage> subscriber) {
            synchronized (this) {
                if (!subscribed && !abandoned) {
                    subscribed = true;
                    reader = subscriber;
                }
            }
            if (reader != subscriber) {
                Operators.error(subscriber, new IllegalStateException(abandoned
                        ? "The result was not read when it was emitted, so it was skipped: subscribe to a result as it arrives (flatMap, concatMap)"
                        : "The result was already consumed: a result can be read once"));
                return;
            }
            subscriber.onSubscribe(this);
        }

        /** Called right after the result was emitted; true if nobody subscribed and the part is now skipped. */
        boolean abandonUnlessSubscribed() {
            BackendMessage pending;
            synchronized (this) {
                if (subscribed) {
                    return false;
                }
                abandoned = true;
                pending = first;
                first = null;
            }
            ReferenceCountUtil.release(pending);
            return true;
        }

        @Override
        public void request(long n) {
            if (!Operators.validate(n)) {
                return;
            }
            BackendMessage pending;
            synchronized (this) {
                pending = first;
                first = null;
            }
            if (pending != null) {
                reader.onNext(pending);
                if (endsResult(pending)) {
                    complete();
                    splitter.next();
                    return;
                }
                n--;
            }
            if (n > 0 && !done) {
                splitter.upstream.request(n);
            }
        }

        /** A reader that stops reading stops the whole request: the server is told to stop, nothing is drained. */
        @Override
        public void cancel() {
            BackendMessage pending;
            synchronized (this) {
                abandoned = true;
                done = true;
                pending = first;
                first = null;
            }
            ReferenceCountUtil.release(pending);
            splitter.stop();
        }

        void deliver(BackendMessage message) {
            reader.onNext(message);
        }

        void complete() {
            if (!done) {
                done = true;
                if (reader != null && !abandoned) {
                    reader.onComplete();
                }
            }
        }

        void fail(Throwable error) {
            if (!done) {
                done = true;
                reader.onError(error);
            }
        }
    }
}
