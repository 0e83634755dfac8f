// A request whose backend messages are streamed to one subscriber, with backpressure.
package org.psycopg.r2dbc.engine;

import io.netty.buffer.ByteBuf;
import java.util.List;
import java.util.function.Consumer;
import org.psycopg.r2dbc.protocol.backend.BackendMessage;
import org.psycopg.r2dbc.protocol.frontend.FrontendMessage;
import reactor.core.CoreSubscriber;
import reactor.core.publisher.Flux;

/**
 * A cold publisher: each subscription queues one {@link StreamExchange} on the session, which
 * writes the request and emits every backend message up to (not including) ReadyForQuery.
 */
public final class MessageStream extends Flux<BackendMessage> {

    private final Session session;
    private final Consumer<ByteBuf> request;
    private final int statements;
    private final int fetchSize;

    /**
     * @param request    writes the frontend messages
     * @param statements how many results the request produces (Executes, or statements of a
     *                   simple query); a cancel after that many needs no CancelRequest. -1: unknown.
     */
    public MessageStream(Session session, Consumer<ByteBuf> request, int statements) {
        this(session, request, statements, 0);
    }

    /**
     * A request that runs the unnamed portal {@code fetchSize} rows at a time: it must end with
     * {@code Execute("", fetchSize)} and Flush, not Sync. The next Execute is sent when the
     * subscriber has taken every row of the previous batch; Sync once the portal is done.
     */
    public MessageStream(Session session, Consumer<ByteBuf> request, int statements, int fetchSize) {
        this.session = session;
        this.request = request;
        this.statements = statements;
        this.fetchSize = fetchSize;
    }

    /** A request of {@code messages}, written in order; see the constructors for the rest. */
    public static MessageStream of(Session session, List<? extends FrontendMessage> messages, int statements, int fetchSize) {
        return new MessageStream(session, out -> messages.forEach(message -> message.encode(out)), statements, fetchSize);
    }

    /** {@link #of(Session, List, int, int)} without fetching a portal in batches. */
    public static MessageStream of(Session session, List<? extends FrontendMessage> messages, int statements) {
        return of(session, messages, statements, 0);
    }

    @Override
    public void subscribe(CoreSubscriber<? super BackendMessage> actual) {
        StreamExchange exchange = new StreamExchange(session, request, statements, fetchSize, actual);
        actual.onSubscribe(exchange);
        session.submit(exchange);
    }
}
