// A connection to PostgreSQL: statements, transactions, and PostgreSQL's own features.
package org.psycopg.r2dbc;

import io.r2dbc.spi.Connection;
import io.r2dbc.spi.IsolationLevel;
import io.r2dbc.spi.Option;
import io.r2dbc.spi.TransactionDefinition;
import io.r2dbc.spi.ValidationDepth;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import org.psycopg.r2dbc.codec.Codec;
import org.psycopg.r2dbc.codec.CodecRegistry;
import org.psycopg.r2dbc.copy.Copy;
import org.psycopg.r2dbc.copy.CopyBoth;
import org.psycopg.r2dbc.copy.CopyRows;
import org.psycopg.r2dbc.engine.MessageStream;
import org.psycopg.r2dbc.engine.Session;
import org.psycopg.r2dbc.error.ErrorMapping;
import org.psycopg.r2dbc.notify.SubscriberBuffer;
import org.psycopg.r2dbc.notify.SubscriberOverflowException;
import org.psycopg.r2dbc.protocol.backend.BackendMessage;
import org.psycopg.r2dbc.protocol.backend.DataRow;
import org.psycopg.r2dbc.protocol.backend.ErrorResponse;
import org.psycopg.r2dbc.protocol.frontend.Query;
import org.psycopg.r2dbc.sql.Identifier;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * An R2DBC connection over one session. Thread-safe: statements may be issued from any thread
 * and concurrently; they run in the order issued, pipelined on the one connection.
 *
 * <p>Auto-commit is on by default. With it off, the first statement outside a transaction
 * begins one, as psycopg2 does, and it lasts until commit or rollback.
 */
public final class PsycopgConnection implements Connection {

    /** PostgreSQL's DEFERRABLE transaction mode, for {@link #beginTransaction(TransactionDefinition)}. */
    public static final Option<Boolean> DEFERRABLE = Option.valueOf("deferrable");

    private final Session session;
    private final ExtendedQuery extendedQuery;
    private final IssueOrder order = new IssueOrder();
    private final ConnectionCodecs codecOverrides = new ConnectionCodecs();
    private final SessionTimeZone timeZone;
    private final int defaultFetchSize;
    private final boolean rewriteBatchedInserts;
    private volatile boolean autoCommit = true;
    /** The BEGIN (and SET LOCAL) of a transaction begun but not yet sent: it goes ahead of the next request, in its pipeline. */
    private volatile List<String> pendingBegin;
    private volatile IsolationLevel isolationLevel = IsolationLevel.READ_COMMITTED;

    PsycopgConnection(Session session, TypeCatalog types, PsycopgConnectionConfiguration configuration) {
        this.session = session;
        this.extendedQuery = new ExtendedQuery(this, session, types, codecOverrides,
                configuration.preparedStatementCacheSize(), configuration.prepareThreshold());
        this.timeZone = new SessionTimeZone(session.parameters());
        this.defaultFetchSize = configuration.fetchSize();
        this.rewriteBatchedInserts = configuration.rewriteBatchedInserts();
    }

    @Override
    public PsycopgStatement createStatement(String sql) {
        if (sql == null) {
            throw new IllegalArgumentException("sql must not be null");
        }
        return new PsycopgStatement(this, sql, defaultFetchSize, rewriteBatchedInserts);
    }

    @Override
    public PsycopgBatch createBatch() {
        return new PsycopgBatch(this);
    }

    // ---- transactions

    /**
     * Begins a transaction. The BEGIN is sent with the next request, in the same pipeline, which
     * saves a round trip per transaction: if it fails, that request fails with its error and
     * nothing of the request runs. A commit or rollback with nothing in between sends nothing.
     */
    @Override
    public Mono<Void> beginTransaction() {
        return begin(List.of("BEGIN"));
    }

    /** Begins a transaction with the definition's modes, sent as {@link #beginTransaction()} says. */
    @Override
    public Mono<Void> beginTransaction(TransactionDefinition definition) {
        if (definition == null) {
            throw new IllegalArgumentException("definition must not be null");
        }
        return begin(TransactionModes.begin(definition));
    }

    private Mono<Void> begin(List<String> statements) {
        return order.inTurn(done -> Mono.<Void>fromRunnable(() -> pendingBegin = statements)).then();
    }

    @Override
    public Mono<Void> commitTransaction() {
        return control("COMMIT");
    }

    @Override
    public Mono<Void> rollbackTransaction() {
        return control("ROLLBACK");
    }

