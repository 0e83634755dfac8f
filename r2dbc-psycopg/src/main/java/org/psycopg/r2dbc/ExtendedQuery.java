// Runs statements with the extended query protocol: describe once, prepare when used often.
package org.psycopg.r2dbc;

import io.r2dbc.spi.R2dbcException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.psycopg.r2dbc.codec.CodecRegistry;
import org.psycopg.r2dbc.engine.MessageStream;
import org.psycopg.r2dbc.engine.Session;
import org.psycopg.r2dbc.error.ErrorMapping;
import org.psycopg.r2dbc.protocol.backend.BackendMessage;
import org.psycopg.r2dbc.protocol.backend.BindComplete;
import org.psycopg.r2dbc.protocol.backend.CommandComplete;
import org.psycopg.r2dbc.protocol.backend.ErrorResponse;
import org.psycopg.r2dbc.protocol.backend.NoData;
import org.psycopg.r2dbc.protocol.backend.ParseComplete;
import org.psycopg.r2dbc.protocol.backend.RowDescription;
import org.psycopg.r2dbc.protocol.frontend.Bind;
import org.psycopg.r2dbc.protocol.frontend.Close;
import org.psycopg.r2dbc.protocol.frontend.Describe;
import org.psycopg.r2dbc.protocol.frontend.Execute;
import org.psycopg.r2dbc.protocol.frontend.Flush;
import org.psycopg.r2dbc.protocol.frontend.FrontendMessage;
import org.psycopg.r2dbc.protocol.frontend.Parse;
import org.psycopg.r2dbc.protocol.frontend.Sync;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.SynchronousSink;

/**
 * The first run of a SQL text on a connection asks the server to describe it (Parse, Describe,
 * Sync: one extra round trip, once), learns any type the codecs do not know yet, and from then
 * on every run asks for binary results wherever a codec reads them. After the prepare threshold
 * the statement is prepared under a name and runs skip Parse. When the server rejects a cached
 * description or plan (the table changed: SQLSTATE 0A000 or 08P01 before the statement
 * started), the description is dropped and the statement runs again, once, transparently.
 */
final class ExtendedQuery {

    private final PsycopgConnection connection;
    private final Session session;
    private final TypeCatalog types;
    private final ConnectionCodecs connectionCodecs;
    private final StatementCache cache;

    ExtendedQuery(PsycopgConnection connection, Session session, TypeCatalog types, ConnectionCodecs connectionCodecs,
                  int cacheSize, int prepareThreshold) {
        this.connection = connection;
        this.session = session;
        this.types = types;
        this.connectionCodecs = connectionCodecs;
        this.cache = new StatementCache(cacheSize, prepareThreshold, this::closeStatement);
    }

    CodecRegistry codecs() {
        return connectionCodecs.apply(types.registry());
    }

    /** Runs the statement once per binding; {@code handedOver} runs once its execution has been handed to the session. */
    Flux<PsycopgResult> run(String sql, List<Object[]> values, int fetchSize, Runnable handedOver) {
        return run(List.of(new StatementRun(sql, values)), fetchSize, null, handedOver);
    }

    /**
     * Runs each statement once per binding, all in one pipeline with one Sync (so they commit or
     * fail together); {@code handedOver} runs once the pipeline has been handed to the session.
     * {@code fetchSize} applies when the request is a single execution. The {@code begin}
     * statements, when not null, go first in the same pipeline: they give no result, and an error
     * of theirs fails the request (the server then skips the rest), so the statements never run
     * outside the transaction. A request that ends before its pipeline is submitted gives its
     * {@code begin} back to the connection.
     */
    Flux<PsycopgResult> run(List<StatementRun> runs, int fetchSize, List<String> begin, Runnable handedOver) {
        List<StatementRun> all = runs;
        if (begin != null) {
            all = new ArrayList<>(runs.size() + begin.size());
            for (String statement : begin) {
                all.add(new StatementRun(statement, List.<Object[]>of(new Object[0])));
            }
            all.addAll(runs);
        }
        int leading = begin == null ? 0 : begin.size();
        // Only a request carrying a BEGIN needs to know whether its pipeline left.
        AtomicBoolean submitted = begin == null ? null : new AtomicBoolean();
        Flux<PsycopgResult> results = Flux.fromIterable(all)
                .concatMap(run -> StreamedValues.resolve(run.values()).map(resolved -> {
                    CodecRegistry codecs = codecs();
                    List<Binding> bindings = new ArrayList<>(resolved.size());
                    for (Object[] bound : resolved) {
                        bindings.add(new Binding(bound, codecs));
                    }
                    return new BoundRun(run.sql(), bindings);
                }))
                .collectList()
                .flatMapMany(bound -> run(bound, leading, fetchSize, true, submitted, handedOver));
        if (begin == null) {
            return results;
        }
        Runnable unlessSubmitted = () -> {
            if (!submitted.get()) {
                connection.beginNotSent(begin);
            }
        };
        return results.doOnError(error -> unlessSubmitted.run()).doOnCancel(unlessSubmitted);
    }