    @Override
    public Mono<Void> createSavepoint(String name) {
        String savepoint = "SAVEPOINT " + savepointName(name);
        return Mono.defer(() -> control(pendingBegin == null && session.transactionStatus() == 'I' ? "BEGIN; " + savepoint : savepoint));
    }

    @Override
    public Mono<Void> releaseSavepoint(String name) {
        return control("RELEASE SAVEPOINT " + savepointName(name));
    }

    @Override
    public Mono<Void> rollbackTransactionToSavepoint(String name) {
        return control("ROLLBACK TO SAVEPOINT " + savepointName(name));
    }

    private static String savepointName(String name) {
        if (name == null) {
            throw new IllegalArgumentException("name must not be null");
        }
        return Identifier.of(name).render();
    }

    @Override
    public boolean isAutoCommit() {
        return autoCommit && pendingBegin == null && session.transactionStatus() == 'I';
    }

    /**
     * Turning auto-commit on commits the transaction in progress, if any, whether auto-commit was
     * off or a transaction was begun explicitly; asking for the mode {@link #isAutoCommit()} reports
     * does nothing.
     */
    @Override
    public Mono<Void> setAutoCommit(boolean autoCommit) {
        return Mono.defer(() -> {
            boolean was = isAutoCommit();
            this.autoCommit = autoCommit;
            return autoCommit && !was && (pendingBegin != null || session.transactionStatus() != 'I') ? commitTransaction() : Mono.empty();
        });
    }

    /** Reads the session's default isolation level (the server, database or role may set it), which startup does not report. */
    Mono<PsycopgConnection> readIsolationLevel() {
        return runSimple("SHOW default_transaction_isolation", 1)
                .flatMap(result -> result.map(row -> row.get(0, String.class)))
                .doOnNext(level -> isolationLevel = IsolationLevel.valueOf(level.toUpperCase(java.util.Locale.ROOT)))
                .then(Mono.just(this));
    }

    @Override
    public IsolationLevel getTransactionIsolationLevel() {
        return isolationLevel;
    }

    /** Sets the isolation level of the transactions this session begins from now on. */
    @Override
    public Mono<Void> setTransactionIsolationLevel(IsolationLevel level) {
        if (level == null) {
            throw new IllegalArgumentException("level must not be null");
        }
        return control("SET SESSION CHARACTERISTICS AS TRANSACTION ISOLATION LEVEL " + level.asSql())
                .doOnSuccess(done -> isolationLevel = level);
    }

    @Override
    public Mono<Void> setLockWaitTimeout(Duration timeout) {
        return control("SET lock_timeout = " + milliseconds(timeout));
    }

    @Override
    public Mono<Void> setStatementTimeout(Duration timeout) {
        return control("SET statement_timeout = " + milliseconds(timeout));
    }

    static long milliseconds(Duration timeout) {
        if (timeout == null || timeout.isNegative()) {
            throw new IllegalArgumentException("timeout must be zero (no limit) or positive: " + timeout);
        }
        return timeout.toMillis();
    }

    // ---- codecs

    /**
     * Registers codecs for this connection only, as psycopg 3's {@code connection.adapters} does:
     * they take precedence over the factory's codecs (and over earlier registrations here) for
     * the statements issued after this call.
     */
    public PsycopgConnection registerCodecs(Codec<?>... codecs) {
        codecOverrides.register(codecs);
        return this;
    }

    /**
     * {@code base} grown by the types among {@code typeOids} it does not know, and every type they
     * refer to (a composite's attributes, a domain's base type, a range's subtype), as this server's
     * catalog describes them: for decoding values that arrive outside a result, such as a
     * replication stream's. Runs in its turn like a statement.
     */
    public Mono<CodecRegistry> learnTypes(CodecRegistry base, Collection<Integer> typeOids) {
        return order.inTurn(done -> TypeCatalog.learn(this, base, typeOids)).next();
    }

    // ---- lifecycle

    @Override
    public PsycopgConnectionMetadata getMetadata() {
        return new PsycopgConnectionMetadata(session.parameters().getOrDefault("server_version", ""));
    }

    @Override
    public Mono<Boolean> validate(ValidationDepth depth) {
        if (depth == null) {
            throw new IllegalArgumentException("depth must not be null");
        }
        if (depth == ValidationDepth.LOCAL) {
            return Mono.fromSupplier(session::isOpen);
        }
        return Mono.defer(() -> session.isOpen() ? control("").thenReturn(true).onErrorReturn(false) : Mono.just(false));
    }

    /** Sends Terminate and closes the connection; calling it again does nothing. */
    @Override
    public Mono<Void> close() {
        return session.close();
    }

    /** Asks the server to stop the statement running now, over a side connection (psycopg2's {@code cancel()}). */
    public Mono<Void> cancel() {
        return session.cancelRunningQuery();
    }

    /** The server's version, this backend's process id, the reported parameters and the transaction status. */
    public ConnectionInfo info() {
        return new ConnectionInfo(session);
    }

    // ---- LISTEN / NOTIFY and notices

    public Mono<Void> listen(String channel) {
        return command("LISTEN " + Identifier.of(channel).render());
    }

    public Mono<Void> unlisten(String channel) {
        return command("UNLISTEN " + (channel.equals("*") ? "*" : Identifier.of(channel).render()));
    }

    public Mono<Void> notify(String channel, String payload) {
        return Flux.from(createStatement("SELECT pg_notify($1, $2)").bind(0, channel).bind(1, payload).execute())
                .flatMap(PsycopgResult::getRowsUpdated).then();
    }

    /**
     * A hot stream of the notifications this connection receives from now on, whenever they arrive
     * (idle, between statements, at the end of a long one), through a
     * {@linkplain SubscriberBuffer#defaults() default buffer}: a subscriber that falls
     * {@value SubscriberBuffer#DEFAULT_CAPACITY} behind gets a {@link SubscriberOverflowException}.
     */
    public Flux<Notification> notifications() {
        return notifications(SubscriberBuffer.defaults());
    }

    /**
     * A hot stream of the notifications this connection receives from now on. Each subscriber has its
     * own bounded buffer: it never holds the connection back, and what it cannot keep up with is
     * dropped and counted as the buffer's overflow policy says. Completes when the connection closes.
     */
    public Flux<Notification> notifications(SubscriberBuffer buffer) {
        return buffer.bound(session.notificationSink().asFlux()
                .map(n -> new Notification(n.channel(), n.payload(), n.processId())));
    }

    /**
     * A hot stream of the notices (RAISE NOTICE, warnings) the server sends on this connection from
     * now on, through a {@linkplain SubscriberBuffer#defaults() default buffer}. While nobody
     * subscribes, notices go to the log ({@code org.psycopg.r2dbc.notice}).
     */
    public Flux<Notice> notices() {
        return notices(SubscriberBuffer.defaults());
    }

    /** A hot stream of the notices the server sends on this connection, through the given buffer. */
    public Flux<Notice> notices(SubscriberBuffer buffer) {
        return buffer.bound(session.noticeSink().asFlux().map(Notice::new));
    }

    // ---- COPY

    /**
     * Runs {@code COPY ... FROM STDIN} with {@code data} as its input (with auto-commit off, in the
     * transaction, which it begins if needed). The data is pulled with bounded demand while the
     * connection can write; buffers are copied before more are requested, so they may be reused.
     * Emits the number of rows copied. The publisher's error, or cancelling, sends CopyFail: the
     * server rolls the COPY back and the Mono fails with the publisher's error. A bad row fails
     * with the server's error, whose {@code PostgresException.details().where()} names its line.
     * The connection stays usable in every case. See {@link Copy#fromStdin}; {@link CopyRows}
     * writes typed rows in any COPY format.
     */
    public Mono<Long> copyIn(String sql, Publisher<ByteBuffer> data) {
        return order.inTurn(done -> beginIfNeeded().thenMany(IssueOrder.thenHandedOver(Copy.fromStdin(session, sql, data), done)))
                .singleOrEmpty();
    }

    /**
     * Runs {@code COPY ... TO STDOUT} and streams its output, on demand: without demand the
     * connection stops reading and the server waits. Each buffer is a new heap buffer that the
     * subscriber owns and may keep, holding whole CopyData messages (whole rows in text and CSV).
     * Cancelling stops the server's COPY; the connection stays usable. See {@link Copy#toStdout};
     * {@link CopyRows} reads the data back as typed rows.
     */
    public Flux<ByteBuffer> copyOut(String sql) {
        return order.inTurn(done -> beginIfNeeded().thenMany(IssueOrder.thenHandedOver(Copy.toStdout(session, sql), done)));
    }

    /**
     * A statement that enters COPY BOTH, such as {@code START_REPLICATION} on a connection opened
     * with the {@code replication} startup parameter: run when its {@link CopyBoth#messages()} is
     * subscribed, the server's CopyData streamed on demand and the client's sent alongside. The
     * replication module builds its WAL stream on it.
     */
    public CopyBoth copyBoth(String sql) {
        return new CopyBoth(session, sql);
    }