    /**
     * {@code leading}: how many executions at the start begin the transaction and give no result;
     * {@code submitted}, when not null, is set as the pipeline goes to the session.
     */
    private Flux<PsycopgResult> run(List<BoundRun> runs, int leading, int fetchSize, boolean mayRetry, AtomicBoolean submitted,
                                    Runnable handedOver) {
        return Flux.fromIterable(runs).concatMap(run -> describe(run.key())).collectList().flatMapMany(entries -> {
            CodecRegistry codecs = codecs();
            int executions = runs.stream().mapToInt(run -> run.bindings().size()).sum();
            // fetchSize runs a single execution as a portal, fetchSize rows per Execute.
            int batch = executions - leading == 1 ? fetchSize : 0;
            List<PlannedRun> planned = new ArrayList<>(runs.size());
            for (int i = 0; i < runs.size(); i++) {
                planned.add(plan(runs.get(i), entries.get(i), codecs));
            }
            ExecutionPlan plan = ExecutionPlan.concat(planned.stream().map(PlannedRun::plan).toList());
            MessageStream request = MessageStream.of(session, requestMessages(planned, batch), executions, batch);
            Flux<BackendMessage> pipeline = submitted == null ? request : Flux.defer(() -> {
                submitted.set(true);
                return request;
            });
            String leadingSql = leading == 0 ? null
                    : String.join("; ", runs.subList(0, leading).stream().map(BoundRun::sql).toList());
            Flux<BackendMessage> messages = IssueOrder.thenHandedOver(pipeline, handedOver)
                    .handle(new ExecutionMessages(mayRetry, plan, leading, leadingSql));
            return connection.results(messages, runs.get(leading).sql(), codecs)
                    .onErrorResume(StaleStatement.class, stale -> {
                        entries.forEach(cache::invalidate);
                        return run(runs, leading, fetchSize, false, submitted, handedOver);
                    });
        });
    }

    /** How one statement of a request runs: by name or parsed, and with which result formats. */
    private PlannedRun plan(BoundRun run, StatementCache.Entry entry, CodecRegistry codecs) {
        boolean prepare = cache.countRun(entry);
        String name = entry.name() == null ? "" : entry.name();
        boolean parse = name.isEmpty() || prepare;
        short[] formats = entry.resultFormats(codecs);
        // A statement prepared earlier keeps its result type (the server refuses a changed plan
        // with 0A000), so its cached description stands in for a Describe per execution.
        RowDescription known = parse ? null : entry.describedAs(formats);
        return new PlannedRun(run, formats, ExecutionPlan.of(run.bindings(), run.key().types(), name, parse, known));
    }

    /** The cached description, or a Parse/Describe/Sync round trip (and type lookups) to get one. */
    private Mono<StatementCache.Entry> describe(StatementCache.Key key) {
        StatementCache.Entry cached = cache.get(key);
        if (cached != null) {
            return Mono.just(cached);
        }
        List<FrontendMessage> request = List.of(new Parse("", key.sql(), key.types()), Describe.statement(""), Sync.INSTANCE);
        return MessageStream.of(session, request, 1).<RowDescription>handle((message, sink) -> {
            if (message instanceof RowDescription rows) {
                sink.next(rows);
            } else if (message instanceof ErrorResponse error) {
                sink.error(ErrorMapping.toException(error.fields(), key.sql()));
            }
        }).collectList().flatMap(rows -> {
            StatementCache.Entry entry = new StatementCache.Entry(key, rows.isEmpty() ? null : rows.get(0));
            if (entry.rows == null) {
                cache.put(entry);
                return Mono.just(entry);
            }
            List<Integer> oids = entry.rows.fields().stream().map(RowDescription.Field::typeOid).toList();
            return types.learn(connection, oids).map(learned -> {
                cache.put(entry);
                return entry;
            });
        });
    }