    // ---- running statements

    /** Runs a statement that returns nothing of interest, beginning a transaction first if auto-commit is off. */
    Mono<Void> command(String sql) {
        return order.inTurn(done -> beginIfNeeded().thenMany(IssueOrder.thenHandedOver(controlNow(sql), done))).then();
    }

    /**
     * Runs a transaction-control or session command as it is, in its turn; fails with the server's
     * error. A BEGIN not sent yet goes in the same query, except before COMMIT or ROLLBACK: outside
     * a transaction they have nothing to end and send nothing; inside one (begun by a statement
     * with auto-commit off) they end it, and the BEGIN, which would only be warned about, is dropped.
     */
    private Mono<Void> control(String sql) {
        return order.inTurn(done -> Mono.defer(() -> {
            List<String> begin = takePendingBegin();
            if (begin != null && (sql.equals("COMMIT") || sql.equals("ROLLBACK"))) {
                if (session.transactionStatus() == 'I') {
                    return Mono.empty();
                }
                begin = null;
            }
            return IssueOrder.thenHandedOver(controlNow(begin == null ? sql : String.join("; ", begin) + "; " + sql), done).then();
        })).then();
    }

    /** The same, handed to the session at once: for work a request does in its own turn. */
    private Mono<Void> controlNow(String sql) {
        return new MessageStream(session, out -> new Query(sql).encode(out), -1)
                .handle((BackendMessage message, reactor.core.publisher.SynchronousSink<Object> sink) -> {
                    if (message instanceof ErrorResponse error) {
                        sink.error(ErrorMapping.toException(error.fields(), sql));
                    } else if (message instanceof DataRow row) {
                        row.release();
                    }
                })
                .then();
    }

    Flux<PsycopgResult> runSimple(String sql, int statements) {
        return order.inTurn(done -> {
            Flux<BackendMessage> messages = IssueOrder.thenHandedOver(
                    new MessageStream(session, out -> new Query(sql).encode(out), statements), done);
            return beginIfNeeded().thenMany(results(messages, sql, codecs()));
        });
    }

    Flux<PsycopgResult> runExtended(String sql, List<Object[]> values, int fetchSize) {
        return runExtended(List.of(new StatementRun(sql, values)), fetchSize);
    }

    /** Several statements, each with its bindings, in one pipeline: they commit or fail together. */
    Flux<PsycopgResult> runExtended(List<StatementRun> runs, int fetchSize) {
        return order.inTurn(done -> Flux.defer(() -> extendedQuery.run(runs, fetchSize, beginToSend(), done)));
    }

    /** A request that took the BEGIN ended before its pipeline left (its description failed, say): the next request sends it. */
    void beginNotSent(List<String> begin) {
        if (pendingBegin == null) {
            pendingBegin = begin;
        }
    }

    /** A statement run during another request's turn (the type catalog's lookups). */
    Flux<PsycopgResult> runExtendedNow(String sql, List<Object[]> values) {
        return extendedQuery.run(sql, values, 0, () -> {
        });
    }

    /**
     * Splits a request's messages into one result per statement, each read in the session's
     * TimeZone as of its first message (after any SET TimeZone before it).
     */
    Flux<PsycopgResult> results(Flux<BackendMessage> messages, String sql, CodecRegistry codecs) {
        return new ResultSplitter(messages, statementMessages -> new PsycopgResult(statementMessages, timeZone.apply(codecs), sql));
    }

    /**
     * Sends the BEGIN a statement needs first, as a query of its own (a round trip), for requests
     * that cannot carry it in their pipeline.
     */
    private Mono<Void> beginIfNeeded() {
        return Mono.defer(() -> {
            List<String> begin = beginToSend();
            return begin == null ? Mono.empty() : controlNow(String.join("; ", begin));
        });
    }

    /**
     * The BEGIN to send ahead of a statement, taken (it is sent once), or null: one begun and not
     * sent yet, or, with auto-commit off, a plain BEGIN outside a transaction.
     */
    private List<String> beginToSend() {
        List<String> begin = takePendingBegin();
        if (begin == null && !autoCommit && session.transactionStatus() == 'I') {
            return List.of("BEGIN");
        }
        return begin;
    }

    private List<String> takePendingBegin() {
        List<String> begin = pendingBegin;
        pendingBegin = null;
        return begin;
    }

    Session session() {
        return session;
    }

    CodecRegistry codecs() {
        return extendedQuery.codecs();
    }
}