    /** The request's messages: per binding [Parse], Bind, [Describe], Execute; then Sync, or Flush for a portal fetched in batches. */
    private static List<FrontendMessage> requestMessages(List<PlannedRun> runs, int fetchSize) {
        List<FrontendMessage> messages = new ArrayList<>();
        Execute execute = new Execute("", fetchSize);
        for (PlannedRun run : runs) {
            List<Binding> bindings = run.bound().bindings();
            for (int i = 0; i < bindings.size(); i++) {
                Binding binding = bindings.get(i);
                String statement = run.plan().statement(i);
                boolean parse = run.plan().parses(i);
                if (parse) {
                    messages.add(new Parse(statement, run.bound().sql(), binding.types()));
                }
                messages.add(new Bind("", statement, binding.formats(), binding.values(), run.formats()));
                if (parse) {
                    messages.add(Describe.portal(""));
                }
                messages.add(execute);
            }
        }
        messages.add(fetchSize > 0 ? Flush.INSTANCE : Sync.INSTANCE);
        return messages;
    }

    /** Closes an evicted prepared statement; its answer (CloseComplete, or an error) is of no interest. */
    private void closeStatement(String name) {
        MessageStream.of(session, List.of(Close.statement(name), Sync.INSTANCE), 1).subscribe(null, closedConnection -> {
            // The statement went with the connection.
        });
    }

    /** A statement's bindings, resolved. */
    private record BoundRun(String sql, List<Binding> bindings) {
        StatementCache.Key key() {
            return new StatementCache.Key(sql, bindings.get(0).types());
        }
    }

    /** A statement's bindings with the statement each runs and the result formats asked for. */
    private record PlannedRun(BoundRun bound, short[] formats, ExecutionPlan plan) {
    }

    /** The cached description or plan no longer fits the table: run again with a fresh one. */
    static final class StaleStatement extends R2dbcException {
        StaleStatement() {
            super("stale statement description");
        }
    }

    /**
     * Drops ParseComplete and BindComplete (results have no use for them); stands in for the
     * descriptions not asked for, in place of the BindComplete of such an execution (the shared
     * description of its statement, or the prepared statement's); and turns an error that arrives
     * before the statement started, because of a stale description, into {@link StaleStatement}.
     */
    private static final class ExecutionMessages implements java.util.function.BiConsumer<BackendMessage, SynchronousSink<BackendMessage>> {

        private final boolean mayRetry;
        private final ExecutionPlan plan;
        private final String leadingSql;
        private int leading;
        private RowDescription lastDescribed;
        private int execution = -1;
        private boolean started;

        ExecutionMessages(boolean mayRetry, ExecutionPlan plan, int leading, String leadingSql) {
            this.mayRetry = mayRetry;
            this.plan = plan;
            this.leading = leading;
            this.leadingSql = leadingSql;
        }

        @Override
        public void accept(BackendMessage message, SynchronousSink<BackendMessage> sink) {
            if (message instanceof ParseComplete) {
                return;
            }
            if (leading > 0 && !(message instanceof BindComplete)) {
                // The leading BEGIN's own messages, up to its CommandComplete: only its failure concerns the request.
                if (message instanceof ErrorResponse error) {
                    sink.error(ErrorMapping.toException(error.fields(), leadingSql));
                } else if (message instanceof CommandComplete) {
                    leading--;
                }
                return;
            }
            if (message instanceof BindComplete) {
                started = true;
                execution++;
                if (leading == 0 && !plan.parses(execution)) {
                    RowDescription standIn = plan.usesPrepared(execution) ? plan.preparedDescription(execution) : lastDescribed;
                    if (standIn != null) {
                        sink.next(standIn);
                    }
                }
                return;
            }
            if (!started && mayRetry && message instanceof ErrorResponse error
                    && ("0A000".equals(error.code()) || "08P01".equals(error.code()) || "26000".equals(error.code()))) {
                sink.error(new StaleStatement());
                return;
            }
            if (message instanceof RowDescription description) {
                lastDescribed = description;
            } else if (message instanceof NoData) {
                lastDescribed = null;
            }
            started = true;
            sink.next(message);
        }
    }
}
